package org.dicas.sustainment.planning;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dicas.security.DicasUser;
import org.dicas.shared.Sentence;
import org.dicas.shared.Sentences;
import org.dicas.sustainment.RepairFacilities;
import org.dicas.sustainment.RepairFacility;
import org.dicas.sustainment.engine.ScheduleProblem;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/** Data for the Gantt view and the demand-vs-capacity chart of a plan, limited to what the reader may see. */
@Service
public class PlanCharts {

    /** One assignment; {@code lateText} says how late in the reader's language (empty when on time). */
    public record Bar(String resource, String facility, String job, String asset, String start, String finish,
                      int daysLate, String lateText, boolean pinned) {
    }

    public record Gantt(List<String> resources, List<Bar> bars, String horizonStart, String horizonEnd) {
    }

    /** A month of the horizon: {@code month} as yyyy-MM, {@code label} in the reader's language (2025年6月 / Jun 2025). */
    public record Month(String month, String label, long demandDays, long capacityDays) {
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
        Locale locale = LocaleContextHolder.getLocale();
        List<Bar> bars = v.assignments().stream().map(a -> new Bar(a.facility() + " / " + a.resource(), a.facility(),
                a.job(), a.asset(), a.start().toString(), a.finish().plusDays(1).toString(), a.daysLate(),
                a.daysLate() > 0 ? Sentences.render(Sentence.of("plan.daysLateShort", a.daysLate()), locale) : "",
                a.pinned())).toList();
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
        Locale locale = LocaleContextHolder.getLocale();
        return months.entrySet().stream().map(e -> new Month(e.getKey().toString(), monthLabel(e.getKey(), locale),
                e.getValue()[0], e.getValue()[1])).toList();
    }

    /** A month as people write it: 2025年6月 in Japanese, Jun 2025 in English ({@code plan.monthLabel}). */
    static String monthLabel(YearMonth month, Locale locale) {
        Date first = Date.from(month.atDay(1).atStartOfDay(ZoneId.systemDefault()).toInstant());
        return Sentences.render(Sentence.of("plan.monthLabel", first), locale);
    }
}
