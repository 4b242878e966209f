package org.dicas.requirements.internal;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dicas.requirements.LeadCommand;
import org.dicas.requirements.LeadImportRow;
import org.dicas.shared.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads lead import files into numbered rows; the service saves them all or none.
 * <ul>
 * <li>CSV (UTF-8, header row): {@code sourceType,sourceName,date,title,text,link,marking}; {@code title},
 * {@code link}, {@code marking} and {@code date} may be empty or absent (marking: the form's default; date: today).
 * Errors name the file line.</li>
 * <li>JSON: {@code {"leads":[{"sourceType","sourceName","date"?,"title"?,"text","link"?,"marking"?}]}}; errors name
 * the record number (1-based).</li>
 * </ul>
 */
public final class LeadImport {

    public static final List<String> COLUMNS = List.of("sourceType", "sourceName", "date", "title", "text", "link",
            "marking");
    private static final Set<String> REQUIRED = Set.of("sourceType", "sourceName", "text");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LeadImport() {
    }

    /** CSV or JSON by the file name's extension or, failing that, by the first character. */
    public static List<LeadImportRow> read(String fileName, String content, String defaultMarking) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        String body = content.startsWith("\uFEFF") ? content.substring(1) : content;
        boolean json = name.endsWith(".json") || (!name.endsWith(".csv") && body.stripLeading().startsWith("{"));
        return json ? json(body, defaultMarking) : csv(body, defaultMarking);
    }

    public static List<LeadImportRow> csv(String content, String defaultMarking) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        List<LeadImportRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(content), format)) {
            Map<String, Integer> header = parser.getHeaderMap();
            for (String column : header.keySet()) {
                if (!COLUMNS.contains(column)) {
                    throw new InvalidInputException("file", "line 1: unknown column '" + column + "'; expected "
                            + String.join(",", COLUMNS));
                }
            }
            for (String required : REQUIRED) {
                if (!header.containsKey(required)) {
                    throw new InvalidInputException("file", "line 1: the column '" + required + "' is missing");
                }
            }
            Iterator<CSVRecord> it = parser.iterator();
            while (true) {
                long line = parser.getCurrentLineNumber() + 1;
                CSVRecord r;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    r = it.next();
                } catch (IllegalStateException | java.io.UncheckedIOException e) {
                    throw new InvalidInputException("file", "line " + line + ": " + e.getMessage());
                }
                int at = (int) parser.getCurrentLineNumber();
                if (r.size() != header.size()) {
                    throw new InvalidInputException("file", "line " + at + ": " + r.size() + " fields, expected "
                            + header.size());
                }
                rows.add(new LeadImportRow("line " + at, command("line " + at, name -> header.containsKey(name)
                        ? r.get(name) : "", defaultMarking)));
            }
        } catch (IOException e) {
            throw new InvalidInputException("file", "the CSV file cannot be read: " + e.getMessage());
        }
        return rows;
    }

    public static List<LeadImportRow> json(String content, String defaultMarking) {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JacksonException e) {
            throw new InvalidInputException("file", "not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !root.has("leads") || !root.get("leads").isArray()) {
            throw new InvalidInputException("file", "expected {\"leads\": [ ... ]}");
        }
        List<LeadImportRow> rows = new ArrayList<>();
        int n = 0;
        for (JsonNode item : root.get("leads")) {
            n++;
            String where = "record " + n;
            if (!item.isObject()) {
                throw new InvalidInputException("file", where + ": expected an object");
            }
            for (String field : item.propertyNames()) {
                if (!COLUMNS.contains(field)) {
                    throw new InvalidInputException("file", where + ": unknown field '" + field + "'");
                }
                if (!item.get(field).isString() && !item.get(field).isNull()) {
                    throw new InvalidInputException("file", where + ": " + field + " must be text");
                }
            }
            rows.add(new LeadImportRow(where, command(where, f -> item.has(f) && item.get(f).isString()
                    ? item.get(f).asString() : "", defaultMarking)));
        }
        return rows;
    }

    private static LeadCommand command(String where, java.util.function.Function<String, String> get,
                                       String defaultMarking) {
        String date = get.apply("date").strip();
        LocalDate d = null;
        if (!date.isEmpty()) {
            try {
                d = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("file", where + ": date: '" + date + "' is not a date (YYYY-MM-DD)");
            }
        }
        String marking = get.apply("marking").strip();
        return new LeadCommand(get.apply("sourceType"), get.apply("sourceName"), d, get.apply("title"),
                get.apply("text"), get.apply("link"), marking.isEmpty() ? defaultMarking : marking);
    }
}
