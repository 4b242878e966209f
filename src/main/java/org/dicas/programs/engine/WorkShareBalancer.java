package org.dicas.programs.engine;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearArgument;
import com.google.ortools.sat.LinearExpr;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dicas.shared.Sentence;

/**
 * Balances work share with CP-SAT: one Boolean per allowed option, exactly one per package, a linear capacity row
 * per performer whose options could exceed it, two linear rows per nation for the share rule (see
 * {@link CompiledShares}), and the total cost to minimise. Before that it solves the problem without the share rule
 * (exactly, and trivially when no capacity can bind): that optimum is the unconstrained cost, a valid lower bound on
 * the balanced one (added to the model, so that CP-SAT's proof starts there), and the cheapest-then-repair split is
 * the solution hint. A proven infeasibility is explained by solving for the most (or least) share each nation can
 * get.
 */
public final class WorkShareBalancer {

    /** Costs of all options together above this (in money) are refused: the integer model could overflow. */
    /** The key of the refusal when no split was found and none proven impossible in the time given. */
    public static final String NO_SPLIT_FOUND = "workShare.input.noSplitFound";

    static final BigDecimal MAX_TOTAL = new BigDecimal("1000000000000");

    /**
     * Solver workers, the relative gap at which the search may stop (0: only at a proof), and how many packages
     * beyond a few are reconsidered around the LP relaxation's split (problems no larger are solved directly).
     */
    public record Settings(int workers, double relativeGap, int neighbourhood) {
        public Settings(int workers, double relativeGap) {
            this(workers, relativeGap, NEIGHBOURHOOD);
        }

        public static Settings defaults() {
            return new Settings(Math.max(2, Runtime.getRuntime().availableProcessors()), 0);
        }
    }

    /** Packages reconsidered around the LP relaxation's split when polishing the hint of a large problem. */
    static final int NEIGHBOURHOOD = 600;

    private final Settings settings;

    private WorkShareBalancer(Settings settings) {
        this.settings = settings;
    }

    public static WorkShareBalancer create() {
        return create(Settings.defaults());
    }

    public static WorkShareBalancer create(Settings settings) {
        Natives.load();
        return new WorkShareBalancer(settings);
    }

    /** OR-Tools' native library, loaded once per process. */
    private static final class Natives {
        private static final AtomicBoolean LOADED = new AtomicBoolean();

