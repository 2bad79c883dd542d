package org.bsb.core.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bsb.api.config.ConfigFormat;
import org.bsb.api.config.ConfigNode;
import org.bsb.api.config.ConfigNode.ListNode;
import org.bsb.api.config.ConfigNode.MapNode;
import org.bsb.api.config.ConfigNode.ScalarNode;
import org.bsb.api.config.ConfigSyntaxException;
import org.bsb.core.registry.Registry;

/**
 * The original's file references, resolved before binding:
 * <ul>
 * <li>{@code {"$ref": "doc#/abs/path", ...local keys}}: the mapping at {@code path} of
 * {@code doc} (a JSON/YAML file relative to the referring file's folder; empty for the same
 * file; without {@code #} the whole file), with the local keys on top (local keys win, mappings
 * merged recursively). A path without a leading {@code /} is relative to the referring node
 * ({@code ..} goes up).</li>
 * <li>{@code {"$import": {"ref": "doc#/path", "values": [k1, k2]}}}: copies those keys of the
 * target mapping next to the local keys (a local key of the same name wins; mappings merge).</li>
 * </ul>
 * Nodes keep the positions of the file they come from, so errors point into the referenced file.
 */
final class References {
    private static final int MAX_DEPTH = 64;

    private final Registry registry;
    private final Path baseDirectory;
    private final List<ConfigError> errors;
    private final Map<Path, ConfigNode> documents = new HashMap<>();
    private final Deque<String> resolving = new ArrayDeque<>();

    /** @param baseDirectory the main file's folder, or null: then only same-document references work */
    References(Registry registry, Path baseDirectory, List<ConfigError> errors) {
        this.registry = registry;
        this.baseDirectory = baseDirectory;
        this.errors = errors;
    }

    /** Whether a tree uses references at all (most do not, and are returned as they are). */
    static boolean used(ConfigNode node) {
        if (node instanceof MapNode m) {
            if (m.entries().containsKey("$ref") || m.entries().containsKey("$import")) {
                return true;
            }
            return m.entries().values().stream().anyMatch(References::used);
        }
        return node instanceof ListNode l && l.items().stream().anyMatch(References::used);
    }

    ConfigNode resolve(ConfigNode root) {
        return walk(root, new Document(root, baseDirectory), List.of(), "");
    }

    private record Document(ConfigNode root, Path directory) {}

    /**
     * @param location the node's keys from its document's root, for relative references
     * @param path the node's config path in the main config, for messages
     */
    private ConfigNode walk(ConfigNode node, Document doc, List<String> location, String path) {
        if (node instanceof ListNode list) {
            List<ConfigNode> items = new ArrayList<>();
            for (int i = 0; i < list.items().size(); i++) {
                items.add(walk(list.items().get(i), doc, append(location, Integer.toString(i)), Names.index(path, i)));
            }
            return new ListNode(items, list.position());
        }
        if (!(node instanceof MapNode map)) {
            return node;
        }
        Map<String, ConfigNode> local = new LinkedHashMap<>();
        map.entries().forEach((k, v) -> {
            if (!k.equals("$ref") && !k.equals("$import")) {
                local.put(k, walk(v, doc, append(location, k), Names.child(path, k)));
            }
        });
        MapNode result = new MapNode(local, map.position());
        ConfigNode ref = map.entries().get("$ref");
        if (ref != null) {
            MapNode target = target(ref, doc, location, Names.child(path, "$ref"), path);
            if (target != null) {
                result = merge(target, result);
            }
        }
        ConfigNode imports = map.entries().get("$import");
        if (imports != null) {
            result = imports(imports, result, doc, location, Names.child(path, "$import"), path);
        }
        return result;
    }

    private MapNode imports(
            ConfigNode spec, MapNode local, Document doc, List<String> location, String specPath, String path) {
        if (!(spec instanceof MapNode s)
                || !(s.entries().get("ref") instanceof ScalarNode)
                || !(s.entries().get("values") instanceof ListNode values)) {
            error(
                    spec,
                    specPath,
                    Plain.describe(spec),
                    "a mapping with 'ref' (a reference) and 'values' (a list of keys)");
            return local;
        }
        MapNode target = target(s.entries().get("ref"), doc, location, Names.child(specPath, "ref"), path);
        if (target == null) {
            return local;
        }
        Map<String, ConfigNode> out = new LinkedHashMap<>(local.entries());
        for (int i = 0; i < values.items().size(); i++) {
            ConfigNode item = values.items().get(i);
            String key = item instanceof ScalarNode k && k.value() != null ? String.valueOf(k.value()) : null;
            ConfigNode imported = key != null ? target.entries().get(key) : null;
            if (imported == null) {
                error(
                        item,
                        Names.index(Names.child(specPath, "values"), i),
                        Plain.describe(item),
                        "a key of the referenced mapping: "
                                + String.join(", ", target.entries().keySet()));
                continue;
            }
            ConfigNode mine = out.get(key);
            if (mine == null) {
                out.put(key, imported);
            } else if (mine instanceof MapNode m && imported instanceof MapNode t) {
                out.put(key, merge(t, m));
            } else {
                errors.add(ConfigError.warning(
                        mine.position(),
                        Names.child(path, key),
                        "a local '" + key + "'",
                        "no local value for an imported key (the local one is kept)"));
            }
        }
        return new MapNode(out, local.position());
    }

