package org.dicas.requirements;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.dicas.requirements.engine.Assessment;
import org.dicas.requirements.engine.Candidate;
import org.dicas.requirements.engine.Explanation;
import org.dicas.requirements.engine.LearningCurve;
import org.dicas.requirements.engine.OpportunityFinder;
import org.dicas.requirements.engine.OpportunityGroup;
import org.dicas.requirements.engine.ProcurementWindow;
import org.dicas.requirements.engine.RequirementProfile;
import org.dicas.security.DicasUser;
import org.dicas.shared.FiscalYear;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.Marking;
import org.dicas.shared.NotFoundException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.dicas.security.PolicyEpoch;
import org.dicas.security.ReadableRecords;
import org.springframework.stereotype.Service;

/**
 * The opportunity finder over what one user may read: the engine ({@link OpportunityFinder}) runs over the
 * requirements {@link Requirements#readable} returns for that user — never over the others — so a requirement a user
 * cannot read is neither a candidate nor a member of a pair or group they see. The engine is built once per user and
 * policy epoch ({@link ReadableRecords#epoch}) and reused until anything that can change what the user reads —
 * a requirement created, changed or re-marked, an authorization issued, attached, detached or expired — moves it,
 * or until the finder's model is retrained ({@link FinderModels}: scores are its likelihoods, each explanation names
 * its version).
 */
@Service
public class OpportunityFinderService {

    /** Candidates shown per requirement by default, and the most a caller may ask for. */
    public static final int DEFAULT_TOP = 5;
    public static final int MAX_TOP = 50;
    /** Candidates per requirement looked at to list flagged pairs and groups. */
    static final int SWEEP_TOP = 10;
    private static final int CACHE_USERS = 200;

    /** A candidate requirement as the user sees it, with the engine's score, flag and explanation. */
    public record Match(long requirementId, @org.dicas.shared.Labelled("nation") String nation, String titleEn, String titleJa, Marking marking,
                        double score, boolean opportunity, Explanation explanation) {
        public String title() {
            return titleEn.isEmpty() ? titleJa : titleEn;
        }
    }

    /** A flagged pair: the two requirements (lower id first) and the engine's score. */
    public record Pair(Match a, Match b, double score) {
    }

    /** A group of three or more nations whose requirements the user may all read. */
    public record Group(List<Match> members, @org.dicas.shared.Labelled("nation") List<String> nations,
                        @org.dicas.shared.Labelled("capabilityArea") String capabilityArea, double meanScore) {
    }

    /** What the finder page shows: every flagged pair and group of the user's readable requirements. */
    public record Overview(List<Pair> pairs, List<Group> groups, int requirements) {
    }

    /**
     * The pair page: both requirements, the engine's assessment, the aligned procurement window with its ends in each
     * nation's fiscal years, and the learning-curve economics of a combined buy with the given A and LR (null values
     * when a quantity is unknown).
     */
    public record PairView(Requirement a, Requirement b, double score, boolean opportunity, Explanation explanation,
                           ProcurementWindow window, String windowFiscalA, String windowFiscalB,
                           double firstUnitCost, double learningRate, Integer quantityA, Integer quantityB,
                           Double separateCost, Double combinedCost, Double savings, Double savingsFraction) {
        public Marking highWaterMark() {
            return Marking.highWaterMark(List.of(a.marking(), b.marking()));
        }
    }

    private record Cached(DicasUser user, PolicyEpoch epoch, String modelVersion, OpportunityFinder finder, Map<Long, Requirement> byId,
                          Map<String, List<Candidate>>[] sweep) {
    }

    private final Requirements requirements;
    private final ReadableRecords readableRecords;
    private final FinderModels models;
    private final Cache<Long, Cached> cache = Caffeine.newBuilder().maximumSize(CACHE_USERS).build();

    OpportunityFinderService(Requirements requirements, ReadableRecords readableRecords, FinderModels models) {
        this.requirements = requirements;
        this.readableRecords = readableRecords;
        this.models = models;
    }

    /** The requirement as the engine sees it: both languages' titles and descriptions, quantity, need month. */
    public static RequirementProfile profile(Requirement r) {
        return new RequirementProfile(String.valueOf(r.id()), r.nation(), r.service(), r.capabilityArea(),
                String.join("\n", r.titleEn(), r.titleJa()).strip(),
                String.join("\n", r.descriptionEn(), r.descriptionJa()).strip(),
                r.quantity() == null ? OptionalInt.empty() : OptionalInt.of(r.quantity()),
                Optional.ofNullable(r.needBy()).map(YearMonth::from));
    }


    @SuppressWarnings("unchecked")
    private Cached finder(DicasUser user) {
        PolicyEpoch epoch = readableRecords.epoch(); // read before the requirements: see ReadableRecords#ids
        org.dicas.requirements.engine.FinderModel model = models.current();
        Cached c = cache.getIfPresent(user.id());
        if (c != null && c.epoch().equals(epoch) && c.user().equals(user) && c.modelVersion().equals(model.version())) {
            return c;
        }
        List<Requirement> readable = requirements.readable(user);
        Map<Long, Requirement> byId = new LinkedHashMap<>();
        readable.forEach(r -> byId.put(r.id(), r));
        OpportunityFinder finder = OpportunityFinder.over(readable.stream().map(OpportunityFinderService::profile)
                .toList(), model);
        Cached fresh = new Cached(user, epoch, model.version(), finder, byId, new Map[1]);
        cache.put(user.id(), fresh);
        return fresh;
    }

    private static Match match(Requirement r, Candidate c) {
        return new Match(r.id(), r.nation(), r.titleEn(), r.titleJa(), r.marking(), c.score(), c.opportunity(),
                c.explanation());
    }

