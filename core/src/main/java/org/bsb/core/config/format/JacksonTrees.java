package org.bsb.core.config.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bsb.api.config.ConfigNode;
import org.bsb.api.config.ConfigNode.ListNode;
import org.bsb.api.config.ConfigNode.MapNode;
import org.bsb.api.config.ConfigNode.ScalarNode;
import org.bsb.api.config.ConfigSyntaxException;
import org.bsb.api.config.SourcePosition;

/**
 * Reads any Jackson token stream (JSON, YAML) into a {@link ConfigNode} tree carrying the line
 * and column of every node, and writes such a tree back. Only the streaming API is used, so the
 * tree is the same whatever the format.
 */
final class JacksonTrees {
    /** Deeper documents are rejected as malformed instead of exhausting the stack. */
    static final int MAX_DEPTH = 500;
    /** Nodes a document may expand to through YAML aliases (each alias counts its whole target). */
    static final long MAX_NODES = 2_000_000;

    private JacksonTrees() {}

    static ConfigNode parse(JsonFactory factory, String source, String text) throws ConfigSyntaxException {
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new ConfigSyntaxException(new SourcePosition(source, 1, 1), "the file is empty");
            }
            ConfigNode root = read(parser, source, 0, new HashMap<>(), new long[1]);
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                throw new ConfigSyntaxException(
                        position(source, parser.currentTokenLocation()),
                        "unexpected content after the end of the document");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new ConfigSyntaxException(position(source, e.getLocation()), clean(e.getOriginalMessage()));
        } catch (IOException | RuntimeException e) {
            // Parser bugs or limits (e.g. snakeyaml's own nesting limit) are still malformed input to the user.
            throw new ConfigSyntaxException(
                    new SourcePosition(source, 0, 0),
                    e.getMessage() != null
                            ? clean(e.getMessage())
                            : e.getClass().getSimpleName());
        }
    }

    /**
     * Reads the value at the current token. {@code anchors} holds the YAML anchors seen so far:
     * an alias ({@code *name}) stands for a copy of the anchored node, as in {@code yaml.safe_load}.
     */
    private static ConfigNode read(JsonParser p, String source, int depth, Map<String, Anchored> anchors, long[] nodes)
            throws IOException, ConfigSyntaxException {
        SourcePosition at = position(source, p.currentTokenLocation());
        if (depth > MAX_DEPTH) {
            throw new ConfigSyntaxException(at, "the document is nested more than " + MAX_DEPTH + " levels deep");
        }
        if (++nodes[0] > MAX_NODES) {
            throw new ConfigSyntaxException(at, "the document expands to more than " + MAX_NODES + " values");
        }
        if (p instanceof YAMLParser yaml) {
            if (yaml.isCurrentAlias()) {
                Anchored target = anchors.get(p.getText());
                if (target == null) {
                    // Jackson's YAML parser drops anchors of single values; only mappings and lists keep them.
                    throw new ConfigSyntaxException(
                            at,
                            "unknown alias '*" + p.getText()
                                    + "' (an alias must follow its anchor, and only mappings and lists can be anchored)");
                }
                // An alias is a copy of its target for everything downstream: count it as such.
                nodes[0] += target.size();
                if (nodes[0] > MAX_NODES) {
                    throw new ConfigSyntaxException(
                            at, "the document expands to more than " + MAX_NODES + " values through its aliases");
                }
                return target.node();
            }
            String anchor = yaml.getObjectId();
            if (anchor != null) {
                long before = nodes[0];
                ConfigNode node = readValue(p, source, depth, anchors, at, nodes);
                anchors.put(anchor, new Anchored(node, nodes[0] - before));
                return node;
            }
        }
        return readValue(p, source, depth, anchors, at, nodes);
    }

    private record Anchored(ConfigNode node, long size) {}

    private static ConfigNode readValue(
            JsonParser p, String source, int depth, Map<String, Anchored> anchors, SourcePosition at, long[] nodes)
            throws IOException, ConfigSyntaxException {
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT: {
                Map<String, ConfigNode> entries = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    SourcePosition keyAt = position(source, p.currentTokenLocation());
                    if (entries.containsKey(key)) {
                        throw new ConfigSyntaxException(keyAt, "duplicate key '" + key + "'");
                    }
                    p.nextToken();
                    entries.put(key, read(p, source, depth + 1, anchors, nodes));
                }
                return new MapNode(entries, at);
            }
            case START_ARRAY: {
                List<ConfigNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p, source, depth + 1, anchors, nodes));
                }
                return new ListNode(items, at);
            }
            case VALUE_STRING:
                return new ScalarNode(p.getText(), at);
            case VALUE_NUMBER_INT: {
                BigInteger big = p.getBigIntegerValue();
                Object value = big.bitLength() < 64 ? (Object) big.longValue() : (Object) big.doubleValue();
                return new ScalarNode(value, at);
            }
            case VALUE_NUMBER_FLOAT:
                return new ScalarNode(floatValue(p), at);
            case VALUE_TRUE:
                return new ScalarNode(Boolean.TRUE, at);
            case VALUE_FALSE:
                return new ScalarNode(Boolean.FALSE, at);
            case VALUE_NULL:
                return new ScalarNode(null, at);
            case VALUE_EMBEDDED_OBJECT: {
                Object embedded = p.getEmbeddedObject();
                return new ScalarNode(embedded == null ? null : embedded.toString(), at);
            }
            default:
                throw new ConfigSyntaxException(at, "unexpected " + token);
        }
    }

    /** YAML's {@code .inf}, {@code -.inf} and {@code .nan} are floats that Jackson cannot convert itself. */
    private static Object floatValue(JsonParser p) throws IOException {
        try {
            return p.getDoubleValue();
        } catch (JsonProcessingException | NumberFormatException e) {
            String text = p.getText().trim().toLowerCase(java.util.Locale.ROOT);
            return switch (text) {
                case ".inf", "+.inf" -> Double.POSITIVE_INFINITY;
                case "-.inf" -> Double.NEGATIVE_INFINITY;
                case ".nan" -> Double.NaN;
                default -> p.getText();
            };
        }
    }

    static SourcePosition position(String source, JsonLocation location) {
        if (location == null) {
            return new SourcePosition(source, 0, 0);
        }
        return new SourcePosition(source, Math.max(0, location.getLineNr()), Math.max(0, location.getColumnNr()));
    }

    /** Jackson's messages end with a source excerpt that only repeats the position. */
    private static String clean(String message) {
        if (message == null) {
            return "malformed document";
        }
        String m = message;
        int at = m.indexOf("\n at [Source");
        if (at >= 0) {
            m = m.substring(0, at);
        }
        return m.replace('\n', ' ').replaceAll("\\s+", " ").trim();
    }

    static String write(JsonFactory factory, ConfigNode tree, boolean pretty) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = factory.createGenerator(out)) {
            if (pretty) {
                g.useDefaultPrettyPrinter();
            }
            write(g, tree);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write config tree", e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, ConfigNode node) throws IOException {
        if (node instanceof MapNode map) {
            g.writeStartObject();
            for (Map.Entry<String, ConfigNode> e : map.entries().entrySet()) {
                g.writeFieldName(e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (node instanceof ListNode list) {
            g.writeStartArray();
            for (ConfigNode item : list.items()) {
                write(g, item);
            }
            g.writeEndArray();
        } else {
            Object v = ((ScalarNode) node).value();
            if (v == null) {
                g.writeNull();
            } else if (v instanceof Boolean b) {
                g.writeBoolean(b);
            } else if (v instanceof Long || v instanceof Integer) {
                g.writeNumber(((Number) v).longValue());
            } else if (v instanceof Number n) {
                g.writeNumber(n.doubleValue());
            } else {
                g.writeString(v.toString());
            }
        }
    }
}
