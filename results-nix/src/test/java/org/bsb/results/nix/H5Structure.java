package org.bsb.results.nix;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.datatype.StringData;
import io.jhdf.object.datatype.VariableLength;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The structure of an HDF5 file as sorted lines, read with jHDF, for comparing a NIX file of ours
 * with one neo wrote: every group and dataset by path, its attributes with their types and
 * shapes, dataset types and shapes, and which paths are hard links to one object. Generated names
 * (neo's {@code <type>.<uuid hex>}, entity ids) are replaced by placeholders; attribute values are
 * left out except those that are part of the layout ({@code type}, {@code dimension_type},
 * {@code label}, {@code unit}, {@code format}, {@code version}).
 */
final class H5Structure {
    private H5Structure() {}

    /**
     * Whether to tell fixed-length strings from variable-length ones and their character sets
     * ({@code string(UTF-8)} vs {@code vlen-string(US-ASCII)}), or to call them all {@code str}.
     */
    enum Strings {
        DISTINGUISH,
        IGNORE_STORAGE
    }

    private static final java.util.Set<String> VALUE_ATTRIBUTES =
            java.util.Set.of("type", "dimension_type", "label", "unit", "format", "version");

    static List<String> of(Path file, Strings strings) {
        try (HdfFile f = new HdfFile(file)) {
            List<String> lines = new ArrayList<>();
            Map<Long, TreeSet<String>> byAddress = new HashMap<>();
            lines.add("/ " + attributes(f, strings));
            walk(f, "", lines, byAddress, strings);
            for (TreeSet<String> paths : byAddress.values()) {
                if (paths.size() > 1) {
                    lines.add("hard link: " + String.join(" = ", paths));
                }
            }
            lines.sort(null);
            return lines;
        }
    }

    private static void walk(
            Group group, String path, List<String> lines, Map<Long, TreeSet<String>> byAddress, Strings strings) {
        for (Node child : group.getChildren().values()) {
            String p = path + "/" + normalize(child.getName());
            if (child instanceof Group g) {
                byAddress.computeIfAbsent(g.getAddress(), k -> new TreeSet<>()).add(p);
                lines.add("G " + p + " " + attributes(g, strings));
                walk(g, p, lines, byAddress, strings);
            } else if (child instanceof Dataset d) {
                lines.add("D " + p + " " + type(d.getDataType(), strings) + Arrays.toString(d.getDimensions()) + " "
                        + attributes(d, strings));
            }
        }
    }

    private static String attributes(Node node, Strings strings) {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, Attribute> e : node.getAttributes().entrySet()) {
            Attribute a = e.getValue();
            String shape = a.isScalar() ? "" : Arrays.toString(a.getDimensions());
            String value = VALUE_ATTRIBUTES.contains(e.getKey()) ? "=" + value(a) : "";
            out.put(e.getKey(), type(a.getDataType(), strings) + shape + value);
        }
        return out.toString();
    }

    private static String value(Attribute a) {
        Object v = a.getData();
        return v != null && v.getClass().isArray() ? arrayString(v) : String.valueOf(v);
    }

    private static String arrayString(Object array) {
        int n = java.lang.reflect.Array.getLength(array);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(String.valueOf(java.lang.reflect.Array.get(array, i)));
        }
        return items.toString();
    }

    static String type(DataType t, Strings strings) {
        if (t instanceof StringData s) {
            return strings == Strings.DISTINGUISH ? "string(" + s.getCharset() + ")" : "str";
        }
        if (t instanceof VariableLength v) {
            return strings == Strings.DISTINGUISH ? "vlen-string(" + v.getEncoding() + ")" : "str";
        }
        if (t instanceof FloatingPoint) {
            return "float" + t.getSize() * 8;
        }
        if (t instanceof FixedPoint fp) {
            return (fp.isSigned() ? "int" : "uint") + t.getSize() * 8;
        }
        return t.getClass().getSimpleName();
    }

    /** neo's generated names and NIX entity ids as placeholders. */
    static String normalize(String name) {
        return name.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>")
                .replaceAll("\\.[0-9a-f]{32}", ".<hex>");
    }
}
