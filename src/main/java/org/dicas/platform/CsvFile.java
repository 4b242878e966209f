package org.dicas.platform;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.dicas.shared.Marking;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An RFC 4180 CSV export that carries its banner: the high-water mark of its rows is the first and the last line,
 * so the marking travels with the file. The file starts with a UTF-8 byte-order mark, so that Excel on Japanese
 * Windows opens it as UTF-8 instead of Shift_JIS (Japanese text would otherwise be garbled); the banner line follows
 * it, then the header row.
 */
public final class CsvFile {

    /** The UTF-8 byte-order mark every export starts with. */
    public static final String BOM = "\uFEFF";

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

    /** The file: the byte-order mark, the banner line, the header row, the rows, and the banner line again. */
    public String content() {
        return BOM + out + quote(banner.banner()) + "\r\n";
    }

    /**
     * The file as a download: {@code text/csv; charset=UTF-8}, its banner in {@code X-DICAS-Marking}, saved under the
     * name {@code filenameKey} gives ({@link Downloads#attachment}: English {@code filename}, the reader's language as
     * {@code filename*}). The caller audits the export ({@code AuditLog.exported}).
     */
    public ResponseEntity<String> download(String filenameKey, Locale locale, Object... args) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(filenameKey, locale, args))
                .header("X-DICAS-Marking", banner.banner())
                .body(content());
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
