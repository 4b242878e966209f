package org.dicas.sustainment.planning;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dicas.security.DicasUser;
import org.dicas.sustainment.RepairFacilities;
import org.dicas.sustainment.RepairFacility;
import org.dicas.sustainment.engine.ScheduleProblem;
import org.springframework.stereotype.Service;

/** Data for the Gantt view and the demand-vs-capacity chart of a plan, limited to what the reader may see. */
@Service
public class PlanCharts {

    public record Bar(String resource, String facility, String job, String asset, String start, String finish,
                      int daysLate, boolean pinned) {
    }

    public record Gantt(List<String> resources, List<Bar> bars, String horizonStart, String horizonEnd) {
    }

    public record Month(String month, long demandDays, long capacityDays) {
    }

    private final PlanningRuns runs;
    private final RepairFacilities facilities;

    PlanCharts(PlanningRuns runs, RepairFacilities facilities) {
        this.runs = runs;
        this.facilities = facilities;
    }

    public Gantt gantt(DicasUser user, long planId) {
        PlanView v = runs.view(user, planId);
        List<String> resources = new ArrayList<>();
        for (RepairFacility f : facilities.list(user)) {
            f.resources().forEach(r -> resources.add(f.code() + " / " + r.code()));
        }
        List<Bar> bars = v.assignments().stream().map(a -> new Bar(a.facility() + " / " + a.resource(), a.facility(),
                a.job(), a.asset(), a.start().toString(), a.finish().plusDays(1).toString(), a.daysLate(), a.pinned()))
                .toList();
        return new Gantt(resources, bars, v.horizonStart().toString(), v.horizonEnd().plusDays(1).toString());
    }

    /** Per month of the horizon: days of work scheduled (visible jobs) against open resource-days (visible facilities). */
    public List<Month> demandAndCapacity(DicasUser user, long planId) {
        PlanView v = runs.view(user, planId);
        Map<YearMonth, long[]> months = new LinkedHashMap<>();
        for (YearMonth m = YearMonth.from(v.horizonStart()); !m.isAfter(YearMonth.from(v.horizonEnd())); m = m.plusMonths(1)) {
            months.put(m, new long[2]);
        }
        for (PlanView.AssignmentView a : v.assignments()) {
            for (LocalDate d = a.start(); !d.isAfter(a.finish()); d = d.plusDays(1)) {
                long[] x = months.get(YearMonth.from(d));
                if (x != null) {
                    x[0]++;
                }
            }
        }
        Set<String> visible = facilities.list(user).stream().map(RepairFacility::code).collect(Collectors.toSet());
        ScheduleProblem problem = runs.storedProblem(planId);
        for (ScheduleProblem.Facility f : problem.facilities()) {
            if (!visible.contains(f.id())) {
                continue;
            }
            for (LocalDate d = v.horizonStart(); !d.isAfter(v.horizonEnd()); d = d.plusDays(1)) {
                LocalDate day = d;
                boolean closed = f.closed().stream().anyMatch(c -> !day.isBefore(c.start()) && !day.isAfter(c.end()));
                if (!closed) {
                    months.get(YearMonth.from(d))[1] += f.resources().size();
                }
            }
        }
        return months.entrySet().stream().map(e -> new Month(e.getKey().toString(), e.getValue()[0], e.getValue()[1]))
                .toList();
    }
}
