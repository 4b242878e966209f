package org.dicas.coproduction.internal;

import java.net.InetAddress;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.dicas.coproduction.CoproductionPlans;
import org.dicas.coproduction.CoproductionWriteRules;
import org.dicas.coproduction.WhatIf;
import org.dicas.coproduction.engine.CoproductionException;
import org.dicas.coproduction.engine.CoproductionJson;
import org.dicas.coproduction.engine.CoproductionPlanner;
import org.dicas.coproduction.engine.CoproductionProblem;
import org.dicas.coproduction.engine.PlanControl;
import org.dicas.coproduction.engine.ProductionPlan;
import org.dicas.security.AuditLog;
import org.dicas.security.DicasUser;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.NotFoundException;
import org.dicas.shared.Sentence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Co-production runs, the pattern of ADR 0009: the problem (with its what-if) is stored with the run and solved in the
 * background on this node (one run at a time, the others queued), which owns the run and renews its lease every
 * heartbeat; progress is the number of objective levels done; a stop is a request in the row that the owner sees
 * within a heartbeat, whichever node received it, and that interrupts the solver at once (the best plan is kept,
 * STOPPED). Every heartbeat also fails, cluster-wide, unfinished runs whose lease expired (their node stopped).
 */
@Service
class CoproductionRuns implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CoproductionRuns.class);
    static final int MAX_SECONDS = 600;
    private static final String UNFINISHED = "('QUEUED', 'RUNNING', 'STOPPING')";
    static final String NODE_STOPPED = "coproduction.run.failed.nodeStopped";
    static final String SOLVER_FAILED = "coproduction.run.failed.solver";
    private static final Duration HEARTBEAT = Duration.ofSeconds(1);
    private static final String LEASE = "5000 milliseconds";

    /** A stored run; {@code result} is the plan JSON of the contract, null until the run has one. */
    public record Run(long id, long planId, String status, String createdBy, Timestamp createdAt, int seconds,
               String whatIf, String problem, String result, int levelsDone, String messageKey, String costRecords,
               String droppedTransfers) {

        public boolean running() {
            return status.equals("QUEUED") || status.equals("RUNNING") || status.equals("STOPPING");
        }
    }

    private final JdbcClient jdbc;
    private final CoproductionPlans plans;
    private final AuditLog audit;
    private final JsonMapper json = JsonMapper.builder().build();
    private final String node = nodeId();
    private final Map<Long, PlanControl> active = new ConcurrentHashMap<>();
    private ExecutorService solver;
    private ScheduledExecutorService timer;

    CoproductionRuns(JdbcClient jdbc, CoproductionPlans plans, AuditLog audit) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.audit = audit;
    }

    /** Starts a run of the plan (a baseline, or with a what-if); returns its id. Nothing is saved on bad input. */
    long start(DicasUser user, long planId, Optional<WhatIf> whatIf, int seconds) {
        CoproductionWriteRules.runPlan(user).orThrow();
        if (seconds < 1 || seconds > MAX_SECONDS) {
            throw InvalidInputException.of("seconds", "coproduction.error.seconds", MAX_SECONDS);
        }
        CoproductionPlans.RunInput input = plans.runInput(user, planId, whatIf);
        CoproductionProblem problem = input.problem();
        long id = jdbc.sql("""
                        insert into coproduction_run (plan_id, created_by, status, seconds, what_if, problem, owner_node,
                                                      lease_until, cost_records, dropped_transfers)
                        values (:plan, :u, 'QUEUED', :s, cast(:w as jsonb), cast(:p as jsonb), :node,
                                now() + cast(:lease as interval), cast(:costs as bigint[]), cast(:dropped as jsonb))
                        returning id""")
                .param("costs", "{" + String.join(",", input.costRecords().stream().map(String::valueOf).toList()) + "}")
                .param("dropped", json.writeValueAsString(input.dropped()))
                .param("plan", planId).param("u", user.id()).param("s", seconds)
                .param("w", whatIf.map(json::writeValueAsString).orElse(null))
                .param("p", json.writeValueAsString(problem)).param("node", node).param("lease", LEASE)
                .query(Long.class).single();
        audit.append(user, "COPRODUCTION_RUN_STARTED", planId, CoproductionPlans.KIND, whatIf.isEmpty()
                ? Sentence.of("audit.detail.runStarted", id, seconds)
                : Sentence.of("audit.detail.runStartedWhatIf", id, seconds, whatIf.get().sentence()));
        PlanControl control = new PlanControl(p -> jdbc.sql(
                        "update coproduction_run set levels_done = :l, updated_at = now() where id = :id")
                .param("l", p.level()).param("id", id).update());
        active.put(id, control);
        solver.submit(() -> solve(id, problem, seconds, control));
        return id;
    }

    private void solve(long id, CoproductionProblem problem, int seconds, PlanControl control) {
        try {
            jdbc.sql("update coproduction_run set status = 'RUNNING', updated_at = now() "
                    + "where id = :id and owner_node = :me and status = 'QUEUED'").param("id", id).param("me", node)
                    .update();
            ProductionPlan plan = CoproductionPlanner.create().solve(problem, Duration.ofSeconds(seconds), control);
            jdbc.sql("""
                            update coproduction_run set result = cast(:r as jsonb), updated_at = now(), finished_at = now(),
                                   status = case when stop_requested_at is null then 'DONE' else 'STOPPED' end
                            where id = :id and owner_node = :me and status in""" + " " + UNFINISHED)
                    .param("r", CoproductionJson.write(plan, false)).param("id", id).param("me", node).update();
        } catch (RuntimeException e) {
            log.warn("Co-production run {} failed", id, e);
            jdbc.sql("update coproduction_run set status = 'FAILED', message_key = :k, message = :m, finished_at = now(),"
                            + " updated_at = now() where id = :id and owner_node = :me and status in " + UNFINISHED)
                    .param("k", e instanceof CoproductionException ce && ce.sentence().args().isEmpty()
                            ? ce.sentence().key() : SOLVER_FAILED)
                    .param("m", String.valueOf(e.getMessage())).param("id", id)
                    .param("me", node).update();
        } finally {
            active.remove(id);
        }
    }

    /** Asks a run to stop; its node, whichever it is, interrupts it within a heartbeat. */
    void stop(DicasUser user, long planId, long runId) {
        Run r = view(user, planId, runId);
        CoproductionWriteRules.runPlan(user).orThrow();
        int n = jdbc.sql("""
                        update coproduction_run set status = 'STOPPING', updated_at = now(),
                               stop_requested_at = coalesce(stop_requested_at, now())
                        where id = :id and status in""" + " " + UNFINISHED).param("id", r.id()).update();
        if (n == 0) {
            throw InvalidInputException.of("status", "coproduction.error.runNotRunning", runId);
        }
        audit.append(user, "COPRODUCTION_RUN_STOPPED", planId, CoproductionPlans.KIND, Sentence.of("audit.detail.run", runId));
    }

    private static final String SELECT = """
            select c.id, c.plan_id, c.status, u.display_name as created_by, c.created_at, c.seconds,
                   c.what_if::text as what_if, c.problem::text as problem, c.result::text as result, c.levels_done,
                   c.message_key, array_to_json(c.cost_records)::text as cost_records,
                   c.dropped_transfers::text as dropped_transfers
            from coproduction_run c join app_user u on u.id = c.created_by""";

    /** A run of a plan the user may read (the plan's 404 otherwise). */
    Run view(DicasUser user, long planId, long runId) {
        plans.find(planId, user).orElseThrow(() -> new NotFoundException("co-production plan", planId));
        return jdbc.sql(SELECT + " where c.id = :id and c.plan_id = :plan").param("id", runId).param("plan", planId)
                .query(Run.class).optional().orElseThrow(() -> new NotFoundException("co-production run", runId));
    }

    /** The latest runs of a plan the user may read, newest first. */
    List<Run> recent(DicasUser user, long planId, int limit) {
        plans.find(planId, user).orElseThrow(() -> new NotFoundException("co-production plan", planId));
        return jdbc.sql(SELECT + " where c.plan_id = :plan order by c.id desc limit :n").param("plan", planId)
                .param("n", limit).query(Run.class).list();
    }

    /** The latest finished baseline (no what-if) before {@code runId}, the one a what-if is compared with. */
    Optional<Run> baselineBefore(long planId, long runId) {
        return jdbc.sql(SELECT + " where c.plan_id = :plan and c.id < :run and c.what_if is null and c.result is not null"
                        + " order by c.id desc limit 1").param("plan", planId).param("run", runId)
                .query(Run.class).optional();
    }

    /** One heartbeat: renew this node's leases, interrupt the runs a stop was requested for, then sweep. */
    void beat() {
        if (!active.isEmpty()) {
            record Lease(long id, boolean stopRequested) {
            }
            List<Lease> renewed = jdbc.sql("update coproduction_run set lease_until = now() + cast(:lease as interval) "
                            + "where owner_node = :me and id in (:ids) and status in " + UNFINISHED
                            + " returning id, stop_requested_at is not null as stop_requested")
                    .param("lease", LEASE).param("me", node).param("ids", active.keySet()).query(Lease.class).list();
            for (Lease l : renewed) {
                PlanControl c = active.get(l.id());
                if (l.stopRequested() && c != null) {
                    c.stop();
                }
            }
        }
        int failed = jdbc.sql("update coproduction_run set status = 'FAILED', message_key = :k, finished_at = now(), "
                        + "updated_at = now() where status in " + UNFINISHED
                        + " and (lease_until is null or lease_until < now())")
                .param("k", NODE_STOPPED).update();
        if (failed > 0) {
            log.warn("{} co-production run(s) failed: their node stopped while solving", failed);
        }
    }

    private static String nodeId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "node";
        }
        return host + "-" + ProcessHandle.current().pid() + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0x1000000));
    }

    @Override
    public synchronized void start() {
        solver = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "coproduction-solver");
            t.setDaemon(true);
            return t;
        });
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "coproduction-heartbeat");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                beat();
            } catch (RuntimeException e) {
                log.warn("Co-production heartbeat: {}", e.toString());
            }
        }, 0, HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Leaving cleanly: the runs solving here are interrupted and end FAILED (their node stopped). */
    @Override
    public synchronized void stop() {
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        active.values().forEach(PlanControl::stop);
        solver.shutdownNow();
        try {
            solver.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timer = null;
        try {
            jdbc.sql("update coproduction_run set status = 'FAILED', message_key = :k, finished_at = now(), "
                            + "updated_at = now() where owner_node = :me and status in " + UNFINISHED)
                    .param("k", NODE_STOPPED).param("me", node).update();
        } catch (RuntimeException e) {
            log.warn("Co-production runs of this node are left to the other nodes' sweep: {}", e.toString());
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
