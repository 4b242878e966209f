package org.dicas.requirements.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dicas.shared.Sentence;

/**
 * Reads the rows of an uploaded table — CSV (UTF-8, comma-separated, header row) or Excel {@code .xlsx} (first
 * sheet, header row) — for the module's imports (requirements, leads). Each row keeps its line (CSV: the physical
 * line it starts on; Excel: the sheet's row number) so that errors can name it. Column names are matched without
 * regard to case against the {@link Layout}; blank rows are skipped; every problem of the file as a whole is
 * returned as "line N: …" sentences, never thrown.
 */
final class ImportTable {

    /**
     * What a file must look like: the rows' noun (for messages), its columns in their documented order, the
     * required ones, and groups of columns of which at least one must be present (e.g. an English or Japanese title),
     * each under what the message calls it.
     */
    record Layout(Sentence noun, List<String> columns, List<String> required, Map<Sentence, List<String>> oneOf) {
    }

    /** One data row: its line number and its values by column name (blank for missing cells). */
    record Line(int number, Map<String, String> values) {
        String get(String column) {
            return values.getOrDefault(column, "");
        }
    }

    /** The rows, or the problems of the file as a whole (header, format). */
    record Content(List<Line> lines, List<Sentence> problems) {
    }

    private ImportTable() {
    }

    static boolean isExcel(String filename, byte[] bytes) {
        boolean zip = bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        return zip || (filename != null && filename.toLowerCase(Locale.ROOT).endsWith(".xlsx"));
    }

    static Content read(String filename, byte[] bytes, int maxRows, Layout layout) {
        return isExcel(filename, bytes) ? excel(bytes, maxRows, layout) : csv(bytes, maxRows, layout);
    }

    /**
     * Collects rows in file order: the first non-blank row is the header, then each row is checked against it. The
     * CSV and Excel readers differ only in how they find the cells and line of a row.
     */
    private static final class Rows {
        private final int maxRows;
        private final Layout layout;
        private final List<Line> lines = new ArrayList<>();
        private final List<Sentence> problems = new ArrayList<>();
        private List<String> header;

        Rows(int maxRows, Layout layout) {
            this.maxRows = maxRows;
            this.layout = layout;
        }

        /** Takes one row; false when reading must stop (a bad header, too many rows). */
        boolean add(int line, List<String> cells) {
            if (header == null) {
                if (cells.stream().allMatch(String::isBlank)) {
                    return true;
                }
                header = headerOf(cells, line);
                return problems.isEmpty();
            }
            if (cells.stream().allMatch(String::isBlank)) {
                return true;
            }
            if (lines.size() >= maxRows) {
                problems.clear();
                lines.clear();
                problems.add(Sentence.of("requirement.import.tooManyRows", maxRows, layout.noun()));
                return false;
            }
            if (cells.size() > header.size()) {
                problems.add(atLine(line, Sentence.of("requirement.import.cellCount", cells.size(), header.size())));
                return true;
            }
            Map<String, String> v = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                v.put(header.get(i), i < cells.size() ? cells.get(i).strip() : "");
            }
            lines.add(new Line(line, v));
            return true;
        }

        Content content(Sentence what) {
            if (header == null && problems.isEmpty()) {
                return failed(Sentence.of("requirement.import.empty", what, layout.noun()));
            }
            return new Content(List.copyOf(lines), List.copyOf(problems));
        }

