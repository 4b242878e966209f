package org.dicas.search;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.dicas.security.DicasUser;
import org.dicas.security.ReleasabilityPolicy;
import org.dicas.security.SqlFilter;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.Marking;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Searches titles and bodies of every record type the caller may read. Every word of the query must occur
 * (case-insensitive substring, which also serves Japanese text without word breaks). Filtering happens in SQL
 * before the limit, so a hidden record can neither appear nor push a visible one off the page.
 */
@Service
public class Search {

    public static final int MAX_QUERY = 200;

    private final JdbcClient jdbc;
    private final ReleasabilityPolicy policy;

    Search(JdbcClient jdbc, ReleasabilityPolicy policy) {
        this.jdbc = jdbc;
        this.policy = policy;
    }

    public List<SearchHit> search(DicasUser user, String query, int limit) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            return List.of();
        }
        if (q.length() > MAX_QUERY) {
            throw new InvalidInputException("q", "query is longer than " + MAX_QUERY + " characters");
        }
        List<String> words = Arrays.stream(q.split("\\s+")).filter(w -> !w.isEmpty()).limit(10).toList();
        SqlFilter f = policy.sqlFilterWithContainer(user, "r");
        StringBuilder sql = new StringBuilder("""
                select r.kind, r.id, r.title, r.marking, r.link, r.search_text from record r where """)
                .append(f.clause());
        for (int i = 0; i < words.size(); i++) {
            sql.append(" and (r.title || ' ' || r.search_text) ilike :w").append(i).append(" escape '\\'");
        }
        sql.append(" order by r.updated_at desc, r.id desc limit :limit");
        var spec = jdbc.sql(sql.toString()).params(f.parameters()).param("limit", Math.max(1, Math.min(limit, 200)));
        for (int i = 0; i < words.size(); i++) {
            spec = spec.param("w" + i, "%" + escape(words.get(i)) + "%");
        }
        return spec.query((rs, n) -> new SearchHit(rs.getString(1).toLowerCase(Locale.ROOT).replace('_', '-'),
                rs.getLong(2), rs.getString(3), Marking.parse(rs.getString(4)), rs.getString(5),
                snippet(rs.getString(6), words.get(0)))).list();
    }

    static String escape(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static String snippet(String text, String word) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ");
        int at = flat.toLowerCase(Locale.ROOT).indexOf(word.toLowerCase(Locale.ROOT));
        int start = Math.max(0, at < 0 ? 0 : at - 60);
        int end = Math.min(flat.length(), start + 160);
        return (start > 0 ? "…" : "") + flat.substring(start, end) + (end < flat.length() ? "…" : "");
    }
}
