package org.dicas.programs.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dicas.programs.Programs;
import org.dicas.programs.WorkShareWriteRules;
import org.dicas.programs.engine.WorkShareBalancer;
import org.dicas.programs.engine.WorkShareException;
import org.dicas.programs.engine.WorkShareProblem;
import org.dicas.programs.engine.WorkShareSplit;
import org.dicas.security.AuditLog;
import org.dicas.security.DicasUser;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.Sentence;
import org.springframework.stereotype.Service;

/**
 * Balances a program's work share with the CP-SAT engine, synchronously: programs hold tens of packages, which the
 * engine proves optimal in milliseconds, so a request solves the baseline (and a what-if beside it) within
 * {@link #LIMIT} each — a larger program ends FEASIBLE with its lower bound rather than blocking (ADR 0022). The
 * problem is the whole program's; what the reader sees of the result is filtered here: assignments of the packages
 * the reader may read, costs the reader may read, aggregates only for a reader who may read every cost behind them.
 */
@Service
class WorkShareBalancing {

    /** The time each solve may take. */
    static final Duration LIMIT = Duration.ofSeconds(5);

    private final WorkPackages packages;
    private final AuditLog audit;

    WorkShareBalancing(WorkPackages packages, AuditLog audit) {
        this.packages = packages;
        this.audit = audit;
    }

    /** The balance to the partners' cost shares (the default targets). */
    BalanceView balance(DicasUser user, long programId, Optional<WorkShareWhatIf> whatIf) {
        return balance(user, programId, BalanceView.Targets.COST_SHARES, whatIf);
    }

    /** The balance of a program the user may read (404 otherwise), with a what-if beside the baseline. */
    BalanceView balance(DicasUser user, long programId, BalanceView.Targets targets, Optional<WorkShareWhatIf> whatIf) {
        WorkShare ws = packages.workShare(user, programId);
        WorkShareWriteRules.balance(user).orThrow();
        List<WorkShare.Target> shares = targets == BalanceView.Targets.WORK_SHARE_TARGETS ? ws.workShareTargets()
                : ws.targets();
        if (shares.isEmpty()) {
            throw InvalidInputException.of("targets", "workShare.error.noTargets");
        }
        whatIf.ifPresent(w -> check(ws, w));
        WorkShareProblem base = packages.problem(ws, shares, ws.tolerance());
        boolean aggregates = ws.everyCostShown();
        BalanceView.Result baseline = result(ws, base, solve(base), aggregates, Map.of());
        Optional<BalanceView.Result> tried = Optional.empty();
        if (whatIf.isPresent()) {
            WorkShareWhatIf w = whatIf.get();
            WorkShareProblem changed = w.kind() == WorkShareWhatIf.Kind.WIDEN_TOLERANCE
                    ? base.withTolerance(w.tolerance()) : base.withRelease(w.control(), w.nation());
            Map<Long, String> before = new HashMap<>();
            baseline.assignments().forEach(a -> before.put(a.packageId(), a.performer()));
            tried = Optional.of(result(ws, changed, solve(changed), aggregates, before));
        }
        audit.append(user, "WORK_SHARE_BALANCED", programId, Programs.KIND, Sentence.of("audit.detail.balanced",
                Sentence.label("workShare.targets", targets),
                whatIf.map(WorkShareWhatIf::sentence).orElse(Sentence.of("audit.detail.baseline"))));
        return new BalanceView(programId, ws.marking(), targets, aggregates, ws.withheldPackages(), baseline, whatIf,
                tried);
    }

    /** The engine's split, or a split that says why there is none (a package without options, the time ran out). */
    private static Solved solve(WorkShareProblem p) {
        Optional<String> empty = p.packages().stream().filter(x -> x.options().isEmpty())
                .map(WorkShareProblem.WorkPackage::id).findFirst();
        if (empty.isPresent()) {
            return new Solved(Optional.empty(), Optional.of(empty.get()), false);
        }
        if (p.packages().isEmpty()) {
            return new Solved(Optional.empty(), Optional.empty(), false);
        }
        try {
            return new Solved(Optional.of(WorkShareBalancer.create().balance(p, LIMIT)), Optional.empty(), false);
        } catch (WorkShareException e) {
            if (e.sentence().key().equals(WorkShareBalancer.NO_SPLIT_FOUND)) {
                return new Solved(Optional.empty(), Optional.empty(), true);
            }
            // the stored program breaks no rule the engine checks (validated on every write): a bug if it does
            throw new IllegalStateException("work-share problem of a stored program refused: " + e.getMessage(), e);
        }
    }

    private record Solved(Optional<WorkShareSplit> split, Optional<String> packageWithoutOptions, boolean timeUp) {
    }

