package org.dicas.requirements;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The capability-area taxonomy (table {@code capability_area}). Its one source is
 * {@code glossary/capability-areas.tsv}: the V9 migration seeds the same rows and the start-up sync adds codes or
 * names the file gained since. Reference data, readable by everyone.
 */
@Service
public class CapabilityAreas {

    private final JdbcClient jdbc;

    CapabilityAreas(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every area in taxonomy order: each top-level area followed by its sub-areas. */
    public List<CapabilityArea> all() {
        return jdbc.sql("""
                        select a.code, a.parent_code, a.name_en, a.name_ja from capability_area a
                        left join capability_area p on p.code = a.parent_code
                        order by coalesce(p.position, a.position), a.parent_code nulls first, a.position""")
                .query((rs, n) -> new CapabilityArea(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    public Optional<CapabilityArea> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return jdbc.sql("select code, parent_code, name_en, name_ja from capability_area where code = :c")
                .param("c", code.strip().toUpperCase(Locale.ROOT))
                .query((rs, n) -> new CapabilityArea(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    public boolean exists(String code) {
        return find(code).isPresent();
    }
}
