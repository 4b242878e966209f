package org.dicas.sustainment;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.dicas.security.AuditLog;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.security.MarkedRecords;
import org.dicas.security.ReadableRecords;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.Marking;
import org.dicas.shared.NationCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What both sustainment registries need: the database, the record registry, the policy, and input checks. */
@Component
class SustainmentRecords {

    static final Set<String> KINDS = Set.of("DRYDOCK", "PIER", "HANGAR");
    static final Pattern CODE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$");

    final JdbcClient jdbc;
    final MarkedRecords records;
    final ReadableRecords readable;
    final AuditLog audit;
    final Directory directory;

    SustainmentRecords(JdbcClient jdbc, MarkedRecords records, ReadableRecords readable, AuditLog audit,
                       Directory directory) {
        this.jdbc = jdbc;
        this.records = records;
        this.readable = readable;
        this.audit = audit;
        this.directory = directory;
    }

    /** A query over marked records as the user may see them (policy tokens, see {@link ReadableRecords}). */
    JdbcClient.StatementSpec visible(String sql, DicasUser user) {
        return readable.query(user, sql);
    }

    static Marking marking(String banner) {
        return Marking.required(banner);
    }

    static String code(String field, String value) {
        if (value == null || !CODE.matcher(value.strip()).matches()) {
            throw new InvalidInputException(field, "a code is 1 to 32 letters, digits, '.', '_' or '-', starting "
                    + "with a letter or digit");
        }
        return value.strip();
    }

    static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "required");
        }
        if (value.strip().length() > max) {
            throw new InvalidInputException(field, "at most " + max + " characters");
        }
        return value.strip();
    }

    String nation(String field, String value) {
        String n = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        if (!NationCode.isValid(n) || !directory.nationExists(n)) {
            throw new InvalidInputException(field, "unknown nation '" + (value == null ? "" : value.strip()) + "'");
        }
        return n;
    }

    static String kind(String field, String value) {
        String k = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        if (!KINDS.contains(k)) {
            throw new InvalidInputException(field, "kind must be DRYDOCK, PIER or HANGAR, not '" + value + "'");
        }
        return k;
    }

    /** Short labels (certifications, requirements): at most 20, each 1–64 characters, no duplicates. */
    static List<String> labels(String field, List<String> values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (v == null || v.isBlank()) {
                continue;
            }
            String s = v.strip();
            if (s.length() > 64) {
                throw new InvalidInputException(field, "each entry has at most 64 characters");
            }
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        if (out.size() > 20) {
            throw new InvalidInputException(field, "at most 20 entries");
        }
        return out;
    }

    static void latLon(String latField, Double lat, String lonField, Double lon) {
        if (lat != null && (lat.isNaN() || lat < -90 || lat > 90)) {
            throw new InvalidInputException(latField, "latitude must be between -90 and 90");
        }
        if (lon != null && (lon.isNaN() || lon < -180 || lon > 180)) {
            throw new InvalidInputException(lonField, "longitude must be between -180 and 180");
        }
        if ((lat == null) != (lon == null)) {
            throw new InvalidInputException(lat == null ? latField : lonField, "give both latitude and longitude, or neither");
        }
    }

    static String array(List<String> values) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return b.append('}').toString();
    }

    static List<String> list(ResultSet rs, int column) throws SQLException {
        Array a = rs.getArray(column);
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }

    static Double dbl(ResultSet rs, int column) throws SQLException {
        double d = rs.getDouble(column);
        return rs.wasNull() ? null : d;
    }
}
