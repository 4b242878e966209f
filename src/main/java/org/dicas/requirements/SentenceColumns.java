package org.dicas.requirements;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.dicas.shared.Sentence;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@link Sentence} stored in two columns, its key and its arguments as JSON, so that history written today is
 * rendered tomorrow in each reader's language. Arguments keep their shape: whole numbers stay numbers, nested
 * sentences (stage and program-type labels) stay sentences, lists stay lists; anything else is stored as its text.
 */
final class SentenceColumns {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SentenceColumns() {
    }

    /** The arguments as a JSON array. */
    static String args(Sentence sentence) {
        return JSON.writeValueAsString(array(sentence.args()));
    }

    /** The sentence of a stored key and arguments; null when no key was stored (a row written as text). */
    static Sentence read(String key, String argsJson) {
        if (key == null) {
            return null;
        }
        JsonNode args = argsJson == null ? NODES.arrayNode() : JSON.readTree(argsJson);
        return new Sentence(key, values(args));
    }

    private static ArrayNode array(Collection<?> items) {
        ArrayNode a = NODES.arrayNode();
        for (Object item : items) {
            a.add(node(item));
        }
        return a;
    }

    private static JsonNode node(Object arg) {
        if (arg == null) {
            return NODES.nullNode();
        }
        if (arg instanceof Sentence s) {
            ObjectNode o = NODES.objectNode();
            o.put("key", s.key());
            o.set("args", array(s.args()));
            return o;
        }
        if (arg instanceof Collection<?> c) {
            return array(c);
        }
        if (arg instanceof Integer || arg instanceof Long || arg instanceof Short) {
            return NODES.numberNode(((Number) arg).longValue());
        }
        return NODES.stringNode(arg.toString());
    }

    private static List<Object> values(JsonNode array) {
        List<Object> out = new ArrayList<>();
        for (JsonNode n : array) {
            out.add(value(n));
        }
        return out;
    }

    private static Object value(JsonNode n) {
        if (n.isNull()) {
            return null;
        }
        if (n.isObject()) {
            return new Sentence(n.get("key").asString(), values(n.get("args")));
        }
        if (n.isArray()) {
            return values(n);
        }
        if (n.isIntegralNumber()) {
            return n.asLong();
        }
        return n.asString();
    }
}
