package org.dicas.security;

import org.dicas.shared.IdArray;
import java.util.Optional;
import java.util.function.LongFunction;
import org.dicas.shared.ExpectedVersion;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.NotFoundException;
import org.dicas.shared.Sentence;
import org.dicas.shared.StaleVersionException;
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

    /** A record as the trust features see it: what it is, where its page is, and its marking. */
    public record Summary(long id, String kind, String title, String link, RecordMarking marking, Long createdBy) {
    }

    private final JdbcClient jdbc;
    private final ReleasabilityPolicy policy;
    private final AuditLog audit;
    private final org.springframework.context.ApplicationEventPublisher events;

    MarkedRecords(JdbcClient jdbc, ReleasabilityPolicy policy, AuditLog audit,
                  org.springframework.context.ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.audit = audit;
        this.events = events;
    }

    /**
     * Registers a new record written by {@code author} (its originating nation is the author's). Refuses a marking
     * the author could not read back, and PROPIN without an owning company. {@code link} gives the page path of
     * the record from its id, for search results.
     */
    public long register(String kind, String title, String searchText, Marking marking,
                         Optional<Long> owningCompanyId, DicasUser author, LongFunction<String> link) {
        return register(kind, title, searchText, marking, owningCompanyId, author, link, false);
    }

    /**
     * As {@link #register}, for a record that only government users may read, whatever its marking allows: a record
     * that speaks for a government (an official's judgment of a pair of requirements). Every reader, generic or not,
     * applies this through the one policy ({@link RecordMarking#governmentOnly}); the author must be a government user.
     */
    public long registerForGovernments(String kind, String title, String searchText, Marking marking,
                                       DicasUser author, LongFunction<String> link) {
        return register(kind, title, searchText, marking, Optional.empty(), author, link, true);
    }

    private long register(String kind, String title, String searchText, Marking marking,
                          Optional<Long> owningCompanyId, DicasUser author, LongFunction<String> link,
                          boolean governmentOnly) {
        RecordMarking rm = check(marking, owningCompanyId, author);
        if (governmentOnly && !author.government()) {
            throw InvalidInputException.of("marking", "marking.error.notCleared", marking.banner());
        }
        long id = jdbc.sql("""
                        insert into record (kind, title, search_text, marking, level, noforn, rel_to, groups, propin,
                                            export_regime, origin_nation, owning_company_id, created_by,
                                            government_only)
                        values (:kind, :title, :text, :marking, :level, :noforn, cast(:relTo as text[]),
                                cast(:groups as text[]), :propin, :export, :origin, :company, :author, :governmentOnly)
                        returning id""")
                .param("kind", kind).param("title", title).param("text", searchText)
                .params(markingColumns(rm)).param("governmentOnly", governmentOnly)
                .param("author", author.id())
                .query(Long.class).single();
        jdbc.sql("update record set link = :link where id = :id").param("link", link.apply(id)).param("id", id).update();
        audit.append(author, "CREATE", id, kind, Sentence.of("audit.detail.marking", marking.banner()));
        events.publishEvent(new RecordChanged(id));
        return id;
    }

    /**
     * Changes title, text and marking of a record, made against version {@code expected}; the new marking must be
     * one the editor could read. A change against an older version than the stored one saves nothing
     * ({@link StaleVersionException}) — so a stale copy can never put back a wider marking.
     */
    public void update(long id, ExpectedVersion expected, String title, String searchText, Marking marking,
                       Optional<Long> owningCompanyId, DicasUser editor) {
        update(id, expected, title, searchText, marking, owningCompanyId, editor, null);
    }

    /**
     * As {@link #update(long, ExpectedVersion, String, String, Marking, Optional, DicasUser)}, and the audit entry
     * also says what changed ({@code what}, a sentence naming the changed fields; null: nothing beyond the marking).
     */
    public void update(long id, ExpectedVersion expected, String title, String searchText, Marking marking,
                       Optional<Long> owningCompanyId, DicasUser editor, Sentence what) {
        RecordMarking current = find(id).orElseThrow();
        RecordMarking rm = check(marking, owningCompanyId, editor);
        rm = new RecordMarking(rm.marking(), current.originNation(), rm.owningCompanyId());
        int n = jdbc.sql("""
                        update record set title = :title, search_text = :text, marking = :marking, level = :level,
                               noforn = :noforn, rel_to = cast(:relTo as text[]), groups = cast(:groups as text[]),
                               propin = :propin, export_regime = :export, owning_company_id = :company,
                               updated_at = now(), version = version + 1
                        where id = :id and version = :expected""")
                .param("id", id).param("title", title).param("text", searchText)
                .params(markingColumns(rm)).param("expected", expected.required())
                .update();
        requireOne(n, id, expected);
        Sentence markingDetail = current.marking().equals(marking)
                ? Sentence.of("audit.detail.marking", marking.banner())
                : Sentence.of("audit.detail.markingFromTo", current.marking().banner(), marking.banner());
        audit.append(editor, "UPDATE", id, kindOf(id), what == null ? markingDetail
                : Sentence.of("audit.detail.changedWithMarking", what, markingDetail));
        events.publishEvent(new RecordChanged(id));
    }

    /**
     * Changes only the marking of a record (a release decision). The caller has checked who may release; the new
     * marking must still be one the actor can read.
     */
    public void changeMarking(long id, Marking marking, DicasUser actor, Sentence reason) {
        // a release decision is checked against the request's state, not a version the officer read: it moves the version
        RecordMarking current = find(id).orElseThrow();
        RecordMarking rm = new RecordMarking(marking, current.originNation(),
                marking.propin() ? current.owningCompanyId() : Optional.empty());
        if (!policy.mayRead(actor, new RecordMarking(marking, current.originNation(), rm.owningCompanyId(),
                current.authorizations(), current.governmentOnly()))) {
            throw InvalidInputException.of("marking", "marking.error.notClearedRelease", marking.banner());
        }
        writeMarking(id, rm);
        audit.append(actor, "MARKING_CHANGED", id, kindOf(id),
                Sentence.of("audit.detail.markingFromToFor", current.marking().banner(), marking.banner(), reason));
        events.publishEvent(new RecordChanged(id));
    }

    /** The actor of what the platform does by itself (a derived record following what it derives from). */
    public static final String SYSTEM = "system";

    /**
     * Re-marks a record that is derived from others and follows their markings (a judgment of a pair follows its two
     * requirements): a system act, not a person's, audited as {@code MARKING_CHANGED} by {@link #SYSTEM} with the
     * reason. Nothing happens when marking and origin are already these; answers whether they changed. The
     * record's originating nation becomes
     * {@code origin}: a derived record whose sources no longer go to the nation that made it (a judgment of a pair
     * once one requirement is withheld from the judge's nation) passes to a nation they do go to, since the
     * originating nation always reads its records (rule 1 of the policy). Audited as the marking change, with the
     * nation change named ({@code MARKING_CHANGED}, {@code audit.detail.finder27.originFromTo}).
     */
    public boolean followDerivation(long id, Marking marking, NationCode origin, Sentence reason) {
        RecordMarking current = find(id).orElseThrow(() -> new NotFoundException("record", id));
        boolean originMoves = !current.originNation().equals(origin);
        if (current.marking().equals(marking) && !originMoves) {
            return false;
        }
        writeMarking(id, new RecordMarking(marking, origin,
                marking.propin() ? current.owningCompanyId() : Optional.empty()));
        Sentence detail = Sentence.of("audit.detail.markingFromToFor", current.marking().banner(), marking.banner(),
                reason);
        audit.append(SYSTEM, "MARKING_CHANGED", id, kindOf(id), !originMoves ? detail
                : Sentence.of("audit.detail.finder27.originFromTo", detail, current.originNation().code(),
                        origin.code()));
        events.publishEvent(new RecordChanged(id));
        return true;
    }

    /**
     * Withholds a derived record from everyone, or gives it back to its marking's readers ({@code withheld} false): a
     * system act, audited as {@code MARKING_CHANGED} with the reason; answers whether anything changed. Used when no
     * nation may still read all the records it was derived from (a judgment of a pair whose two nations each withheld
     * their own requirement): through the one policy it then reads as missing to everyone.
     */
    public boolean withhold(long id, boolean withheld, Sentence reason) {
        int n = jdbc.sql("""
                        update record set withheld = :withheld, updated_at = now(), version = version + 1
                        where id = :id and withheld <> :withheld""")
                .param("id", id).param("withheld", withheld).update();
        if (n == 0) {
            return false;
        }
        audit.append(SYSTEM, "MARKING_CHANGED", id, kindOf(id),
                Sentence.of(withheld ? "audit.detail.finder28.withheld" : "audit.detail.finder28.released", reason));
        events.publishEvent(new RecordChanged(id));
        return true;
    }

    /**
     * Locks the rows of these records (derived records about to follow their sources) until the transaction ends, in
     * id order, so that two transactions deriving the same records run one after the other and the later one reads
     * what the earlier one committed.
     */
    public void lockForDerivation(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("select id from record where id = any(cast(:ids as bigint[])) order by id for update")
                .param("ids", IdArray.of(ids))
                .query(Long.class).list();
    }

    private void writeMarking(long id, RecordMarking rm) {
        jdbc.sql("""
                        update record set marking = :marking, level = :level, noforn = :noforn,
                               rel_to = cast(:relTo as text[]), groups = cast(:groups as text[]), propin = :propin,
                               export_regime = :export, owning_company_id = :company, origin_nation = :origin,
                               updated_at = now(), version = version + 1
                        where id = :id""")
                .param("id", id).params(markingColumns(rm)).update();
    }

    /**
     * A record whose content was deleted (it keeps its place, e.g. a reply), made against version {@code expected}:
     * its text leaves search, and it is audited.
     */
    public void deleted(long id, ExpectedVersion expected, String title, DicasUser actor) {
        int n = jdbc.sql("""
                        update record set title = :title, search_text = '', updated_at = now(), version = version + 1
                        where id = :id and version = :expected""")
                .param("id", id).param("title", title).param("expected", expected.required()).update();
        requireOne(n, id, expected);
        audit.append(actor, "DELETE", id, kindOf(id));
        events.publishEvent(new RecordChanged(id));
    }

    /** A record's module row changed without its title, text or marking (a stage or status moved): it is newer now. */
    public void touched(long id) {
        jdbc.sql("update record set updated_at = now(), version = version + 1 where id = :id").param("id", id).update();
    }

    /** A record's module row changed against version {@code expected} (title, text and marking unchanged). */
    public void changed(long id, ExpectedVersion expected) {
        int n = jdbc.sql("update record set updated_at = now(), version = version + 1 where id = :id and version = :expected")
                .param("id", id).param("expected", expected.required()).update();
        requireOne(n, id, expected);
    }

    /** The stored version of a record (0 when there is none). */
    public long version(long id) {
        return jdbc.sql("select version from record where id = :id").param("id", id).query(Long.class).optional()
                .orElse(0L);
    }

    private void requireOne(int updated, long id, ExpectedVersion expected) {
        if (updated != 1) {
            long current = version(id);
            if (current == 0) {
                throw new NotFoundException("record", id);
            }
            throw new StaleVersionException(kindOf(id), id, expected.value(), current);
        }
    }

    /**
     * Places a record inside its container (a reply in its thread, an agenda item in its meeting, a file in either).
     * The one writer of {@code container_id}: it also writes {@code ancestors}, every container above the record and
     * above each record below it, which the policy's SQL checks (ADR 0045).
     */
    public void placeIn(long id, long containerId) {
        jdbc.sql("""
                with recursive below(id, ancestors) as (
                    select cast(:id as bigint), c.ancestors || c.id from record c where c.id = :c
                    union all
                    select r.id, below.ancestors || below.id from record r join below on r.container_id = below.id
                )
                update record r set ancestors = below.ancestors,
                       container_id = case when r.id = :id then cast(:c as bigint) else r.container_id end
                from below where r.id = below.id""")
                .param("id", id).param("c", containerId).update();
        events.publishEvent(new RecordChanged(id));
    }

    /** Whether the record exists, is of this kind and the user may read it. */
    public boolean readableAs(long id, String kind, DicasUser user) {
        return kindOf(id).equals(kind) && readable(id, user);
    }

    public String kindOf(long id) {
        return jdbc.sql("select kind from record where id = :id").param("id", id).query(String.class).optional().orElse("");
    }

    public Optional<Summary> summary(long id) {
        return jdbc.sql("select id, kind, title, link, created_by from record where id = :id").param("id", id)
                .query((rs, n) -> new Summary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        find(id).orElseThrow(), (Long) rs.getObject(5)))
                .optional();
    }

    /** The authorizations attached to a record. */
    public java.util.List<ExportAuthorization> authorizationsOf(long recordId) {
        return ExportAuthorizations.attachedTo(jdbc, recordId);
    }

    /** Changes title and text of a record (not its marking), made against version {@code expected}. */
    public void updateText(long id, ExpectedVersion expected, String title, String searchText, DicasUser editor) {
        int n = jdbc.sql("""
                        update record set title = :title, search_text = :text, updated_at = now(), version = version + 1
                        where id = :id and version = :expected""")
                .param("id", id).param("title", title).param("text", searchText).param("expected", expected.required())
                .update();
        requireOne(n, id, expected);
        audit.append(editor, "UPDATE", id, kindOf(id), Sentence.of("audit.detail.titleAndText"));
        events.publishEvent(new RecordChanged(id));
    }

    public Optional<RecordMarking> find(long id) {
        return jdbc.sql("select marking, origin_nation, owning_company_id, government_only, withheld from record"
                        + " where id = :id")
                .param("id", id)
                .query((rs, n) -> new RecordMarking(Marking.parse(rs.getString(1)), NationCode.of(rs.getString(2)),
                        Optional.ofNullable((Long) rs.getObject(3)), java.util.List.of(), rs.getBoolean(4),
                        rs.getBoolean(5)))
                .optional()
                .map(rm -> rm.marking().export().isEmpty() ? rm
                        : new RecordMarking(rm.marking(), rm.originNation(), rm.owningCompanyId(), authorizationsOf(id),
                                rm.governmentOnly(), rm.withheld()));
    }

    /**
     * Whether the user may read the record with this id — and its container, when it sits inside one (a reply's
     * thread, an agenda item's meeting). A missing record reads as not readable.
     */
    public boolean readable(long id, DicasUser user) {
        if (!find(id).map(rm -> policy.mayRead(user, rm)).orElse(false)) {
            return false;
        }
        Long container = jdbc.sql("select coalesce(container_id, 0) from record where id = :id").param("id", id)
                .query(Long.class).single();
        return container == 0 || readable(container, user);
    }

    private RecordMarking check(Marking marking, Optional<Long> owningCompanyId, DicasUser author) {
        Optional<Long> company = owningCompanyId;
        if (marking.propin() && company.isEmpty()) {
            company = author.companyId();
        }
        if (marking.propin() && company.isEmpty()) {
            throw InvalidInputException.of("marking", "marking.error.propinNeedsCompany");
        }
        if (!marking.propin()) {
            company = Optional.empty();
        }
        RecordMarking rm = new RecordMarking(marking, author.nation(), company);
        if (!policy.mayRead(author, rm)) {
            throw InvalidInputException.of("marking", "marking.error.notCleared", marking.banner());
        }
        return rm;
    }

    /**
     * Whether {@code author} could read back a record they write with this marking (originated by their nation,
     * owned by their company when PROPIN): the question {@link #register} refuses on, asked before writing — the
     * marking picker's warning. The one policy answers it.
     */
    public boolean mayReadBack(Marking marking, DicasUser author) {
        return policy.mayRead(author, new RecordMarking(marking, author.nation(),
                marking.propin() ? author.companyId() : Optional.empty()));
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
