package org.dicas.sustainment.planning;

import org.dicas.shared.ListColumns;
import org.dicas.shared.TableView;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dicas.security.AuditLog;
import org.dicas.security.DicasUser;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.Marking;
import org.dicas.shared.NotFoundException;
import org.dicas.shared.Sentence;
import org.dicas.shared.Sentences;
import org.dicas.sustainment.RepairFacilities;
import org.dicas.sustainment.RepairFacility;
import org.dicas.sustainment.RepairJob;
import org.dicas.sustainment.RepairJobs;
import org.dicas.sustainment.SustainmentWriteRules;
import org.dicas.sustainment.engine.RepairScheduler;
import org.dicas.sustainment.engine.Schedule;
import org.dicas.sustainment.engine.ScheduleException;
import org.dicas.sustainment.engine.ScheduleProblem;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import org.dicas.shared.Page;
import org.dicas.shared.Paging;

/**
 * Planning runs: the whole problem (every facility and job, with pins) is stored with the run, solved in the
 * background by the node that started it ({@link PlanningNode}), its best schedule saved as it improves. A run can be
 * stopped through any node: the request is written to the run, and its node ends it within a heartbeat. A run whose
 * node stopped while solving ends FAILED with that reason. Readers see each run filtered to what they may read; who
 * starts and stops runs is {@link SustainmentWriteRules}.
 */
@Service
public class PlanningRuns {

    public static final int MAX_SECONDS = 600;

    private final JdbcClient jdbc;
    private final RepairFacilities facilities;
    private final RepairJobs jobs;
    private final AuditLog audit;
    private final PlanningNode node;
    private final JsonMapper json = JsonMapper.builder().build();

    PlanningRuns(JdbcClient jdbc, RepairFacilities facilities, RepairJobs jobs, AuditLog audit, PlanningNode node) {
        this.jdbc = jdbc;
        this.facilities = facilities;
        this.jobs = jobs;
        this.audit = audit;
        this.node = node;
    }

    /** The problem as the engine reads it: every facility and job, and the pins set on jobs. */
    ScheduleProblem problem(LocalDate start, LocalDate end) {
        List<ScheduleProblem.Facility> fs = new ArrayList<>();
        for (RepairFacility f : facilities.allForPlanning()) {
            fs.add(new ScheduleProblem.Facility(f.code(), f.nation(), f.certifications(),
                    f.resources().stream().map(r -> new ScheduleProblem.Resource(r.code(), r.kind(), r.maxLengthM())).toList(),
                    f.closedPeriods().stream().map(c -> new ScheduleProblem.Period(c.start(), c.end())).toList(),
                    f.lat() == null || f.lon() == null ? null : new ScheduleProblem.Location(f.lat(), f.lon())));
        }
        List<ScheduleProblem.Job> js = new ArrayList<>();
        List<ScheduleProblem.Pin> pins = new ArrayList<>();
        for (RepairJob j : jobs.allForPlanning()) {
            js.add(new ScheduleProblem.Job(j.code(), j.asset(), j.flagNation(), j.resourceKinds(), j.lengthM(),
                    j.durationDays(), j.earliestStart(), j.dueDate(), j.priority(), j.requires(),
                    j.foreignRepairAllowed(),
                    j.homeLat() == null || j.homeLon() == null ? null : new ScheduleProblem.Location(j.homeLat(), j.homeLon())));
            if (j.pinnedResource() != null && j.pinnedStart() != null) {
                pins.add(new ScheduleProblem.Pin(j.code(), j.pinnedResource(), j.pinnedStart()));
            }
        }
        return new ScheduleProblem(new ScheduleProblem.Horizon(start, end), fs, js, pins);
    }

