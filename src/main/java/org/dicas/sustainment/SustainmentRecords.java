package org.dicas.sustainment;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
            throw InvalidInputException.of(field, "sus.error.code");
        }
        return value.strip();
    }

    static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw InvalidInputException.of(field, "sus.error.required");
        }
        if (value.strip().length() > max) {
            throw InvalidInputException.of(field, "sus.error.tooLong", max);
        }
        return value.strip();
    }

    String nation(String field, String value) {
        String n = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        if (!NationCode.isValid(n) || !directory.nationExists(n)) {
            throw InvalidInputException.of(field, "sus.error.unknownNation", value == null ? "" : value.strip());
        }
        return n;
    }

    static String kind(String field, String value) {
        String k = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        if (!ResourceKinds.known(k)) {
            throw InvalidInputException.of(field, "sus.error.kind", ResourceKinds.ALL, value == null ? "" : value);
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
                throw InvalidInputException.of(field, "sus.error.entryTooLong", 64);
            }
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        if (out.size() > 20) {
            throw InvalidInputException.of(field, "sus.error.tooManyEntries", 20);
        }
        return out;
    }

    static void latLon(String latField, Double lat, String lonField, Double lon) {
        if (lat != null && (lat.isNaN() || lat < -90 || lat > 90)) {
            throw InvalidInputException.of(latField, "sus.error.latitude");
        }
        if (lon != null && (lon.isNaN() || lon < -180 || lon > 180)) {
            throw InvalidInputException.of(lonField, "sus.error.longitude");
        }
        if ((lat == null) != (lon == null)) {
            throw InvalidInputException.of(lat == null ? latField : lonField, "sus.error.latLonPair");
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
