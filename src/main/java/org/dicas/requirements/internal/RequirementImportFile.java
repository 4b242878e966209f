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

/**
 * Reads the rows of an uploaded requirements file: CSV (UTF-8, comma-separated, header row) or Excel {@code .xlsx}
 * (first sheet, header row). Each row keeps the line (CSV: the physical line it starts on; Excel: the sheet's row
 * number) so that errors can name it. Column names are matched without regard to case; blank rows are skipped.
 */
final class RequirementImportFile {

    /** The columns a file may have, in their documented order. */
    static final List<String> COLUMNS = List.of("nation", "service", "capabilityArea", "titleEn", "titleJa",
            "descriptionEn", "descriptionJa", "quantity", "needBy", "status", "marking");
    static final List<String> REQUIRED = List.of("service", "capabilityArea", "needBy", "marking");

    /** One data row: its line number and its values by column name (blank for missing cells). */
    record Line(int number, Map<String, String> values) {
        String get(String column) {
            return values.getOrDefault(column, "");
        }
    }

    /** The rows, or the problems of the file as a whole (header, format). */
    record Content(List<Line> lines, List<String> problems) {
    }

    private RequirementImportFile() {
    }

    static boolean isExcel(String filename, byte[] bytes) {
        boolean zip = bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        return zip || (filename != null && filename.toLowerCase(Locale.ROOT).endsWith(".xlsx"));
    }

    static Content read(String filename, byte[] bytes, int maxRows) {
        return isExcel(filename, bytes) ? excel(bytes, maxRows) : csv(bytes, maxRows);
    }

    // ----------------------------------------------------------------------------------------------- CSV

    static Content csv(byte[] bytes, int maxRows) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return failed("the file is not UTF-8 text (save the CSV as UTF-8, or upload an .xlsx file)");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.indexOf('\0') >= 0) {
            return failed("the file contains NUL characters; it is not a CSV file");
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();
        List<Line> lines = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> header = null;
            int[] newlinesBefore = newlineIndex(text);
            for (CSVRecord rec : parser) {
                int line = lineAt(newlinesBefore, (int) rec.getCharacterPosition());
                List<String> cells = rec.toList();
                if (header == null) {
                    header = headerOf(cells, line, problems);
                    if (!problems.isEmpty()) {
                        return new Content(List.of(), problems);
                    }
                    continue;
                }
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (lines.size() >= maxRows) {
                    return failed("the file holds more than " + maxRows + " requirements; split it");
                }
                if (cells.size() > header.size()) {
                    problems.add("line " + line + ": " + cells.size() + " cells but the header has " + header.size()
                            + " columns");
                    continue;
                }
                lines.add(new Line(line, values(header, cells)));
            }
            if (header == null) {
                return failed("the file is empty: it needs a header row and at least one requirement");
            }
        } catch (IOException | RuntimeException e) {
            return failed("the CSV cannot be read: " + firstLine(e.getMessage()));
        }
        return new Content(lines, problems);
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

    static Content excel(byte[] bytes, int maxRows) {
        List<Line> lines = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            if (wb.getNumberOfSheets() == 0) {
                return failed("the workbook has no sheet");
            }
            Sheet sheet = wb.getSheetAt(0);
            FormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            List<String> header = null;
            for (Row row : sheet) {
                int line = row.getRowNum() + 1;
                int width = Math.max(row.getLastCellNum(), 0);
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < width; i++) {
                    cells.add(cell(row.getCell(i), formatter, evaluator));
                }
                while (!cells.isEmpty() && cells.get(cells.size() - 1).isBlank()) {
                    cells.remove(cells.size() - 1);
                }
                if (header == null) {
                    if (cells.isEmpty()) {
                        continue;
                    }
                    header = headerOf(cells, line, problems);
                    if (!problems.isEmpty()) {
                        return new Content(List.of(), problems);
                    }
                    continue;
                }
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (lines.size() >= maxRows) {
                    return failed("the file holds more than " + maxRows + " requirements; split it");
                }
                if (cells.size() > header.size()) {
                    problems.add("line " + line + ": " + cells.size() + " cells but the header has " + header.size()
                            + " columns");
                    continue;
                }
                lines.add(new Line(line, values(header, cells)));
            }
            if (header == null) {
                return failed("the sheet is empty: it needs a header row and at least one requirement");
            }
        } catch (IOException | RuntimeException e) {
            return failed("the Excel file cannot be read (an .xlsx workbook is expected): " + firstLine(e.getMessage()));
        }
        return new Content(lines, problems);
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

    // ----------------------------------------------------------------------------------------------- shared

    private static List<String> headerOf(List<String> cells, int line, List<String> problems) {
        List<String> header = new ArrayList<>();
        for (String raw : cells) {
            String name = raw.strip();
            String column = COLUMNS.stream().filter(c -> c.equalsIgnoreCase(name)).findFirst().orElse(null);
            if (column == null) {
                problems.add("line " + line + ": unknown column \"" + name + "\" (columns: " + String.join(", ", COLUMNS)
                        + ")");
            } else if (header.contains(column)) {
                problems.add("line " + line + ": column \"" + column + "\" appears twice");
            }
            header.add(column == null ? name : column);
        }
        for (String required : REQUIRED) {
            if (!header.contains(required)) {
                problems.add("line " + line + ": the header lacks the column \"" + required + "\"");
            }
        }
        if (!header.contains("titleEn") && !header.contains("titleJa")) {
            problems.add("line " + line + ": the header needs a title column (\"titleEn\" and/or \"titleJa\")");
        }
        return header;
    }

    private static Map<String, String> values(List<String> header, List<String> cells) {
        Map<String, String> v = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            v.put(header.get(i), i < cells.size() ? cells.get(i).strip() : "");
        }
        return v;
    }

    private static Content failed(String problem) {
        return new Content(List.of(), List.of(problem));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