        private List<String> headerOf(List<String> cells, int line) {
            List<String> names = new ArrayList<>();
            for (String raw : cells) {
                String name = raw.strip();
                String column = layout.columns().stream().filter(c -> c.equalsIgnoreCase(name)).findFirst()
                        .orElse(null);
                if (column == null) {
                    problems.add(atLine(line, Sentence.of("requirement.import.unknownColumn", name, layout.columns())));
                } else if (names.contains(column)) {
                    problems.add(atLine(line, Sentence.of("requirement.import.columnTwice", column)));
                }
                names.add(column == null ? name : column);
            }
            for (String required : layout.required()) {
                if (!names.contains(required)) {
                    problems.add(atLine(line, Sentence.of("requirement.import.missingColumn", required)));
                }
            }
            layout.oneOf().forEach((what, group) -> {
                if (group.stream().noneMatch(names::contains)) {
                    problems.add(atLine(line, Sentence.of("requirement.import.headerNeeds", what)));
                }
            });
            return names;
        }
    }

    // ----------------------------------------------------------------------------------------------- CSV

    static Content csv(byte[] bytes, int maxRows, Layout layout) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return failed(Sentence.of("requirement.import.notUtf8"));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.indexOf('\0') >= 0) {
            return failed(Sentence.of("requirement.import.nul"));
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();
        Rows rows = new Rows(maxRows, layout);
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            int[] newlinesBefore = newlineIndex(text);
            for (CSVRecord rec : parser) {
                // a record after blank lines starts where they start: its line is that of its first character
                int at = (int) rec.getCharacterPosition();
                while (at < text.length() && (text.charAt(at) == '\n' || text.charAt(at) == '\r')) {
                    at++;
                }
                if (!rows.add(lineAt(newlinesBefore, at), rec.toList())) {
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            return failed(Sentence.of("requirement.import.csvUnreadable", firstLine(e.getMessage())));
        }
        return rows.content(Sentence.of("requirement.import.theFile"));
    }

    private static int[] newlineIndex(String text) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                positions.add(i);
            }
        }
        return positions.stream().mapToInt(Integer::intValue).toArray();
    }

    /** 1-based line of a character position: one plus the newlines before it. */
    private static int lineAt(int[] newlines, int position) {
        int lo = 0;
        int hi = newlines.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (newlines[mid] < position) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo + 1;
    }

    // ----------------------------------------------------------------------------------------------- Excel

    static Content excel(byte[] bytes, int maxRows, Layout layout) {
        Rows rows = new Rows(maxRows, layout);
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            if (wb.getNumberOfSheets() == 0) {
                return failed(Sentence.of("requirement.import.noSheet"));
            }
            Sheet sheet = wb.getSheetAt(0);
            FormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            for (Row row : sheet) {
                int width = Math.max(row.getLastCellNum(), 0);
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < width; i++) {
                    cells.add(cell(row.getCell(i), formatter, evaluator));
                }
                while (!cells.isEmpty() && cells.get(cells.size() - 1).isBlank()) {
                    cells.remove(cells.size() - 1);
                }
                if (!rows.add(row.getRowNum() + 1, cells)) {
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            return failed(Sentence.of("requirement.import.excelUnreadable", firstLine(e.getMessage())));
        }
        return rows.content(Sentence.of("requirement.import.theSheet"));
    }

    private static String cell(Cell c, DataFormatter formatter, FormulaEvaluator evaluator) {
        if (c == null) {
            return "";
        }
        CellType type = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
        if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(c)) {
            LocalDate d = c.getLocalDateTimeCellValue().toLocalDate();
            return d.toString();
        }
        if (type == CellType.NUMERIC) {
            double v = c.getNumericCellValue();
            if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                return Long.toString((long) v);
            }
            return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        }
        return formatter.formatCellValue(c, evaluator).strip();
    }

    private static Content failed(Sentence problem) {
        return new Content(List.of(), List.of(problem));
    }

    /** "line N: what is wrong", in the reader's language. */
    static Sentence atLine(int line, Sentence problem) {
        return Sentence.of("requirement.import.line", line, problem);
    }

    /** A problem with one column of a line, the column named as the file's header names it. */
    static Sentence atColumn(String column, Sentence problem) {
        return Sentence.of("sentence.fieldProblem", column, problem);
    }

    /** The first line of a library's message about an unreadable file (a parser's own words, as given). */
    private static Object firstLine(String s) {
        if (s == null) {
            return Sentence.of("requirement.import.unreadable");
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
