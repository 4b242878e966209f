package org.dicas.platform;

import java.util.List;
import org.dicas.shared.Marking;

/**
 * An RFC 4180 CSV export that carries its banner: the high-water mark of its rows is the first and the last line,
 * so the marking travels with the file. The file starts with a UTF-8 byte-order mark so that Excel on Japanese
 * Windows reads it as UTF-8 (without it, Japanese text is garbled); the header row follows the banner line.
 */
public final class CsvFile {

    private final StringBuilder out = new StringBuilder();

    public CsvFile(Marking banner, List<String> header) {
        out.append(quote(banner.banner())).append("\r\n");
        row(header);
        this.banner = banner;
    }

    private final Marking banner;

    public CsvFile row(List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quote(cells.get(i) == null ? "" : cells.get(i).toString()));
        }
        out.append("\r\n");
        return this;
    }

    public Marking banner() {
        return banner;
    }

    /** The byte-order mark every export starts with (written as UTF-8: EF BB BF). */
    public static final String BYTE_ORDER_MARK = "\uFEFF";

    /** The file: the byte-order mark, the banner line, the header, the rows, and the banner line again. */
    public String content() {
        return BYTE_ORDER_MARK + out + quote(banner.banner()) + "\r\n";
    }

    static String quote(String value) {
        String v = value;
        // neutralise spreadsheet formulas (CSV injection)
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") || !v.equals(value)) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