        static synchronized void load() {
            if (!LOADED.get()) {
                Loader.loadNativeLibraries();
                LOADED.set(true);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ validation

    /** Refuses a problem that breaks the input contract, with one sentence naming the record. */
    public void validate(WorkShareProblem p) {
        if (p.nations().isEmpty()) {
            throw new WorkShareException(Sentence.of("workShare.input.noNation"));
        }
        Set<String> nations = new HashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < p.nations().size(); i++) {
            WorkShareProblem.Nation n = p.nations().get(i);
            if (blank(n.code())) {
                throw new WorkShareException(Sentence.of("engineInput.required", "nations[" + i + "]", "code"));
            }
            Sentence w = Sentence.of("workShare.input.nation", n.code());
            if (!nations.add(n.code())) {
                throw new WorkShareException(Sentence.of("workShare.input.listedTwice", w));
            }
            percent(n.share(), attribute(w, "share"));
            sum = sum.add(n.share());
        }
        if (sum.compareTo(BigDecimal.valueOf(100)) != 0) {
            throw new WorkShareException(Sentence.of("workShare.input.sharesSum",
                    sum.stripTrailingZeros().toPlainString()));
        }
        percent(p.tolerance(), Sentence.of("workShare.input.tolerance"));
        Set<String> controls = new HashSet<>();
        for (int i = 0; i < p.releases().size(); i++) {
            WorkShareProblem.Release r = p.releases().get(i);
            if (blank(r.control())) {
                throw new WorkShareException(Sentence.of("engineInput.required", "releases[" + i + "]", "control"));
            }
            Sentence w = Sentence.of("workShare.input.release", r.control());
            if (!controls.add(r.control())) {
                throw new WorkShareException(Sentence.of("workShare.input.listedTwice", w));
            }
            for (String n : r.nations()) {
                if (!nations.contains(n)) {
                    throw new WorkShareException(Sentence.of("workShare.input.unknownNation", w, n));
                }
            }
        }
        Set<String> ids = new HashSet<>();
        Set<String> performers = new HashSet<>();
        BigDecimal all = BigDecimal.ZERO;
        for (int i = 0; i < p.packages().size(); i++) {
            WorkShareProblem.WorkPackage wp = p.packages().get(i);
            if (blank(wp.id())) {
                throw new WorkShareException(Sentence.of("engineInput.required", "packages[" + i + "]", "id"));
            }
            Sentence w = Sentence.of("workShare.input.package", wp.id());
            if (!ids.add(wp.id())) {
                throw new WorkShareException(Sentence.of("workShare.input.listedTwice", w));
            }
            for (String c : wp.controls()) {
                if (!controls.contains(c)) {
                    throw new WorkShareException(Sentence.of("workShare.input.unknownControl", w, c));
                }
            }
            if (wp.options().isEmpty()) {
                throw new WorkShareException(Sentence.of("workShare.input.noOptions", w));
            }
            for (int k = 0; k < wp.options().size(); k++) {
                WorkShareProblem.Option o = wp.options().get(k);
                if (blank(o.performer())) {
                    throw new WorkShareException(Sentence.of("engineInput.required",
                            Sentence.of("workShare.input.option", w, k + 1), "performer"));
                }
                Sentence ow = Sentence.of("workShare.input.optionOf", w, k + 1, o.performer());
                if (!nations.contains(o.nation())) {
                    throw new WorkShareException(Sentence.of("workShare.input.unknownNation", ow, o.nation()));
                }
                money(o.cost(), attribute(ow, "cost"));
                performers.add(o.performer());
                all = all.add(o.cost());
            }
        }
        if (all.compareTo(MAX_TOTAL) > 0) {
            throw new WorkShareException(Sentence.of("workShare.input.tooMuchInAll", MAX_TOTAL.toPlainString()));
        }
        Set<String> capped = new HashSet<>();
        for (int i = 0; i < p.capacities().size(); i++) {
            WorkShareProblem.Capacity c = p.capacities().get(i);
            if (blank(c.performer())) {
                throw new WorkShareException(Sentence.of("engineInput.required", "capacities[" + i + "]",
                        "performer"));
            }
            Sentence w = Sentence.of("workShare.input.capacity", c.performer());
            if (!capped.add(c.performer())) {
                throw new WorkShareException(Sentence.of("workShare.input.listedTwice", w));
            }
            if (!performers.contains(c.performer())) {
                throw new WorkShareException(Sentence.of("workShare.input.unknownPerformer", w));
            }
            money(c.maxCost(), attribute(w, "maxCost"));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** A field of a record, as the input names it ("nation USA: share"). */
    private static Sentence attribute(Sentence record, String field) {
        return Sentence.of("workShare.input.attribute", record, field);
    }

    private static void percent(BigDecimal v, Sentence what) {
        if (v == null) {
            throw new WorkShareException(Sentence.of("workShare.input.missing", what));
        }
        if (v.signum() < 0 || v.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new WorkShareException(Sentence.of("workShare.input.percentRange", what, v.toPlainString()));
        }
        twoDecimals(v, what);
    }

    private static void money(BigDecimal v, Sentence what) {
        if (v == null) {
            throw new WorkShareException(Sentence.of("workShare.input.missing", what));
        }
        if (v.signum() < 0) {
            throw new WorkShareException(Sentence.of("workShare.input.negative", what, v.toPlainString()));
        }
        if (v.compareTo(MAX_TOTAL) > 0) {
            throw new WorkShareException(Sentence.of("workShare.input.tooLarge", what, MAX_TOTAL.toPlainString()));
        }
        twoDecimals(v, what);
    }

    private static void twoDecimals(BigDecimal v, Sentence what) {
        if (v.stripTrailingZeros().scale() > 2) {
            throw new WorkShareException(Sentence.of("workShare.input.decimals", what, v.toPlainString()));
        }
    }

    // ------------------------------------------------------------------------------------------------ solving

    /** Balances a valid problem within the time limit (see {@link #validate}). */
    public WorkShareSplit balance(WorkShareProblem problem, Duration limit) {
        validate(problem);
        long deadline = System.nanoTime() + Math.max(1, limit.toNanos());
        CompiledShares m = new CompiledShares(problem);
        int stuck = m.packageWithoutAllowedOption();
        if (stuck >= 0) {
            return infeasible(new WorkShareSplit.Infeasibility(
                    WorkShareSplit.Infeasibility.Reason.NO_ALLOWED_OPTION, m.packages[stuck].id(), null, null, null),
                    Optional.empty());
        }
        trace("compiled", deadline);
        // 1. without the share rule
        long unconstrained;
        long unconstrainedBound;
        int[] unconstrainedChoice;
        if (!m.capacitiesMayBind()) {
            unconstrainedChoice = new int[m.packages.length];
            for (int i = 0; i < unconstrainedChoice.length; i++) {
                for (int j = 1; j < m.cents[i].length; j++) {
                    if (m.cents[i][j] < m.cents[i][unconstrainedChoice[i]]) {
                        unconstrainedChoice[i] = j;
                    }
                }
            }
            unconstrained = m.cost(unconstrainedChoice);
            unconstrainedBound = unconstrained;
        } else {
            int[] cheapest = CheapestThenRepair.cheapest(m).orElse(null);
            trace("cheapest within capacities", deadline);
            Polished start = polish(m, NO_SHARE_RULE, cheapest, Long.MIN_VALUE, deadline, 8);
            trace("unconstrained polished", deadline);
            Run u = solve(m, NO_SHARE_RULE, costs(m), false, start.choice, Long.MIN_VALUE, seconds(deadline) / 8);
            if (u.status == CpSolverStatus.INFEASIBLE || u.status == CpSolverStatus.MODEL_INVALID) {
                return infeasible(new WorkShareSplit.Infeasibility(
                        WorkShareSplit.Infeasibility.Reason.CAPACITIES, null, null, null, null), Optional.empty());
            }
            unconstrainedChoice = u.choice != null ? u.choice : start.choice;
            unconstrained = unconstrainedChoice == null ? Long.MAX_VALUE : m.cost(unconstrainedChoice);
            unconstrainedBound = Math.max(start.bound, u.status == CpSolverStatus.UNKNOWN && u.choice == null
                    ? 0 : u.bound);
            if (u.status == CpSolverStatus.OPTIMAL) {
                unconstrainedBound = unconstrained;
            }
        }
        // 2. the balanced split, hinted with the LP neighbourhood's split (else the repaired cheapest split)
        trace("unconstrained solved", deadline);
        // the LP neighbourhood first; the slower cheapest-then-repair split only when that finds nothing
        Polished hinted = polish(m, EVERY_NATION, null, unconstrainedBound, deadline, 2);
        if (hinted.choice == null) {
            hinted = new Polished(CheapestThenRepair.split(m).orElse(unconstrainedChoice), hinted.bound, hinted.lp);
            trace("repaired", deadline);
        }
        int[] hint = hinted.choice;
        trace("balanced polished", deadline);
        long hintCost = hint == null || hint == unconstrainedChoice ? Long.MAX_VALUE : m.cost(hint);
        if (hintCost != Long.MAX_VALUE && settings.relativeGap() > 0
                && hintCost - Math.max(hinted.bound, unconstrainedBound) <= settings.relativeGap() * hintCost) {
            // within the gap asked for already: the LP bound proves it
            return m.split(WorkShareSplit.Status.FEASIBLE, hint, Math.max(hinted.bound, unconstrainedBound),
                    unconstrained);
        }
        // reduced-cost fixing: options that cannot be part of a split cheaper than the hint stay out of the model
        boolean[][] useless = hintCost == Long.MAX_VALUE ? null
                : hinted.lp.map(lp -> lp.useless(hintCost)).orElse(null);
        Run b = solve(m, EVERY_NATION, costs(m), false, hint, unconstrainedBound, seconds(deadline), null, useless);
        trace("balanced solved", deadline);
        if (b.status == CpSolverStatus.INFEASIBLE) {
            Optional<BigDecimal> u = unconstrained == Long.MAX_VALUE ? Optional.empty()
                    : Optional.of(CompiledShares.money(unconstrained));
            return infeasible(explain(m, deadline), u);
        }
        int[] choice = b.choice;
        long bound = Math.max(Math.max(b.bound, unconstrainedBound), hinted.bound);
        WorkShareSplit.Status status = b.status == CpSolverStatus.OPTIMAL ? WorkShareSplit.Status.OPTIMAL
                : WorkShareSplit.Status.FEASIBLE;
        if (choice == null) {
            if (hint == null || b.status == CpSolverStatus.UNKNOWN && hint == unconstrainedChoice) {
                throw new WorkShareException(Sentence.of(NO_SPLIT_FOUND, String.valueOf(limit.toMillis() / 1000.0)));
            }
            choice = hint;
            status = WorkShareSplit.Status.FEASIBLE;
        }
        return m.split(status, choice, bound, unconstrained);
    }

    /** A starting split (null if none) and a lower bound on the optimum (cents; Long.MIN_VALUE if none). */
    private record Polished(int[] choice, long bound, Optional<LpNeighbourhood.Result> lp) {
    }

    /**
     * Improves a starting split of a large problem: the LP relaxation's split with its doubtful packages solved
     * exactly by CP-SAT within {@code 1/share} of the time left; also returns the LP bound.
     */
    private Polished polish(CompiledShares m, int shareRule, int[] start, long atLeast, long deadline, int share) {
        if (m.packages.length <= settings.neighbourhood()) {
            return new Polished(start, Long.MIN_VALUE, Optional.empty());
        }
        Optional<LpNeighbourhood.Result> lp = LpNeighbourhood.of(m, settings.neighbourhood(), shareRule != NO_SHARE_RULE);
        trace("LP solved", deadline);
        if (lp.isEmpty()) {
            return new Polished(start, Long.MIN_VALUE, lp);
        }
        int[] fixed = lp.get().lpChoice().clone();
        for (int i = 0; i < fixed.length; i++) {
            if (lp.get().free()[i]) {
                fixed[i] = -1;
            }
        }
        Run sub = solve(m, shareRule, costs(m), false, lp.get().lpChoice(), atLeast, seconds(deadline) / share, fixed, null);
        int[] best = sub.choice != null && (start == null || m.cost(sub.choice) < m.cost(start)) ? sub.choice : start;
        return new Polished(best, lp.get().bound(), lp);
    }

    /** The cheapest-then-repair split (the benchmark's comparison); empty when the repair gets stuck. */
    public Optional<WorkShareSplit> cheapestThenRepair(WorkShareProblem problem) {
        validate(problem);
        CompiledShares m = new CompiledShares(problem);
        if (m.packageWithoutAllowedOption() >= 0) {
            return Optional.empty();
        }
        return CheapestThenRepair.split(m).map(c -> m.split(WorkShareSplit.Status.FEASIBLE, c, 0, Long.MAX_VALUE));
    }

    private static WorkShareSplit infeasible(WorkShareSplit.Infeasibility why, Optional<BigDecimal> unconstrained) {
        return new WorkShareSplit(WorkShareSplit.Status.INFEASIBLE, Optional.empty(), Optional.empty(),
                unconstrained, List.of(), List.of(), Optional.of(why));
    }

    private static void trace(String phase, long deadline) {
        if (Boolean.getBoolean("dicas.workshare.log")) {
            System.err.printf("workshare: %s, %.2f s left%n", phase, (deadline - System.nanoTime()) / 1e9);
        }
    }

    private static double seconds(long deadline) {
        return Math.max(0.05, (deadline - System.nanoTime()) / 1e9);
    }

    /** The objective total cost: weight 1 on every nation's cost. */
    private static long[] costs(CompiledShares m) {
        long[] w = new long[m.nations];
        java.util.Arrays.fill(w, 1);
        return w;
    }

    /** {@code 10000·cost(n) − r·total} as weights on the nations' costs: ≥ 0 when n's share is at least r bp. */
    private static long[] shareExcess(CompiledShares m, int n, long r) {
        long[] w = new long[m.nations];
        for (int k = 0; k < m.nations; k++) {
            w[k] = (k == n ? CompiledShares.BP : 0) - r;
        }
        return w;
    }

    /**
     * Why the proven-infeasible share rule cannot be met: a nation whose most reachable share is below its band (or
     * least reachable share above it), found by maximising {@code 10000·cost(n) − r·total} and raising r to the
     * best assignment's share until the maximum is negative; else the bands only conflict together.
     */
    private WorkShareSplit.Infeasibility explain(CompiledShares m, long deadline) {
        boolean allReachable = true;
        for (int n = 0; n < m.nations; n++) {
            BigDecimal low = BigDecimal.valueOf(Math.max(0, m.low[n]), 2);
            BigDecimal high = BigDecimal.valueOf(Math.min(CompiledShares.BP, m.high[n]), 2);
            if (m.low[n] > 0) {
                Run r = solve(m, NO_SHARE_RULE, shareExcess(m, n, m.low[n]), true, null, Long.MIN_VALUE, seconds(deadline));
                if (r.status == CpSolverStatus.OPTIMAL && r.objective < 0 || r.bound < 0 && r.status != CpSolverStatus.UNKNOWN) {
                    BigDecimal most = extreme(m, n, r.choice, true, deadline);
                    return new WorkShareSplit.Infeasibility(WorkShareSplit.Infeasibility.Reason.SHARE_TOO_LOW,
                            m.nationCodes[n], most, low, high);
                }
                allReachable &= r.status == CpSolverStatus.OPTIMAL || r.status == CpSolverStatus.FEASIBLE;
            }
            if (m.high[n] < CompiledShares.BP) {
                Run r = solve(m, NO_SHARE_RULE, shareExcess(m, n, m.high[n]), false, null, Long.MIN_VALUE,
                        seconds(deadline));
                if (r.status == CpSolverStatus.OPTIMAL && r.objective > 0 || r.bound > 0 && r.status != CpSolverStatus.UNKNOWN) {
                    BigDecimal least = extreme(m, n, r.choice, false, deadline);
                    return new WorkShareSplit.Infeasibility(WorkShareSplit.Infeasibility.Reason.SHARE_TOO_HIGH,
                            m.nationCodes[n], least, low, high);
                }
                allReachable &= r.status == CpSolverStatus.OPTIMAL || r.status == CpSolverStatus.FEASIBLE;
            }
            Run band = solve(m, n, costs(m), false, null, Long.MIN_VALUE, seconds(deadline));
            if (band.status == CpSolverStatus.INFEASIBLE) {
                return new WorkShareSplit.Infeasibility(WorkShareSplit.Infeasibility.Reason.NATION_BAND,
                        m.nationCodes[n], null, low, high);
            }
            allReachable &= band.choice != null;
        }
        return new WorkShareSplit.Infeasibility(allReachable ? WorkShareSplit.Infeasibility.Reason.SHARES_TOGETHER
                : WorkShareSplit.Infeasibility.Reason.SHARE_RULE, null, null, null, null);
    }

    /** The most (or least) share of nation n over allowed assignments, to the hundredth of a percent. */
    private BigDecimal extreme(CompiledShares m, int n, int[] start, boolean most, long deadline) {
        int[] best = start;
        for (int step = 0; step < 60 && best != null; step++) {
            long[] share = shareOf(m, n, best);
            // next threshold: one basis point beyond the best assignment's share
            long r = most ? Math.floorDiv(share[0] * CompiledShares.BP, share[1]) + 1
                    : -Math.floorDiv(-share[0] * CompiledShares.BP, share[1]) - 1;
            Run run = solve(m, NO_SHARE_RULE, shareExcess(m, n, r), most, best, Long.MIN_VALUE, seconds(deadline));
            boolean better = most ? run.choice != null && run.objective >= 0 : run.choice != null && run.objective <= 0;
            if (!better) {
                break;
            }
            best = run.choice;
        }
        if (best == null) {
            return null;
        }
        long[] share = shareOf(m, n, best);
        return BigDecimal.valueOf(share[0]).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(share[1]), 2, most ? RoundingMode.DOWN : RoundingMode.UP);
    }

    private static long[] shareOf(CompiledShares m, int n, int[] choice) {
        long mine = 0;
        long total = 0;
        for (int i = 0; i < choice.length; i++) {
            long c = m.cents[i][choice[i]];
            total += c;
            if (m.nationOf[i][choice[i]] == n) {
                mine += c;
            }
        }
        return new long[] {mine, Math.max(1, total)};
    }

    // ------------------------------------------------------------------------------------------------ CP-SAT

    /** {@code solve}'s share rule: none, every nation's, or (an index) one nation's band only. */
    private static final int NO_SHARE_RULE = -2;
    private static final int EVERY_NATION = -1;

    /** One CP-SAT run: status, the choice found (null if none), its objective and the proven bound. */
    private record Run(CpSolverStatus status, int[] choice, long objective, long bound) {
    }

    /**
     * Optimises {@code Σ coef·x} over assignments (exactly one allowed option per package, capacities), with the
     * share rule when asked; {@code atLeast} bounds the objective from below (a known lower bound).
     */
    private Run solve(CompiledShares m, int shareRule, long[] weights, boolean maximize, int[] hint, long atLeast,
                      double seconds) {
        return solve(m, shareRule, weights, maximize, hint, atLeast, seconds, null, null);
    }

    /** As above, with the packages whose {@code fixed} entry is ≥ 0 held to that option. */
    private Run solve(CompiledShares m, int shareRule, long[] weights, boolean maximize, int[] hint, long atLeast,
                      double seconds, int[] fixed, boolean[][] useless) {
        CpModel model = new CpModel();
        BoolVar[][] x = new BoolVar[m.packages.length][];
        List<List<LinearArgument>> byNation = new ArrayList<>();
        List<List<Long>> byNationCents = new ArrayList<>();
        for (int n = 0; n < m.nations; n++) {
            byNation.add(new ArrayList<>());
            byNationCents.add(new ArrayList<>());
        }
        long[] hinted = new long[m.nations];
        for (int i = 0; i < x.length; i++) {
            x[i] = new BoolVar[m.cents[i].length];
            for (int j = 0; j < x[i].length; j++) {
                x[i][j] = model.newBoolVar("");
                byNation.get(m.nationOf[i][j]).add(x[i][j]);
                byNationCents.get(m.nationOf[i][j]).add(m.cents[i][j]);
            }
            model.addExactlyOne(x[i]);
            if (fixed != null && fixed[i] >= 0) {
                model.addEquality(x[i][fixed[i]], 1);
            }
            for (int j = 0; useless != null && j < x[i].length; j++) {
                if (useless[i][j]) {
                    model.addEquality(x[i][j], 0);
                }
            }
            if (hint != null) {
                for (int j = 0; j < x[i].length; j++) {
                    model.addHint(x[i][j], j == hint[i] ? 1 : 0);
                }
                hinted[m.nationOf[i][hint[i]]] += m.cents[i][hint[i]];
            }
        }
        // one sparse row per nation: cost(n) = Σ cents·x over n's options; the share rows use these N variables only
        IntVar[] cost = new IntVar[m.nations];
        for (int n = 0; n < m.nations; n++) {
            long most = byNationCents.get(n).stream().mapToLong(Long::longValue).sum();
            cost[n] = model.newIntVar(0, most, "cost " + m.nationCodes[n]);
            model.addEquality(sum(byNation.get(n), byNationCents.get(n)), cost[n]);
            if (hint != null) {
                model.addHint(cost[n], hinted[n]);
            }
        }
        if (m.capacitiesMayBind()) {
            List<List<LinearArgument>> vars = new ArrayList<>();
            List<List<Long>> coefs = new ArrayList<>();
            for (int f = 0; f < m.performers.length; f++) {
                vars.add(new ArrayList<>());
                coefs.add(new ArrayList<>());
            }
            for (int i = 0; i < x.length; i++) {
                for (int j = 0; j < x[i].length; j++) {
                    vars.get(m.performerOf[i][j]).add(x[i][j]);
                    coefs.get(m.performerOf[i][j]).add(m.cents[i][j]);
                }
            }
            for (int f = 0; f < m.performers.length; f++) {
                long most = coefs.get(f).stream().mapToLong(Long::longValue).sum();
                if (most > m.capacity[f]) {
                    model.addLessOrEqual(sum(vars.get(f), coefs.get(f)), m.capacity[f]);
                }
            }
        }
        if (shareRule != NO_SHARE_RULE) {
            for (int n = 0; n < m.nations; n++) {
                if (shareRule != EVERY_NATION && shareRule != n) {
                    continue;
                }
                if (m.low[n] > 0) {
                    model.addGreaterOrEqual(LinearExpr.weightedSum(cost, shareExcess(m, n, m.low[n])), 0);
                }
                if (m.high[n] < CompiledShares.BP) {
                    model.addLessOrEqual(LinearExpr.weightedSum(cost, shareExcess(m, n, m.high[n])), 0);
                }
            }
        }
        LinearExpr objective = LinearExpr.weightedSum(cost, weights);
        if (atLeast != Long.MIN_VALUE) {
            model.addGreaterOrEqual(objective, atLeast);
        }
        if (maximize) {
            model.maximize(objective);
        } else {
            model.minimize(objective);
        }
        CpSolver solver = new CpSolver();
        solver.getParameters().setMaxTimeInSeconds(seconds).setNumWorkers(settings.workers())
                .setRelativeGapLimit(settings.relativeGap())
                .setLogSearchProgress(Boolean.getBoolean("dicas.workshare.log"));
        CpSolverStatus status = solver.solve(model);
        int[] choice = null;
        long value = 0;
        if (status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE) {
            choice = new int[x.length];
            for (int i = 0; i < x.length; i++) {
                for (int j = 0; j < x[i].length; j++) {
                    if (solver.booleanValue(x[i][j])) {
                        choice[i] = j;
                    }
                }
            }
            value = Math.round(solver.objectiveValue());
        }
        long bound = status == CpSolverStatus.INFEASIBLE ? 0
                : maximize ? (long) Math.floor(solver.bestObjectiveBound())
                : (long) Math.ceil(solver.bestObjectiveBound());
        return new Run(status, choice, value, bound);
    }

    private static LinearExpr sum(List<LinearArgument> vars, List<Long> coefs) {
        return LinearExpr.weightedSum(vars.toArray(new LinearArgument[0]),
                coefs.stream().mapToLong(Long::longValue).toArray());
    }
}
