package org.dicas.requirements.internal;

import org.dicas.shared.Sentence;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dicas.requirements.LeadCommand;
import org.dicas.requirements.LeadImportRow;
import org.dicas.requirements.Leads;
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
    private static final ImportTable.Layout LAYOUT = new ImportTable.Layout(Sentence.of("lead.import.noun"), COLUMNS,
            List.of("sourceType", "sourceName", "text"), Map.of());
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
        ImportTable.Content table = ImportTable.csv(content.getBytes(StandardCharsets.UTF_8), Leads.IMPORT_LIMIT,
                LAYOUT);
        if (!table.problems().isEmpty()) {
            throw InvalidInputException.of("file", "lead.import.problems", table.problems().get(0),
                    table.problems().size());
        }
        List<LeadImportRow> rows = new ArrayList<>();
        for (ImportTable.Line line : table.lines()) {
            Sentence where = Sentence.of("lead.import.line", line.number());
            rows.add(new LeadImportRow(where, command(where, line::get, defaultMarking)));
        }
        return rows;
    }

    public static List<LeadImportRow> json(String content, String defaultMarking) {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JacksonException e) {
            throw InvalidInputException.of("file", "lead.import.notJson", e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !root.has("leads") || !root.get("leads").isArray()) {
            throw InvalidInputException.of("file", "lead.import.expectedLeads");
        }
        List<LeadImportRow> rows = new ArrayList<>();
        int n = 0;
        for (JsonNode item : root.get("leads")) {
            n++;
            Sentence where = Sentence.of("lead.import.record", n);
            if (!item.isObject()) {
                throw InvalidInputException.of("file", "sentence.fieldProblem", where,
                        Sentence.of("lead.import.expectedObject"));
            }
            for (String field : item.propertyNames()) {
                if (!COLUMNS.contains(field)) {
                    throw InvalidInputException.of("file", "sentence.fieldProblem", where,
                            Sentence.of("lead.import.unknownField", field));
                }
                if (!item.get(field).isString() && !item.get(field).isNull()) {
                    throw InvalidInputException.of("file", "sentence.fieldProblem", where,
                            Sentence.of("lead.import.notText", field));
                }
            }
            rows.add(new LeadImportRow(where, command(where, f -> item.has(f) && item.get(f).isString()
                    ? item.get(f).asString() : "", defaultMarking)));
        }
        return rows;
    }

    private static LeadCommand command(Sentence where, java.util.function.Function<String, String> get,
                                       String defaultMarking) {
        String date = get.apply("date").strip();
        LocalDate d = null;
        if (!date.isEmpty()) {
            try {
                d = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                throw InvalidInputException.of("file", "sentence.fieldProblem", where,
                        Sentence.of("lead.import.notDate", date));
            }
        }
        String marking = get.apply("marking").strip();
        return new LeadCommand(get.apply("sourceType"), get.apply("sourceName"), d, get.apply("title"),
                get.apply("text"), get.apply("link"), marking.isEmpty() ? defaultMarking : marking);
    }
}
