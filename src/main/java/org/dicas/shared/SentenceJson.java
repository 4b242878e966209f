package org.dicas.shared;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
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
    /** A day, a month and a moment are stored as such, so that they read as dates in each reader's language. */
    private static final String DATE = "date";
    private static final String MONTH = "month";
    private static final String INSTANT = "instant";
    private static final java.util.regex.Pattern ISO_DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
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
        if (arg instanceof LocalDate || arg instanceof YearMonth || arg instanceof Instant) {
            ObjectNode o = NODES.objectNode();
            o.put(arg instanceof LocalDate ? DATE : arg instanceof YearMonth ? MONTH : INSTANT, arg.toString());
            return o;
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
        if (n.isObject() && n.path(DATE).isString()) {
            return LocalDate.parse(n.get(DATE).asString());
        }
        if (n.isObject() && n.path(MONTH).isString()) {
            return YearMonth.parse(n.get(MONTH).asString());
        }
        if (n.isObject() && n.path(INSTANT).isString()) {
            return Instant.parse(n.get(INSTANT).asString());
        }
        if (n.isObject()) {
            return sentence(n);
        }
        if (n.isString() && ISO_DATE.matcher(n.asString()).matches()) {
            try {
                return LocalDate.parse(n.asString()); // a day stored as text before days were stored as days
            } catch (java.time.format.DateTimeParseException notADay) {
                return n.asString();
            }
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