    public long start(DicasUser user, LocalDate horizonStart, LocalDate horizonEnd, int seconds) {
        SustainmentWriteRules.startPlanningRun(user).orThrow();
        if (horizonStart == null || horizonEnd == null) {
            throw InvalidInputException.of("horizonStart", "plan.error.horizonRequired");
        }
        if (horizonEnd.isBefore(horizonStart)) {
            throw InvalidInputException.of("horizonEnd", "plan.error.horizonOrder");
        }
        if (horizonEnd.isAfter(horizonStart.plusYears(3))) {
            throw InvalidInputException.of("horizonEnd", "plan.error.horizonTooLong", 3);
        }
        if (seconds < 1 || seconds > MAX_SECONDS) {
            throw InvalidInputException.of("seconds", "plan.error.seconds", 1, MAX_SECONDS);
        }
        ScheduleProblem problem = problem(horizonStart, horizonEnd);
        RepairScheduler scheduler = RepairScheduler.create();
        try {
            scheduler.validate(problem);
        } catch (ScheduleException e) {
            throw new InvalidInputException("problem", e.sentence());
        }
        Schedule greedy = scheduler.greedy(problem);
        long id = jdbc.sql("""
                        insert into repair_plan (created_by, status, seconds, horizon_start, horizon_end, problem, greedy,
                                                 result, score, owner_node, lease_until)
                        values (:u, 'QUEUED', :s, :hs, :he, :p, :g, :g, :score, :node, now() + cast(:lease as interval))
                        returning id""")
                .param("u", user.id()).param("s", seconds).param("hs", horizonStart).param("he", horizonEnd)
                .param("node", node.id()).param("lease", node.leaseInterval())
                .param("p", json.writeValueAsString(problem)).param("g", json.writeValueAsString(greedy))
                .param("score", json.writeValueAsString(greedy.score())).query(Long.class).single();
        audit.append(user, "PLAN_STARTED", null, "REPAIR_PLAN", Sentence.of("audit.detail.planStarted", id,
                horizonStart, horizonEnd, seconds, problem.jobs().size(), problem.pinned().size()));
        node.solve(id, problem, seconds);
        return id;
    }

    /**
     * Asks a run to stop: its node, whichever it is, ends it within a heartbeat, keeping its best schedule (STOPPED).
     */
    public void stop(DicasUser user, long id) {
        view(user, id);
        SustainmentWriteRules.stopPlanningRun(user).orThrow();
        int requested = jdbc.sql("""
                        update repair_plan set status = 'STOPPING', stop_requested_at = coalesce(stop_requested_at, now()),
                                               updated_at = now()
                        where id = :id and status in ('QUEUED', 'RUNNING', 'STOPPING')""")
                .param("id", id).update();
        if (requested == 0) {
            throw InvalidInputException.of("status", "plan.error.notRunning", id);
        }
        audit.append(user, "PLAN_STOPPED", null, "REPAIR_PLAN", Sentence.of("audit.detail.plan", id));
    }

    /** Starts a new run with the same horizon and time, taking the jobs' current pins. */
    public long replan(DicasUser user, long id) {
        PlanView v = view(user, id);
        return start(user, v.horizonStart(), v.horizonEnd(), v.seconds());
    }

    private record Row(long id, String status, String createdBy, Timestamp createdAt, int seconds, LocalDate horizonStart,
                       LocalDate horizonEnd, String result, String greedy, String messageKey, String message) {
    }

    private static final String SELECT = """
            select p.id, p.status, u.display_name as created_by, p.created_at, p.seconds, p.horizon_start,
                   p.horizon_end, p.result, p.greedy, p.message_key, p.message
            from repair_plan p join app_user u on u.id = p.created_by""";

    /** A page of the planning runs, newest first (by id), each as the user may see it. */
    public Page<PlanView> list(DicasUser user, Paging paging) {
        return list(user, paging, TableView.NONE);
    }

    /**
     * What the runs list sorts and filters by: newest first unless asked otherwise; the filter looks in the name of
     * who started the run. Runs are not marked records (each shows only what its reader may read).
     */
    public static final ListColumns COLUMNS = ListColumns.orderedBy("started", "p.id", true, "p.id")
            .and("status", "p.status").and("horizon", "p.horizon_start").and("by", "lower(u.display_name)")
            .filterIn("u.display_name");

