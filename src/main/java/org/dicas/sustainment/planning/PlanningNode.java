package org.dicas.sustainment.planning;

import java.net.InetAddress;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.dicas.sustainment.engine.RepairSolvers;
import org.dicas.sustainment.engine.Schedule;
import org.dicas.sustainment.engine.ScheduleProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * This node's part in planning. It solves the runs started here on Timefold's SolverManager ({@link RepairSolvers},
 * one run at a time, the others queued; CP-SAT beside each run unless {@code dicas.planning.engines=TIMEFOLD}, and a
 * run ends as soon as its optimum is proven) and owns them: every heartbeat it renews their lease in the database, and
 * ends early those a stop was requested for, through any node. Every heartbeat it also fails, for the whole cluster,
 * the unfinished runs whose lease has expired: their node stopped while solving. The update is idempotent, so every
 * node sweeping is safe. A node leaving cleanly fails its own unfinished runs at once; a node starting touches no
 * run whose owner is alive. The heartbeat has its own thread so that long scheduled jobs never delay it.
 */
@Component
public class PlanningNode implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PlanningNode.class);
    static final String UNFINISHED = "('QUEUED', 'RUNNING', 'STOPPING')";
    static final String NODE_STOPPED = "plan.failed.nodeStopped";
    static final String SOLVER_FAILED = "plan.failed.solver";

    private final String id = newId();
    private final JdbcClient jdbc;
    private final Duration heartbeat;
    private final Duration lease;
    private final RepairSolvers.Engines engines;
    private final JsonMapper json = JsonMapper.builder().build();
    private volatile RepairSolvers solvers;
    private ScheduledExecutorService timer;

    PlanningNode(JdbcClient jdbc, @Value("${dicas.planning.heartbeat:PT1S}") Duration heartbeat,
                 @Value("${dicas.planning.lease:PT5S}") Duration lease,
                 @Value("${dicas.planning.engines:COMBINED}") RepairSolvers.Engines engines) {
        if (lease.compareTo(heartbeat.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("dicas.planning.lease must be at least two heartbeats");
        }
        this.jdbc = jdbc;
        this.heartbeat = heartbeat;
        this.lease = lease;
        this.engines = engines;
    }

    /** This node's id, drawn at each start (host, process, random): a restarted node is a new owner. */
    public String id() {
        return id;
    }

    private static String newId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "node";
        }
        return host + "-" + ProcessHandle.current().pid() + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0x1000000));
    }

    /** The runs queued or solving on this node. */
    Set<Long> solving() {
        return solvers.active();
    }

    /** The interval ({@code lease}) a run's row is held for, as PostgreSQL reads it. */
    String leaseInterval() {
        return lease.toMillis() + " milliseconds";
    }

    /** Starts solving a run whose row this node has just written (owner, lease); it may wait in the queue. */
    void solve(long run, ScheduleProblem problem, int seconds) {
        solvers.submit(run, problem, Duration.ofSeconds(seconds), new RepairSolvers.Listener() {
            @Override
            public void started() {
                jdbc.sql("update repair_plan set status = 'RUNNING', updated_at = now() "
                                + "where id = :id and owner_node = :me and status = 'QUEUED'")
                        .param("id", run).param("me", id).update();
            }

            @Override
            public void improved(Schedule best) {
                try {
                    save(run, best, false);
                } catch (RuntimeException e) {
                    log.warn("Plan {}: a better schedule was not saved (the next one will be): {}", run, e.toString());
                }
            }

            @Override
            public void finished(Schedule best, boolean terminatedEarly) {
                save(run, best, true);
            }

            @Override
            public void failed(Throwable error) {
                log.warn("Plan {} failed", run, error);
                jdbc.sql("update repair_plan set status = 'FAILED', message_key = :k, message = :m, finished_at = now(), "
                                + "updated_at = now() where id = :id and owner_node = :me and status in " + UNFINISHED)
                        .param("k", SOLVER_FAILED).param("m", String.valueOf(error.getMessage())).param("id", run)
                        .param("me", id).update();
            }
        });
    }

    /** Saves a better schedule; at the end, the run is STOPPED if a stop was requested, else DONE. */
    private void save(long run, Schedule s, boolean end) {
        jdbc.sql("""
                        update repair_plan set result = :r, score = :score, updated_at = now(),
                               status = case when not :end then status
                                             when stop_requested_at is null then 'DONE' else 'STOPPED' end,
                               finished_at = case when :end then now() else finished_at end
                        where id = :id and owner_node = :me and status in""" + " " + UNFINISHED)
                .param("r", json.writeValueAsString(s)).param("score", json.writeValueAsString(s.score()))
                .param("end", end).param("id", run).param("me", id).update();
    }

    /**
     * One heartbeat: renews the lease of the runs solving here, ends early those a stop was requested for, drops
     * those that are no longer this node's (their lease expired and a sweep failed them), then sweeps.
     */
    void beat() {
        Set<Long> here = solvers.active();
        if (!here.isEmpty()) {
            record Lease(long id, boolean stopRequested) {
            }
            List<Lease> renewed = jdbc.sql("update repair_plan set lease_until = now() + cast(:lease as interval) "
                            + "where owner_node = :me and id in (:ids) and status in " + UNFINISHED
                            + " returning id, stop_requested_at is not null as stop_requested")
                    .param("lease", leaseInterval()).param("me", id).param("ids", here).query(Lease.class).list();
            Set<Long> ours = new HashSet<>();
            for (Lease l : renewed) {
                ours.add(l.id());
                if (l.stopRequested()) {
                    solvers.terminateEarly(l.id());
                }
            }
            for (Long run : here) {
                if (!ours.contains(run) && solvers.abandon(run)) {
                    log.warn("Plan {} is no longer solved here: its lease expired or it ended elsewhere", run);
                }
            }
        }
        sweep();
    }

    /** Fails every unfinished run whose owner stopped renewing its lease; idempotent, safe on every node at once. */
    int sweep() {
        int failed = jdbc.sql("update repair_plan set status = 'FAILED', message_key = :k, message = '', "
                        + "finished_at = now(), updated_at = now() where status in " + UNFINISHED
                        + " and (lease_until is null or lease_until < now())")
                .param("k", NODE_STOPPED).update();
        if (failed > 0) {
            log.warn("{} planning run(s) failed: their node stopped while solving", failed);
        }
        return failed;
    }

    private void safeBeat() {
        try {
            beat();
        } catch (RuntimeException e) {
            log.warn("Planning heartbeat: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        solvers = new RepairSolvers(1, engines, RepairSolvers.DEFAULT_EXACT_WORKERS);
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "repair-planning-heartbeat");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::safeBeat, 0, heartbeat.toMillis(), TimeUnit.MILLISECONDS);
        log.info("Planning node {}: lease {} renewed every {}", id, lease, heartbeat);
    }

    /** Leaving cleanly: the runs solving here end now, FAILED (their node stopped), keeping their best schedule. */
    @Override
    public synchronized void stop() {
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        try {
            timer.awaitTermination(heartbeat.toMillis() + 5000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timer = null;
        solvers.close();
        try {
            jdbc.sql("update repair_plan set status = 'FAILED', message_key = :k, message = '', finished_at = now(), "
                            + "updated_at = now() where owner_node = :me and status in " + UNFINISHED)
                    .param("k", NODE_STOPPED).param("me", id).update();
        } catch (RuntimeException e) {
            log.warn("Planning runs of this node are left to the other nodes' sweep: {}", e.toString());
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }

    /** Started before the web server takes requests, stopped after it has drained them. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
