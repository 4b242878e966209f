package org.dicas.security;

import java.util.Optional;
import java.util.function.LongFunction;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.Marking;
import org.dicas.shared.NationCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The marking of every record, kept in the {@code record} table: modules register a record here before writing
 * their own row with the same id, so one table carries every marking the policy filters on.
 */
@Service
public class MarkedRecords {

    private final JdbcClient jdbc;
    private final ReleasabilityPolicy policy;

    MarkedRecords(JdbcClient jdbc, ReleasabilityPolicy policy) {
        this.jdbc = jdbc;
        this.policy = policy;
    }

    /**
     * Registers a new record written by {@code author} (its originating nation is the author's). Refuses a marking
     * the author could not read back, and PROPIN without an owning company. {@code link} gives the page path of
     * the record from its id, for search results.
     */
    public long register(String kind, String title, String searchText, Marking marking,
                         Optional<Long> owningCompanyId, DicasUser author, LongFunction<String> link) {
        RecordMarking rm = check(marking, owningCompanyId, author);
        long id = jdbc.sql("""
                        insert into record (kind, title, search_text, marking, level, noforn, rel_to, groups, propin,
                                            export_regime, origin_nation, owning_company_id, created_by)
                        values (:kind, :title, :text, :marking, :level, :noforn, cast(:relTo as text[]),
                                cast(:groups as text[]), :propin, :export, :origin, :company, :author)
                        returning id""")
                .param("kind", kind).param("title", title).param("text", searchText)
                .params(markingColumns(rm))
                .param("author", author.id())
                .query(Long.class).single();
        jdbc.sql("update record set link = :link where id = :id").param("link", link.apply(id)).param("id", id).update();
        return id;
    }

    /** Changes title, text and marking of a record; the new marking must be one the editor could read. */
    public void update(long id, String title, String searchText, Marking marking, Optional<Long> owningCompanyId,
                       DicasUser editor) {
        RecordMarking current = find(id).orElseThrow();
        RecordMarking rm = check(marking, owningCompanyId, editor);
        rm = new RecordMarking(rm.marking(), current.originNation(), rm.owningCompanyId());
        jdbc.sql("""
                        update record set title = :title, search_text = :text, marking = :marking, level = :level,
                               noforn = :noforn, rel_to = cast(:relTo as text[]), groups = cast(:groups as text[]),
                               propin = :propin, export_regime = :export, owning_company_id = :company,
                               updated_at = now()
                        where id = :id""")
                .param("id", id).param("title", title).param("text", searchText)
                .params(markingColumns(rm))
                .update();
    }

    public void updateText(long id, String title, String searchText) {
        jdbc.sql("update record set title = :title, search_text = :text, updated_at = now() where id = :id")
                .param("id", id).param("title", title).param("text", searchText).update();
    }

    public Optional<RecordMarking> find(long id) {
        return jdbc.sql("select marking, origin_nation, owning_company_id from record where id = :id")
                .param("id", id)
                .query((rs, n) -> new RecordMarking(Marking.parse(rs.getString(1)), NationCode.of(rs.getString(2)),
                        Optional.ofNullable((Long) rs.getObject(3))))
                .optional();
    }

    /** Whether the user may read the record with this id; a missing record reads as not readable. */
    public boolean readable(long id, DicasUser user) {
        return find(id).map(rm -> policy.mayRead(user, rm)).orElse(false);
    }

    private RecordMarking check(Marking marking, Optional<Long> owningCompanyId, DicasUser author) {
        Optional<Long> company = owningCompanyId;
        if (marking.propin() && company.isEmpty()) {
            company = author.companyId();
        }
        if (marking.propin() && company.isEmpty()) {
            throw new InvalidInputException("marking", "PROPIN needs an owning company");
        }
        if (!marking.propin()) {
            company = Optional.empty();
        }
        RecordMarking rm = new RecordMarking(marking, author.nation(), company);
        if (!policy.mayRead(author, rm)) {
            throw new InvalidInputException("marking", "you could not read a record marked " + marking.banner()
                    + "; choose a marking you are cleared for");
        }
        return rm;
    }

    static java.util.Map<String, Object> markingColumns(RecordMarking rm) {
        Marking m = rm.marking();
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("marking", m.banner());
        p.put("level", (short) m.level().rank());
        p.put("noforn", m.noForn());
        p.put("relTo", "{" + String.join(",", m.relTo().stream().map(NationCode::code).toList()) + "}");
        p.put("groups", "{" + String.join(",", m.groups()) + "}");
        p.put("propin", m.propin());
        p.put("export", m.export().map(e -> e.regime().name()).orElse(null));
        p.put("origin", rm.originNation().code());
        p.put("company", rm.owningCompanyId().orElse(null));
        return p;
    }
}