    private static void check(WorkShare ws, WorkShareWhatIf w) {
        if (w.kind() == WorkShareWhatIf.Kind.WIDEN_TOLERANCE) {
            BigDecimal t = WorkPackages.tolerance(w.tolerance(), "tolerance");
            if (t.compareTo(ws.tolerance()) <= 0) {
                throw InvalidInputException.of("tolerance", "workShare.error.notWider", ws.tolerance().toPlainString(),
                        t.toPlainString());
            }
            return;
        }
        boolean possible = ws.possibleReleases().stream()
                .anyMatch(r -> r.control().equals(w.control()) && r.nations().contains(w.nation()));
        if (!possible) {
            throw InvalidInputException.of("control", "workShare.error.releaseImpossible", w.control(), w.nation());
        }
    }

    private static BalanceView.Result result(WorkShare ws, WorkShareProblem p, Solved solved, boolean aggregates,
                                             Map<Long, String> before) {
        Map<String, WorkPackage> byCode = new HashMap<>();
        ws.packages().forEach(x -> byCode.put(x.code(), x));
        List<BalanceView.ShareRow> band = new ArrayList<>();
        for (WorkShareProblem.Nation n : p.nations()) {
            band.add(new BalanceView.ShareRow(n.code(), n.share(), n.share().subtract(p.tolerance()).max(BigDecimal.ZERO),
                    n.share().add(p.tolerance()).min(BigDecimal.valueOf(100)), null, null));
        }
        if (solved.split().isEmpty()) {
            Sentence why;
            if (solved.timeUp()) {
                why = Sentence.of("workShare.infeasible.timeUp", LIMIT.toSeconds());
            } else if (solved.packageWithoutOptions().isPresent()) {
                String code = solved.packageWithoutOptions().get();
                why = byCode.containsKey(code) ? Sentence.of("workShare.infeasible.NO_OPTION", code)
                        : Sentence.of("workShare.infeasible.NO_OPTION.withheld");
            } else {
                why = Sentence.of("workShare.infeasible.NO_PACKAGE");
            }
            return new BalanceView.Result("INFEASIBLE", p.tolerance(), List.of(), band, null, null, null, null,
                    Optional.of(why));
        }
        WorkShareSplit s = solved.split().get();
        if (s.status() == WorkShareSplit.Status.INFEASIBLE) {
            return new BalanceView.Result("INFEASIBLE", p.tolerance(), List.of(), band, null, null,
                    aggregates ? s.unconstrainedCost().orElse(null) : null, null,
                    Optional.of(sentence(s.infeasibility().orElseThrow(), byCode, aggregates)));
        }
        List<BalanceView.Assignment> assignments = new ArrayList<>();
        for (WorkShareSplit.Assignment a : s.assignments()) {
            WorkPackage wp = byCode.get(a.workPackage());
            if (wp == null) {
                continue; // a package the reader may not read: counted as withheld
            }
            long performer = Long.parseLong(a.performer());
            WorkPackage.Option o = wp.options().stream().filter(x -> x.performerId() == performer).findFirst()
                    .orElseThrow();
            boolean changed = before.containsKey(wp.id()) && !before.get(wp.id()).equals(o.performer());
            assignments.add(new BalanceView.Assignment(wp.id(), wp.code(), wp.titleEn(), wp.titleJa(), o.performer(),
                    o.performerJa(), o.nation(), o.costWithheld() ? null : o.cost(), o.costWithheld(), changed));
        }
        List<BalanceView.ShareRow> shares = new ArrayList<>();
        for (int i = 0; i < band.size(); i++) {
            BalanceView.ShareRow b = band.get(i);
            WorkShareSplit.Share share = s.shares().stream().filter(x -> x.nation().equals(b.nation())).findFirst()
                    .orElse(null);
            shares.add(new BalanceView.ShareRow(b.nation(), b.target(), b.low(), b.high(),
                    aggregates && share != null ? share.cost() : null,
                    aggregates && share != null ? share.percent() : null));
        }
        return new BalanceView.Result(s.status().name(), p.tolerance(), assignments, shares,
                aggregates ? s.totalCost().orElse(null) : null, aggregates ? s.lowerBound().orElse(null) : null,
                aggregates ? s.unconstrainedCost().orElse(null) : null,
                aggregates ? s.priceOfBalance().orElse(null) : null, Optional.empty());
    }

    /** The engine's reason as a message key of both bundles; figures behind it only for who may read them all. */
    private static Sentence sentence(WorkShareSplit.Infeasibility why, Map<String, WorkPackage> byCode,
                                                 boolean aggregates) {
        String key = "workShare.infeasible." + why.reason().name();
        Sentence nation = Sentence.nation(why.subject());
        return switch (why.reason()) {
            case NO_ALLOWED_OPTION -> byCode.containsKey(why.subject()) ? Sentence.of(key, why.subject())
                    : Sentence.of(key + ".withheld");
            case SHARE_TOO_LOW, SHARE_TOO_HIGH -> aggregates
                    ? Sentence.of(key, nation, plain(why.percent()), plain(why.low()), plain(why.high()))
                    : Sentence.of(key + ".withheld", nation, plain(why.low()), plain(why.high()));
            case NATION_BAND -> Sentence.of(key, nation, plain(why.low()), plain(why.high()));
            case CAPACITIES, SHARES_TOGETHER, SHARE_RULE -> Sentence.of(key);
        };
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : v.setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }
}
