package org.bsb.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.bsb.api.command.CommandFailure;
import org.bsb.api.geometry.Point3;
import org.bsb.api.morphology.Morphology;
import org.bsb.api.storage.ConnectivityBlock;
import org.bsb.api.storage.NetworkData;
import org.bsb.api.storage.PlacementBlock;
import org.bsb.core.compile.CompileException;
import org.bsb.core.compile.Compiler;
import org.bsb.core.compile.Networks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bsb inspect NETWORK}: what a network file holds. */
@Command(
        name = "inspect",
        mixinStandardHelpOptions = true,
        description =
                "Show a network file's cells per type and chunk, connections per set, morphologies, config name and seed.")
public class InspectCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    GlobalOptions global = new GlobalOptions();

    @Parameters(index = "0", paramLabel = "NETWORK", description = "The network file.")
    String network;

    @Option(names = "--json", description = "Print JSON for machines.")
    boolean json;

    public InspectCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        NetworkData data;
        String engine;
        try {
            Networks.Opened opened = Networks.open(context.registry(), context.resolve(network), true);
            data = opened.network();
            engine = opened.engineName();
        } catch (CompileException e) {
            throw new CommandFailure(1, "bsb inspect: " + e.getMessage());
        }
        Map<String, Object> summary = summary(network, engine, data);
        if (json) {
            try {
                context.out()
                        .println(new ObjectMapper()
                                .enable(SerializationFeature.INDENT_OUTPUT)
                                .writeValueAsString(summary));
            } catch (JsonProcessingException e) {
                throw new CommandFailure(1, "bsb inspect: " + e.getMessage());
            }
        } else {
            print(context.out(), summary);
        }
        return 0;
    }

    /** The summary as plain maps and lists (the {@code --json} document). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> summary(String file, String engine, NetworkData data) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("file", file);
        s.put("engine", engine);
        s.put("config_name", data.attributes().get(Compiler.NAME));
        String seed = data.attributes().get(Compiler.SEED);
        s.put("seed", seed == null ? null : Long.parseLong(seed));
        Point3 cs = data.chunkSize();
        s.put("chunk_size", List.of(cs.x(), cs.y(), cs.z()));
        Map<String, Object> cells = new TreeMap<>();
        for (PlacementBlock b : data.placement()) {
            Map<String, Object> type = (Map<String, Object>) cells.computeIfAbsent(b.cellType(), k -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("count", 0);
                m.put("chunks", new ArrayList<Map<String, Object>>());
                return m;
            });
            type.put("count", (Integer) type.get("count") + b.size());
            Map<String, Object> chunk = new LinkedHashMap<>();
            chunk.put("chunk", List.of(b.chunk().x(), b.chunk().y(), b.chunk().z()));
            chunk.put("id", b.chunk().id());
            chunk.put("count", b.size());
            ((List<Object>) type.get("chunks")).add(chunk);
        }
        s.put("cells", cells);
        Map<String, Object> sets = new TreeMap<>();
        for (ConnectivityBlock c : data.connectivity()) {
            Map<String, Object> set = (Map<String, Object>) sets.computeIfAbsent(c.set(), k -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("pre", c.preType());
                m.put("post", c.postType());
                m.put("count", 0);
                return m;
            });
            set.put("count", (Integer) set.get("count") + c.size());
        }
        // per-cell degree statistics (unconnected cells included)
        Map<String, Long> counts = new TreeMap<>();
        data.placement().forEach(b -> counts.merge(b.cellType(), (long) b.size(), Long::sum));
        for (var st : org.bsb.core.network.ConnectivityStats.of(data.connectivity(), t -> counts.getOrDefault(t, 0L))) {
            Map<String, Object> set = (Map<String, Object>) sets.get(st.set());
            set.put("cell_pairs", st.pairs());
            set.put("out_degree", degree(st.out()));
            set.put("in_degree", degree(st.in()));
        }
        s.put("connections", sets);
        List<Object> morphologies = new ArrayList<>();
        for (Morphology m : data.morphologies()) {
            Map<String, Object> mm = new LinkedHashMap<>();
            mm.put("name", m.name());
            mm.put("branches", m.branches().size());
            mm.put("points", m.pointCount());
            java.util.Set<String> labels = new java.util.TreeSet<>();
            m.labelSets().forEach(labels::addAll);
            mm.put("labels", new ArrayList<>(labels));
            morphologies.add(mm);
        }
        s.put("morphologies", morphologies);
        s.put("has_config", data.configJson() != null);
        return s;
    }

    private static Map<String, Object> degree(org.bsb.core.network.ConnectivityStats.Degree d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", d.mean());
        m.put("sd", d.sd());
        m.put("min", d.min());
        m.put("max", d.max());
        m.put("unconnected", d.unconnected());
        return m;
    }

    @SuppressWarnings("unchecked")
    private static void print(PrintStream out, Map<String, Object> s) {
        out.println("Network " + s.get("file") + " (" + s.get("engine") + ")");
        out.println("  config: " + (s.get("config_name") == null ? "(unnamed)" : "'" + s.get("config_name") + "'")
                + ", seed " + s.get("seed"));
        List<Double> cs = (List<Double>) s.get("chunk_size");
        out.println("  chunk size: " + fmt(cs.get(0)) + " x " + fmt(cs.get(1)) + " x " + fmt(cs.get(2)) + " µm");
        Map<String, Object> cells = (Map<String, Object>) s.get("cells");
        int total = cells.values().stream()
                .mapToInt(t -> (Integer) ((Map<String, Object>) t).get("count"))
                .sum();
        out.println("Cells: " + total);
        cells.forEach((name, t) -> {
            Map<String, Object> type = (Map<String, Object>) t;
            List<Map<String, Object>> chunks = (List<Map<String, Object>>) type.get("chunks");
            out.println("  " + name + ": " + type.get("count") + " in " + chunks.size() + " chunks");
            for (Map<String, Object> c : chunks) {
                List<Integer> xyz = (List<Integer>) c.get("chunk");
                out.println("    [" + xyz.get(0) + " " + xyz.get(1) + " " + xyz.get(2) + "] (id " + c.get("id") + "): "
                        + c.get("count"));
            }
        });
        Map<String, Object> sets = (Map<String, Object>) s.get("connections");
        int conns = sets.values().stream()
                .mapToInt(t -> (Integer) ((Map<String, Object>) t).get("count"))
                .sum();
        out.println("Connections: " + conns);
        sets.forEach((name, v) -> {
            Map<String, Object> set = (Map<String, Object>) v;
            out.println("  " + name + " (" + set.get("pre") + " -> " + set.get("post") + "): " + set.get("count")
                    + " between " + set.get("cell_pairs") + " cell pairs");
            out.println("    out-degree per " + set.get("pre") + " cell: " + degreeText(set.get("out_degree")));
            out.println("    in-degree per " + set.get("post") + " cell: " + degreeText(set.get("in_degree")));
        });
        List<Map<String, Object>> morphologies = (List<Map<String, Object>>) s.get("morphologies");
        out.println("Morphologies: " + morphologies.size());
        for (Map<String, Object> m : morphologies) {
            out.println("  " + m.get("name") + ": " + m.get("branches") + " branches, " + m.get("points")
                    + " points, labels " + String.join(", ", (List<String>) m.get("labels")));
        }
    }

    @SuppressWarnings("unchecked")
    private static String degreeText(Object o) {
        Map<String, Object> d = (Map<String, Object>) o;
        return String.format(
                java.util.Locale.ROOT,
                "mean %.2f, sd %.2f, min %d, max %d, %d without",
                d.get("mean"),
                d.get("sd"),
                d.get("min"),
                d.get("max"),
                d.get("unconnected"));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