    /** A page of the planning runs, sorted and filtered as the view asks ({@link #COLUMNS}). */
    public Page<PlanView> list(DicasUser user, Paging paging, TableView view) {
        String where = SELECT + " where true" + COLUMNS.where(view);
        Map<String, Object> params = COLUMNS.parameters(view, Map.of());
        List<PlanView> shown = jdbc.sql(where + " order by " + COLUMNS.order(view) + " limit :size offset :offset")
                .params(params).param("size", paging.size()).param("offset", paging.offset()).query(Row.class).list()
                .stream().map(r -> view(user, r)).toList();
        long total = paging.totalWhenShown(shown.size());
        if (total < 0) {
            total = jdbc.sql("select count(*) from (" + where + ") as counted").params(params).query(Long.class)
                    .single();
        }
        return new Page<>(shown, paging, total);
    }

    public PlanView view(DicasUser user, long id) {
        return jdbc.sql(SELECT + " where p.id = :id").param("id", id).query(Row.class).optional()
                .map(r -> view(user, r)).orElseThrow(() -> new NotFoundException("plan", id));
    }

    /** The raw result (every job), for the demand chart's capacity side; never shown as such. */
    Schedule schedule(long id) {
        String r = jdbc.sql("select coalesce(result, greedy) from repair_plan where id = :id").param("id", id)
                .query(String.class).single();
        return json.readValue(r, Schedule.class);
    }

    ScheduleProblem storedProblem(long id) {
        return json.readValue(jdbc.sql("select problem from repair_plan where id = :id").param("id", id)
                .query(String.class).single(), ScheduleProblem.class);
    }

    /** The run as the user may see it, its sentences in the request's language. */
    private PlanView view(DicasUser user, Row r) {
        Locale locale = LocaleContextHolder.getLocale();
        Schedule s = json.readValue(r.result() != null ? r.result() : r.greedy(), Schedule.class);
        Schedule g = json.readValue(r.greedy(), Schedule.class);
        Map<String, RepairJob> visibleJobs = new HashMap<>();
        jobs.list(user).forEach(j -> visibleJobs.put(j.code(), j));
        Map<String, RepairFacility> visibleFacilities = new HashMap<>();
        facilities.list(user).forEach(f -> visibleFacilities.put(f.code(), f));
        List<Marking> shown = new ArrayList<>();
        List<PlanView.AssignmentView> assignments = new ArrayList<>();
        int withheld = 0;
        for (Schedule.Assignment a : s.assignments()) {
            RepairJob j = visibleJobs.get(a.job());
            RepairFacility f = visibleFacilities.get(a.facility());
            if (j == null || f == null) {
                withheld++;
                continue;
            }
            shown.add(j.marking());
            shown.add(f.marking());
            assignments.add(new PlanView.AssignmentView(j.id(), j.code(), j.asset(), j.priority(), f.code(), f.name(),
                    a.resource(), a.start(), a.finish(), a.daysLate(),
                    a.resource().equals(j.pinnedResource()) && a.start().equals(j.pinnedStart()), j.marking()));
        }
        List<PlanView.UnassignedView> unassigned = new ArrayList<>();
        int withheldUnassigned = 0;
        for (Schedule.Unassigned u : s.unassigned()) {
            RepairJob j = visibleJobs.get(u.job());
            if (j == null) {
                withheldUnassigned++;
                continue;
            }
            shown.add(j.marking());
            Sentence why = PlanReasons.of(u.reasonKey(), u.reasonArgs());
            unassigned.add(new PlanView.UnassignedView(j.id(), j.code(), j.asset(), j.priority(),
                    why == null ? u.reason() : Sentences.render(why, locale), u.reasonKey(), u.reasonArgs().toArray(),
                    j.marking()));
        }
        String explanation = r.messageKey() == null || r.messageKey().isEmpty() ? ""
                : Sentences.render(Sentence.of(r.messageKey()), locale);
        return new PlanView(r.id(), r.status(), Sentences.render(Sentence.label("plan.status", r.status()), locale),
                r.createdBy(), r.createdAt().toInstant(), r.seconds(), r.horizonStart(),
                r.horizonEnd(), score(s.score()), score(g.score()), s.status() == Schedule.Status.OPTIMAL,
                s.bound() == null ? null : score(s.bound()), r.messageKey(), explanation, r.message(), assignments, withheld, unassigned,
                withheldUnassigned, Marking.highWaterMark(shown));
    }

    private static PlanView.Score score(Schedule.Score s) {
        return new PlanView.Score(s.unassignedPriority(), s.weightedTardinessDays(), s.transitKm());
    }
}
