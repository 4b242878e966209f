package org.dicas.requirements;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dicas.security.AuditLog;
import org.dicas.security.DicasUser;
import org.dicas.security.MarkedRecords;
import org.dicas.security.ReadableRecords;
import org.dicas.security.RecordMarking;
import org.dicas.security.ReleasabilityPolicy;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.Marking;
import org.dicas.shared.NationCode;
import org.dicas.shared.NotFoundException;
import org.dicas.shared.Page;
import org.dicas.shared.Paging;
import org.dicas.shared.Sentence;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Officials' judgments of pairs of requirements: the same need, or not the same need with a reason. A government
 * official of either requirement's nation who may read both judges ({@link RequirementWriteRules#judgePair}); the
 * judgment is a {@code PAIR_JUDGMENT} record, audited, and kept: a later judgment of the same pair is a new one, and
 * the latest counts. Who reads it is said by the record itself, so that every reader of records — search, history,
 * titles, pickers, audit views — applies it through the one policy ({@link #markingOf}, ADR 0041): its marking is the
 * high-water mark of the two requirements' markings limited to those of the pair's two nations that may read both,
 * and it is registered for government users only. It follows its requirements' markings when they change
 * ({@link #followRequirements}). This service's reads add only that both requirements are readable too (the policy
 * over all three records, in SQL). The finder's model trains on every judgment through {@link JudgedPairs}, which is
 * not a read by a person.
 */
@Service
public class PairJudgments {

    /** The kind of the {@code record} row of a judgment. */
    public static final String KIND = "PAIR_JUDGMENT";
    public static final int MAX_NOTE = 2000;
    /** Judgments a page shows at most (newest first); the API pages through all. */
    public static final int PAGE_LIMIT = 100;

    private final JdbcClient jdbc;
    private final MarkedRecords records;
    private final ReadableRecords readable;
    private final Requirements requirements;
    private final AuditLog audit;
    private final ReleasabilityPolicy policy;
    private final ApplicationEventPublisher events;

    PairJudgments(JdbcClient jdbc, MarkedRecords records, ReadableRecords readable, Requirements requirements,
                  AuditLog audit, ReleasabilityPolicy policy, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.records = records;
        this.readable = readable;
        this.requirements = requirements;
        this.audit = audit;
        this.policy = policy;
    }

    /**
     * Judgments as the reader may see them: the judgment and both requirements readable by the one policy — the
     * judgment's own record says that only officials of the pair's nations read it. (The aliases are r1 and r2, not
     * ra: the policy's predicate uses that alias itself.)
     */
    static final String SELECT = """
            select j.id, j.first_requirement_id, j.second_requirement_id, j.same_need, j.reason, j.note, j.author_id,
                   u.display_name, j.author_nation, j.judged_at, r.marking
            from pair_judgment j
            join record r on r.id = j.id
            join requirement qa on qa.id = j.first_requirement_id join record r1 on r1.id = qa.id
            join requirement qb on qb.id = j.second_requirement_id join record r2 on r2.id = qb.id
            join app_user u on u.id = j.author_id
            where {readable:r} and {readable:r1} and {readable:r2}""";

    static PairJudgment row(ResultSet rs) throws SQLException {
        boolean same = rs.getBoolean(4);
        String reason = rs.getString(5);
        return new PairJudgment(rs.getLong(1), rs.getLong(2), rs.getLong(3), same, PairJudgment.Verdict.of(same),
                reason == null ? null : JudgmentReason.valueOf(reason), rs.getString(6), rs.getLong(7),
                rs.getString(8), rs.getString(9).strip(), rs.getTimestamp(10).toInstant(), Marking.parse(rs.getString(11)));
    }

    private JdbcClient.StatementSpec visible(DicasUser reader, String sql) {
        return readable.query(reader, sql);
    }

    // ----------------------------------------------------------------------------------------------- reads

    /** One judgment the reader may read; hidden or missing is not found. */
    public PairJudgment get(DicasUser reader, long id) {
        return visible(reader, SELECT + " and j.id = :id").param("id", id).query((rs, n) -> row(rs)).optional()
                .orElseThrow(() -> new NotFoundException("pair-judgment", id));
    }

    /**
     * A page of the judgments of pairs that the requirement forms, newest first, that the reader may read; the
     * requirement itself hidden or missing is not found.
     */
    public Page<PairJudgment> ofRequirement(DicasUser reader, long requirementId, Paging paging) {
        requirements.find(requirementId, reader).orElseThrow(() -> new NotFoundException("requirement", requirementId));
        return readable.page(reader, SELECT + " and (j.first_requirement_id = :q or j.second_requirement_id = :q)",
                "j.judged_at desc, j.id desc", Map.of("q", requirementId), paging, (rs, n) -> row(rs));
    }

    /** The judgments of one pair (either order) that the reader may read, newest first (at most {@link #PAGE_LIMIT}). */
    public List<PairJudgment> ofPair(DicasUser reader, long a, long b) {
        return visible(reader, SELECT + " and j.first_requirement_id = :lo and j.second_requirement_id = :hi"
                + " order by j.judged_at desc, j.id desc limit " + PAGE_LIMIT)
                .param("lo", Math.min(a, b)).param("hi", Math.max(a, b)).query((rs, n) -> row(rs)).list();
    }

    /**
     * The latest judgment the reader may read of each pair, by {@link PairJudgment#key}: of the pairs one requirement
     * forms ({@code requirementId} given), or of every pair (null) — what the finder's lists mark.
     */
    public Map<String, PairJudgment> latestByPair(DicasUser reader, Long requirementId) {
        String sql = "select distinct on (x.first_requirement_id, x.second_requirement_id) x.* from (" + SELECT
                + (requirementId == null ? "" : " and (j.first_requirement_id = :q or j.second_requirement_id = :q)")
                + ") x order by x.first_requirement_id, x.second_requirement_id, x.judged_at desc, x.id desc";
        JdbcClient.StatementSpec spec = visible(reader, sql);
        if (requirementId != null) {
            spec = spec.param("q", requirementId);
        }
        Map<String, PairJudgment> out = new LinkedHashMap<>();
        spec.query((rs, n) -> row(rs)).list().forEach(j -> out.put(j.pairKey(), j));
        return out;
    }

    /** Whether the reader may judge this pair: an official of either nation (both readable: else not found). */
    public boolean mayJudge(DicasUser user, Requirement a, Requirement b) {
        return RequirementWriteRules.judgePair(user, a, b).allowed() && !a.nation().equals(b.nation());
    }

    // ----------------------------------------------------------------------------------------------- writes

    /**
     * Records the judgment of the pair requirement {@code a} forms with {@code c.other()}. Either requirement hidden
     * or missing is not found (404); a user the rule refuses, 403; the same requirement twice, two requirements of one
     * nation, a missing verdict, a rejection without a reason, {@code OTHER} without a note or a note too long, bad
     * input naming the field (400).
     */
    @Transactional
    public PairJudgment judge(DicasUser user, long a, PairJudgmentCommand c) {
        Requirement first = requirements.find(a, user).orElseThrow(() -> new NotFoundException("requirement", a));
        if (c == null || c.other() == null) {
            throw InvalidInputException.of("other", "opp.judgment.error.otherRequired");
        }
        long b = c.other();
        Requirement second = requirements.find(b, user).orElseThrow(() -> new NotFoundException("requirement", b));
        RequirementWriteRules.judgePair(user, first, second).orThrow();
        if (a == b) {
            throw InvalidInputException.of("other", "opp.error.samePair");
        }
        if (first.nation().equals(second.nation())) {
            throw InvalidInputException.of("other", "opp.judgment.error.sameNation", Sentence.nation(first.nation()));
        }
        if (c.sameNeed() == null) {
            throw InvalidInputException.of("sameNeed", "opp.judgment.error.verdictRequired");
        }
        boolean same = c.sameNeed();
        JudgmentReason reason = JudgmentReason.parse(c.reason());
        String note = c.note() == null ? "" : c.note().strip();
        if (same && reason != null) {
            throw InvalidInputException.of("reason", "opp.judgment.error.reasonOnlyOnReject");
        }
        if (!same && reason == null) {
            throw InvalidInputException.of("reason", "opp.judgment.error.reasonRequired");
        }
        if (reason == JudgmentReason.OTHER && note.isEmpty()) {
            throw InvalidInputException.of("note", "opp.judgment.error.otherNeedsNote");
        }
        if (note.length() > MAX_NOTE) {
            throw InvalidInputException.of("note", "requirement.error.tooLong", MAX_NOTE);
        }
        if (note.indexOf('\0') >= 0) {
            throw InvalidInputException.of("note", "requirement.error.nul");
        }
        long lo = Math.min(a, b);
        long hi = Math.max(a, b);
        Marking marking = markingOf(first, second);
        // the title names the pair by ids only (no sentence in one language); the note stays out of search
        long id = records.registerForGovernments(KIND, "#" + lo + " ⇔ #" + hi, "", marking, user, x -> link(lo, hi));
        jdbc.sql("""
                        insert into pair_judgment (id, first_requirement_id, second_requirement_id, same_need, reason,
                                                   note, author_id, author_nation)
                        values (:id, :lo, :hi, :same, :reason, :note, :author, :nation)""")
                .param("id", id).param("lo", lo).param("hi", hi).param("same", same)
                .param("reason", reason == null ? null : reason.name()).param("note", note)
                .param("author", user.id()).param("nation", user.nation().code()).update();
        audit.append(user, "PAIR_JUDGED", id, KIND, same
                ? Sentence.of("audit.detail.pairSameNeed", lo, hi)
                : Sentence.of("audit.detail.pairNotSameNeed", lo, hi, Sentence.label("opp.judgment.reason", reason)));
        events.publishEvent(new FinderModels.JudgmentsChanged());
        return get(user, id);
    }

    /**
     * The marking of a judgment of the pair: the high-water mark of the two requirements' markings, limited to those
     * of the pair's two nations to which both requirements are releasable (REL TO both nations, or NOFORN when only
     * one of them may read both — a NOFORN requirement makes the pair its nation's). With the record registered for
     * government users only, the one policy lets exactly the pair's officials who may read both requirements' markings
     * read it — and no third nation, whatever it is cleared for.
     */
    public Marking markingOf(Requirement a, Requirement b) {
        return Marking.highWaterMark(List.of(a.marking(), b.marking())).limitedTo(readersOf(a, b));
    }

    /** The pair's nations (in the pair's order) to which both requirements are releasable by the one policy. */
    private List<NationCode> readersOf(Requirement a, Requirement b) {
        RecordMarking ra = records.find(a.id()).orElseThrow(() -> new NotFoundException("requirement", a.id()));
        RecordMarking rb = records.find(b.id()).orElseThrow(() -> new NotFoundException("requirement", b.id()));
        List<NationCode> readers = new ArrayList<>();
        for (String code : List.of(a.nation(), b.nation())) {
            NationCode n = NationCode.of(code);
            if (!readers.contains(n) && policy.releasableToNation(n, ra.marking(), ra.originNation())
                    && policy.releasableToNation(n, rb.marking(), rb.originNation())) {
                readers.add(n);
            }
        }
        return readers;
    }

    /**
     * The nation a judgment of the pair originates from: the judge's own ({@code current}) while both requirements go
     * to it; else the pair's nation both still go to (the originating nation always reads its records, so a judge's
     * nation that may no longer read one of the requirements must not keep the judgment); with none, the judge's.
     */
    NationCode originOf(Requirement a, Requirement b, NationCode current) {
        return originOf(readersOf(a, b), current);
    }

    private static NationCode originOf(List<NationCode> readers, NationCode current) {
        return readers.isEmpty() || readers.contains(current) ? current : readers.get(0);
    }

    /**
     * Re-marks the judgments of the pairs a requirement forms ({@code requirementId}), or of every pair (null), to
     * {@link #markingOf} their requirements as they are marked now: a judgment follows its requirements, so a
     * requirement withheld from a nation takes its judgments with it, everywhere. A system act, audited per judgment
     * re-marked; answers how many were. Its originating nation follows too ({@link #originOf}): a judge's nation to
     * which one requirement is no longer releasable (made NOFORN by the other nation) loses the judgment in every
     * reader, as it lost the requirement. When no nation of the pair may read both any more, the judgment is withheld
     * from everyone ({@link MarkedRecords#withhold}) until one may again.
     */
    @Transactional
    public int followRequirements(Long requirementId) {
        List<long[]> judged = jdbc.sql("select id, first_requirement_id, second_requirement_id from pair_judgment"
                        + (requirementId == null ? "" : " where first_requirement_id = :q or second_requirement_id = :q")
                        + " order by id")
                .params(requirementId == null ? Map.of() : Map.of("q", requirementId))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).list();
        // the judgments' rows are locked first, so that two nations narrowing the two requirements of one pair at
        // once are followed one after the other, the second seeing the first's committed marking (each alone would
        // still see the other requirement as it was, and neither would withhold the judgment)
        records.lockForDerivation(judged.stream().map(j -> j[0]).toList());
        // a system read of the pairs' requirements, as for training: no person reads them here
        Map<Long, Requirement> pairs = new java.util.HashMap<>();
        requirements.forTraining(judged.stream().flatMap(j -> java.util.stream.Stream.of(j[1], j[2])).distinct().toList())
                .forEach(q -> pairs.put(q.id(), q));
        int changed = 0;
        for (long[] j : judged) {
            Requirement a = pairs.get(j[1]);
            Requirement b = pairs.get(j[2]);
            if (a == null || b == null) {
                continue;
            }
            List<NationCode> readers = readersOf(a, b);
            NationCode current = records.find(j[0]).orElseThrow(() -> new NotFoundException("pair-judgment", j[0]))
                    .originNation();
            NationCode origin = originOf(readers, current);
            Sentence reason = Sentence.of("audit.detail.judgmentFollowsPair", j[1], j[2]);
            boolean followed = records.followDerivation(j[0], markingOf(a, b), origin, reason);
            // no nation of the pair may still read both requirements: nobody reads the judgment (a hidden id behaves
            // like a missing one), until one of them may again
            boolean withheld = records.withhold(j[0], readers.isEmpty(), reason);
            if (followed || withheld) {
                changed++;
            }
        }
        return changed;
    }

    /** The page of a pair. */
    public static String link(long a, long b) {
        return "/opportunities/pair?a=" + Math.min(a, b) + "&b=" + Math.max(a, b);
    }
}
