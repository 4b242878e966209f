package org.dicas.shared;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@link Sentence} as stored JSON, so that what the system wrote down (a history entry, a notification's
 * arguments) is kept as key and arguments and rendered in each reader's language when read:
 * {@code {"key": "sosa.history.acknowledged", "args": [{"key": "nation.JPN", "args": []}, "note"]}}.
 * Arguments keep their kind: a nested sentence is an object, a list an array, a whole number a number; anything else
 * (text typed by people, dates) is stored as its text.
 */
public final class SentenceJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SentenceJson() {
    }

    public static String write(Sentence sentence) {
        return node(sentence).toString();
    }

    /** Only the arguments, as a JSON array (for a row that keeps its key in a column of its own). */
    public static String writeArgs(List<?> args) {
        return array(args).toString();
    }

    public static Sentence read(String json) {
        return sentence(parse(json));
    }

    /** Arguments written by {@link #writeArgs}. */
    public static List<Object> readArgs(String json) {
        JsonNode node = parse(json);
        if (!node.isArray()) {
            throw new IllegalArgumentException("stored sentence arguments are not a JSON array: " + json);
        }
        return values(node);
    }

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a stored sentence: " + json, e);
        }
    }

    private static ObjectNode node(Sentence sentence) {
        ObjectNode o = NODES.objectNode();
        o.put("key", sentence.key());
        o.set("args", array(sentence.args()));
        return o;
    }

    private static ArrayNode array(Collection<?> items) {
        ArrayNode a = NODES.arrayNode();
        for (Object item : items) {
            a.add(value(item));
        }
        return a;
    }

    private static JsonNode value(Object arg) {
        if (arg == null) {
            return NODES.stringNode("");
        }
        if (arg instanceof Sentence s) {
            return node(s);
        }
        if (arg instanceof Collection<?> c) {
            return array(c);
        }
        if (arg instanceof Integer || arg instanceof Long || arg instanceof Short) {
            return NODES.numberNode(((Number) arg).longValue());
        }
        if (arg instanceof BigInteger b) {
            return NODES.numberNode(b);
        }
        return NODES.stringNode(arg.toString());
    }

    private static Sentence sentence(JsonNode node) {
        if (!node.isObject() || !node.path("key").isString()) {
            throw new IllegalArgumentException("not a stored sentence: " + node);
        }
        return new Sentence(node.get("key").asString(), values(node.path("args")));
    }

    private static List<Object> values(JsonNode array) {
        List<Object> out = new ArrayList<>();
        for (JsonNode n : array) {
            out.add(object(n));
        }
        return out;
    }

    private static Object object(JsonNode n) {
        if (n.isObject()) {
            return sentence(n);
        }
        if (n.isArray()) {
            return values(n);
        }
        if (n.isIntegralNumber()) {
            return n.canConvertToLong() ? (Object) n.asLong() : n.bigIntegerValue();
        }
        return n.asString();
    }
}
