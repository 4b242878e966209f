package org.dicas.security;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.dicas.shared.Marking;
import org.dicas.shared.NationCode;

/**
 * The one releasability policy of the trust model. A user may read a record only if all hold:
 * <ol>
 * <li>the user's nation is the originating nation, or is listed in REL TO; with neither NOFORN nor REL TO, any
 * nation may read;</li>
 * <li>the record's level is at most the user's access level;</li>
 * <li>with GROUP, the user belongs to at least one listed group;</li>
 * <li>with PROPIN, the user is a government user or works for the owning company;</li>
 * <li>with EXPORT, the user's nation is the originating nation, or an authorization attached to the record is
 * active today and covers the user's nation (and, for industry users, their company when it lists companies);</li>
 * <li>when the record is for government users only ({@link RecordMarking#governmentOnly}, a column of the record set
 * when it is registered), the user is a government user;</li>
 * <li>the record is not withheld ({@link RecordMarking#withheld}: derived from records no nation may still read
 * all of, it is read by nobody, like a missing one).</li>
 * </ol>
 * The same rules come in two renderings: {@link #mayRead} for one record in memory, and {@link #sqlFilter} as a
 * predicate over the {@code record} table, so that lists, counts and searches filter inside the database before
 * paging. The SQL rendering is package-private: other modules read through {@link ReadableRecords}, never
 * composing the predicate themselves. {@code ReleasabilityPolicyTest} proves both renderings agree on every case of its table.
 * Plain Java on purpose: no Spring, no database. "Today" comes from the clock it is given.
 */
public final class ReleasabilityPolicy {

    private final Clock clock;

    public ReleasabilityPolicy(Clock clock) {
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public boolean mayRead(DicasUser user, RecordMarking record) {
        Marking m = record.marking();
        boolean originator = user.nation().equals(record.originNation());
        boolean nationOk = releasableToNation(user.nation(), m, record.originNation());
        boolean levelOk = user.accessLevel().dominates(m.level());
        boolean groupOk = m.groups().isEmpty() || m.groups().stream().anyMatch(user.groups()::contains);
        boolean propinOk = !m.propin() || user.government()
                || (user.companyId().isPresent() && user.companyId().equals(record.owningCompanyId()));
        LocalDate today = today();
        boolean exportOk = m.export().isEmpty() || originator
                || record.authorizations().stream().anyMatch(a -> a.covers(user, today));
        boolean governmentOk = !record.governmentOnly() || user.government();
        return nationOk && levelOk && groupOk && propinOk && exportOk && governmentOk && !record.withheld();
    }

    /**
     * Rule 1 alone: whether a record with this marking, originated by {@code origin}, may go to people of
     * {@code nation} — the originating nation, a nation listed in REL TO, or any nation without NOFORN or REL TO.
     * Used where a decision concerns a nation rather than a person (Security of Supply requests, release requests).
     */
    public boolean releasableToNation(NationCode nation, Marking m, NationCode origin) {
        return nation.equals(origin) || m.relTo().contains(nation) || m.releasableToAllNations();
    }

    /**
     * The SQL predicate for records that may sit inside containers ({@code container_id}; {@code ancestors}, every
     * container above the record, as {@link MarkedRecords#placeIn} keeps it): the record and every container above it
     * must be readable — a reply of a hidden thread is not found, nor a file of an agenda item of a hidden meeting. The
     * same chain as {@link MarkedRecords#readable}.
     */
    SqlFilter sqlFilterWithContainer(DicasUser user, String alias) {
        SqlFilter own = sqlFilter(user, alias);
        SqlFilter container = sqlFilter(user, alias + "_c");
        return new SqlFilter("(" + own.clause() + " and (cardinality(" + alias + ".ancestors) = 0 or not exists ("
                + "select 1 from record " + alias + "_c where " + alias + "_c.id = any(" + alias + ".ancestors) and ("
                + container.clause() + ") is not true)))", own.parameters());
    }

    /**
     * The same decision as SQL over a row of the {@code record} table with the given alias. Parameter names are
     * prefixed with {@code rp_} so they do not clash with a query's own.
     */
    SqlFilter sqlFilter(DicasUser user, String alias) {
        String r = alias + ".";
        String clause = "(" + r + "level <= :rp_level"
                + " and (" + r + "origin_nation = :rp_nation or (not " + r + "noforn and (cardinality(" + r
                + "rel_to) = 0 or :rp_nation = any(" + r + "rel_to))))"
                + " and (cardinality(" + r + "groups) = 0 or " + r + "groups && cast(:rp_groups as text[]))"
                + " and (not " + r + "propin or :rp_government or " + r + "owning_company_id = :rp_company)"
                + " and (not " + r + "government_only or :rp_government)"
                + " and not " + r + "withheld"
                + " and (" + r + "export_regime is null or " + r + "origin_nation = :rp_nation or exists ("
                + "select 1 from record_authorization ra join export_authorization ea on ea.id = ra.authorization_id"
                + " where ra.record_id = " + r + "id and :rp_nation = any(ea.covered_nations)"
                + " and ea.valid_from <= :rp_today and ea.valid_to >= :rp_today"
                + " and (:rp_government or cardinality(ea.covered_companies) = 0"
                + " or :rp_company = any(ea.covered_companies)))))";
        return new SqlFilter(clause, sqlParameters(user));
    }

    /**
     * The reader's values for the predicates of {@link #sqlFilter}. The clauses themselves name only the alias, never
     * the reader, so that a query's text is the same for every reader ({@link ReadableRecords} expands each text once).
     */
    Map<String, Object> sqlParameters(DicasUser user) {
        Map<String, Object> p = new HashMap<>();
        p.put("rp_level", (short) user.accessLevel().rank());
        p.put("rp_nation", user.nation().code());
        p.put("rp_groups", "{" + String.join(",", user.groups()) + "}");
        p.put("rp_government", user.government());
        p.put("rp_company", user.companyId().orElse(-1L));
        p.put("rp_today", today());
        return p;
    }
}