    /** The mapping a reference points to, itself resolved; null (and an error) if there is none. */
    private MapNode target(ConfigNode ref, Document doc, List<String> location, String refPath, String path) {
        if (!(ref instanceof ScalarNode s) || !(s.value() instanceof String text)) {
            error(ref, refPath, Plain.describe(ref), "a reference string 'file#/path'");
            return null;
        }
        int hash = text.indexOf('#');
        String file = hash >= 0 ? text.substring(0, hash) : text;
        String inner = hash >= 0 ? text.substring(hash + 1) : "/";
        Document target = doc;
        if (!file.isEmpty()) {
            target = document(file, doc, ref, refPath);
            if (target == null) {
                return null;
            }
        }
        List<String> keys = new ArrayList<>(inner.startsWith("/") || target != doc ? List.of() : location);
        for (String part : inner.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!keys.isEmpty()) {
                    keys.remove(keys.size() - 1);
                }
            } else {
                keys.add(part);
            }
        }
        String key = System.identityHashCode(target.root()) + "#" + String.join("/", keys);
        if (resolving.contains(key) || resolving.size() > MAX_DEPTH) {
            error(ref, refPath, "'" + text + "'", "a reference that does not lead back to itself");
            return null;
        }
        ConfigNode node = target.root();
        for (String k : keys) {
            ConfigNode next = node instanceof MapNode m
                    ? m.entries().get(k)
                    : node instanceof ListNode l
                                    && k.chars().allMatch(Character::isDigit)
                                    && Integer.parseInt(k) < l.items().size()
                            ? l.items().get(Integer.parseInt(k))
                            : null;
            if (next == null) {
                error(ref, refPath, "'" + text + "'", "a reference to an existing node (no '" + k + "' there)");
                return null;
            }
            node = next;
        }
        resolving.push(key);
        try {
            ConfigNode resolved = walk(node, target, keys, path);
            if (!(resolved instanceof MapNode m)) {
                error(ref, refPath, "'" + text + "' (" + Plain.describe(resolved) + ")", "a reference to a mapping");
                return null;
            }
            return m;
        } finally {
            resolving.pop();
        }
    }

    private Document document(String file, Document from, ConfigNode ref, String refPath) {
        if (from.directory() == null) {
            error(ref, refPath, "'" + file + "'", "a reference within this config (it is not read from a folder)");
            return null;
        }
        Path path = from.directory().resolve(file).toAbsolutePath().normalize();
        ConfigNode root = documents.get(path);
        if (root == null) {
            String name = baseDirectory != null && path.startsWith(baseDirectory)
                    ? baseDirectory.relativize(path).toString()
                    : path.toString();
            try {
                ConfigFormat format = ConfigLoader.formatFor(name, registry);
                root = format.parse(name, Files.readString(path));
            } catch (ConfigException e) {
                error(ref, refPath, "'" + file + "'", "a referenced file ending in .json, .yaml or .yml");
                return null;
            } catch (ConfigSyntaxException e) {
                errors.add(ConfigError.error(
                        e.position(),
                        refPath,
                        "malformed " + name + " (" + e.getMessage() + ")",
                        "a well-formed referenced file"));
                return null;
            } catch (java.nio.file.NoSuchFileException e) {
                error(ref, refPath, "'" + file + "'", "an existing file (" + path + " not found)");
                return null;
            } catch (IOException | RuntimeException e) {
                error(ref, refPath, "'" + file + "'", "a readable file (" + path + " cannot be read)");
                return null;
            }
            documents.put(path, root);
        }
        return new Document(root, path.getParent());
    }

    /** {@code local} on top of {@code base}: local keys win, mappings merge recursively. */
    private static MapNode merge(MapNode base, MapNode local) {
        Map<String, ConfigNode> out = new LinkedHashMap<>(base.entries());
        local.entries().forEach((k, v) -> {
            ConfigNode under = out.get(k);
            out.put(k, under instanceof MapNode b && v instanceof MapNode l ? merge(b, l) : v);
        });
        return new MapNode(out, local.position());
    }

    private static List<String> append(List<String> location, String key) {
        List<String> out = new ArrayList<>(location.size() + 1);
        out.addAll(location);
        out.add(key);
        return out;
    }

    private void error(ConfigNode at, String path, String found, String expected) {
        errors.add(ConfigError.error(at.position(), path, found, expected));
    }
}
