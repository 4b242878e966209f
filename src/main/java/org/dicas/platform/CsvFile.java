package org.dicas.platform;

import java.util.List;
import org.dicas.shared.Marking;

/**
 * An RFC 4180 CSV export that carries its banner: the high-water mark of its rows is the first and the last line,
 * so the marking travels with the file.
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

    /** The file, ending with the banner line. */
    public String content() {
        return out + quote(banner.banner()) + "\r\n";
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