    private static int top(int top) {
        if (top < 1 || top > MAX_TOP) {
            throw InvalidInputException.of("top", "opp.error.top", MAX_TOP);
        }
        return top;
    }

    /** Candidates of other nations for a requirement the user may read, best first; hidden is not found. */
    public List<Match> matches(DicasUser user, long requirementId, int top) {
        Cached c = finder(user);
        if (!c.byId().containsKey(requirementId)) {
            throw new NotFoundException("requirement", requirementId);
        }
        return c.finder().candidatesFor(String.valueOf(requirementId), top(top)).stream()
                .map(x -> match(c.byId().get(Long.parseLong(x.id())), x)).toList();
    }

    /** The requirements the user may read that best match a lead's text, best first. */
    public List<Match> matchLead(DicasUser user, Lead lead, int top) {
        Cached c = finder(user);
        if (c.byId().isEmpty()) {
            return List.of();
        }
        RequirementProfile p = RequirementProfile.ofText("lead-" + lead.id(), lead.title(), lead.text());
        return c.finder().match(p, top(top)).stream()
                .map(x -> match(c.byId().get(Long.parseLong(x.id())), x)).toList();
    }

    private Map<String, List<Candidate>> sweep(Cached c) {
        synchronized (c) {
            if (c.sweep()[0] == null) {
                c.sweep()[0] = c.finder().matchAll(SWEEP_TOP);
            }
            return c.sweep()[0];
        }
    }

    /** Every flagged pair (best first) and group of three or more nations among the user's readable requirements. */
    public Overview overview(DicasUser user) {
        Cached c = finder(user);
        Map<String, List<Candidate>> all = sweep(c);
        Map<String, Pair> pairs = new LinkedHashMap<>();
        for (Map.Entry<String, List<Candidate>> e : all.entrySet()) {
            long a = Long.parseLong(e.getKey());
            for (Candidate cand : e.getValue()) {
                if (!cand.opportunity()) {
                    continue;
                }
                long b = Long.parseLong(cand.id());
                long lo = Math.min(a, b);
                long hi = Math.max(a, b);
                pairs.computeIfAbsent(lo + "-" + hi, k -> {
                    Assessment s = c.finder().assess(String.valueOf(lo), String.valueOf(hi));
                    Candidate reverse = new Candidate(String.valueOf(lo), s.score(), s.opportunity(), s.explanation());
                    return new Pair(match(c.byId().get(lo), reverse), match(c.byId().get(hi), new Candidate(
                            String.valueOf(hi), s.score(), s.opportunity(), s.explanation())), s.score());
                });
            }
        }
        List<Pair> sorted = new ArrayList<>(pairs.values());
        sorted.sort(Comparator.comparingDouble(Pair::score).reversed().thenComparing(p -> p.a().requirementId()));
        List<Group> groups = new ArrayList<>();
        for (OpportunityGroup g : c.finder().groups(all)) {
            List<Match> members = g.requirementIds().stream().map(id -> {
                Requirement r = c.byId().get(Long.parseLong(id));
                return new Match(r.id(), r.nation(), r.titleEn(), r.titleJa(), r.marking(), g.meanScore(), true,
                        null);
            }).toList();
            groups.add(new Group(members, g.nations(), g.capabilityArea(), g.meanScore()));
        }
        return new Overview(List.copyOf(sorted), List.copyOf(groups), c.byId().size());
    }

    /**
     * The pair page for two requirements the user may read (either hidden: not found), with the learning curve
     * (A, LR): A > 0 and LR in (0, 1], else an error naming {@code firstUnitCost} or {@code learningRate}.
     */
    public PairView pair(DicasUser user, long a, long b, double firstUnitCost, double learningRate) {
        Pipeline.checkCurve(firstUnitCost, learningRate);
        Cached c = finder(user);
        Requirement ra = c.byId().get(a);
        Requirement rb = c.byId().get(b);
        if (ra == null) {
            throw new NotFoundException("requirement", a);
        }
        if (rb == null) {
            throw new NotFoundException("requirement", b);
        }
        if (a == b) {
            throw InvalidInputException.of("b", "opp.error.samePair");
        }
        Assessment s = c.finder().assess(String.valueOf(a), String.valueOf(b));
        ProcurementWindow w = s.window().orElse(null);
        String fa = w == null ? null : fiscal(ra.nation(), w);
        String fb = w == null ? null : fiscal(rb.nation(), w);
        LearningCurve curve = new LearningCurve(firstUnitCost, learningRate);
        Integer qa = ra.quantity();
        Integer qb = rb.quantity();
        Double separate = null;
        Double combined = null;
        Double saved = null;
        Double fraction = null;
        if (qa != null && qb != null && qa > 0 && qb > 0) {
            separate = curve.cost(qa) + curve.cost(qb);
            combined = curve.cost(qa + qb);
            saved = curve.savings(qa, qb);
            fraction = curve.savingsFraction(qa, qb);
        }
        return new PairView(ra, rb, s.score(), s.opportunity(), s.explanation(), w, fa, fb, firstUnitCost,
                learningRate, qa, qb, separate, combined, saved, fraction);
    }

    /** The window's first and last month in the nation's fiscal years, e.g. "FY2029 – FY2031". */
    static String fiscal(String nation, ProcurementWindow w) {
        LocalDate from = w.from().atDay(1);
        LocalDate to = w.to().atEndOfMonth();
        FiscalYear f = FiscalYear.of(nation, from);
        FiscalYear t = FiscalYear.of(nation, to);
        java.util.Locale reader = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        return f.equals(t) ? f.bilingualLabel(reader) : f.bilingualLabel(reader) + " – " + t.bilingualLabel(reader);
    }
}
