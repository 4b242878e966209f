package org.dicas.sustainment.engine;

import org.dicas.shared.Sentence;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A validated problem in day indexes (0 = the horizon's first day) with the eligibility pre-computed: for every job
 * the resources it may use and, when there is none, the rule that excluded the last candidates.
 */
final class Compiled {

    static final double EARTH_RADIUS_KM = 6371.0;

    final ScheduleProblem problem;
    final LocalDate horizonStart;
    final int days;
    final List<Res> resources = new ArrayList<>();
    final Map<String, Res> resourceById = new HashMap<>();
    final Map<String, ScheduleProblem.Resource> resourceSpec = new HashMap<>();
    final Map<String, ScheduleProblem.Facility> facilityById = new HashMap<>();
    final List<JobInfo> jobs = new ArrayList<>();
    final Map<String, JobInfo> jobById = new HashMap<>();
    /** Job id → pin, validated. */
    final Map<String, ScheduleProblem.Pin> pins = new LinkedHashMap<>();

    static final class JobInfo {
        final int index;
        final ScheduleProblem.Job job;
        final int earliest;
        final int latestStart;
        final int due;
        final List<Res> eligible = new ArrayList<>();
        final long[] km;
        /** Why the job cannot be placed at all (the rule that left no eligible slot), or null. */
        UnassignedReason exclusion;

        JobInfo(int index, ScheduleProblem.Job job, int earliest, int latestStart, int due, int resourceCount) {
            this.index = index;
            this.job = job;
            this.earliest = earliest;
            this.latestStart = latestStart;
            this.due = due;
            this.km = new long[resourceCount];
        }

        String id() {
            return job.id();
        }

        boolean placeable() {
            return exclusion == null;
        }
    }

    private Compiled(ScheduleProblem problem) {
        this.problem = problem;
        ScheduleProblem.Horizon h = problem.horizon();
        if (h == null || h.start() == null || h.end() == null) {
            throw ScheduleException.of("schedule.error.horizonRequired");
        }
        if (h.end().isBefore(h.start())) {
            throw ScheduleException.of("schedule.error.horizonOrder", h.end(), h.start());
        }
        this.horizonStart = h.start();
        long d = ChronoUnit.DAYS.between(h.start(), h.end()) + 1;
        if (d > 100_000) {
            throw ScheduleException.of("schedule.error.horizonTooLong", 100_000);
        }
        this.days = (int) d;
    }

    int day(LocalDate date) {
        long d = ChronoUnit.DAYS.between(horizonStart, date);
        return (int) Math.max(Integer.MIN_VALUE / 4, Math.min(Integer.MAX_VALUE / 4, d));
    }

    LocalDate date(int day) {
        return horizonStart.plusDays(day);
    }

    /** Validates and compiles; throws {@link ScheduleException} naming the record. */
    static Compiled of(ScheduleProblem problem) {
        if (problem == null) {
            throw ScheduleException.of("schedule.error.problemMissing");
        }
        Compiled c = new Compiled(problem);
        c.compileFacilities();
        c.compileJobs();
        c.compilePins();
        return c;
    }

    private void compileFacilities() {
        Set<String> facilityIds = new HashSet<>();
        for (int i = 0; i < problem.facilities().size(); i++) {
            ScheduleProblem.Facility f = problem.facilities().get(i);
            if (f == null) {
                throw ScheduleException.of("schedule.error.nullEntry", "facilities[" + i + "]");
            }
            Sentence name = f.id() == null ? Sentence.of("schedule.where.facilityNumber", i + 1)
                    : Sentence.of("schedule.where.facility", f.id());
            if (f.id() == null || f.id().isBlank()) {
                throw ScheduleException.of("schedule.error.idRequired", name);
            }
            if (!facilityIds.add(f.id())) {
                throw ScheduleException.of("schedule.error.duplicateFacility", name);
            }
            facilityById.put(f.id(), f);
            checkLocation(name, f.location());
            int[] closed = new int[days + 1];
            boolean[] isClosed = new boolean[days];
            List<ScheduleProblem.Period> periods = f.closed() == null ? List.of() : f.closed();
            for (int k = 0; k < periods.size(); k++) {
                ScheduleProblem.Period p = periods.get(k);
                if (p == null || p.start() == null || p.end() == null) {
                    throw ScheduleException.of("schedule.error.closedPeriodDates", name, k + 1);
                }
                if (p.end().isBefore(p.start())) {
                    throw ScheduleException.of("schedule.error.closedPeriodOrder", name, p.start(), p.end());
                }
                int s = Math.max(0, day(p.start()));
                int e = Math.min(days - 1, day(p.end()));
                for (int x = s; x <= e; x++) {
                    isClosed[x] = true;
                }
            }
            for (int x = 0; x < days; x++) {
                closed[x + 1] = closed[x] + (isClosed[x] ? 1 : 0);
            }
            List<ScheduleProblem.Resource> rs = f.resources() == null ? List.of() : f.resources();
            for (int k = 0; k < rs.size(); k++) {
                ScheduleProblem.Resource r = rs.get(k);
                if (r == null || r.id() == null || r.id().isBlank()) {
                    throw ScheduleException.of("schedule.error.resourceWithoutId", name, k + 1);
                }
                Sentence rname = Sentence.of("schedule.where.resource", r.id(), name);
                if (resourceById.containsKey(r.id())) {
                    throw ScheduleException.of("schedule.error.duplicateResource", rname);
                }
                if (r.kind() == null || !ResourceKind.isKnown(r.kind())) {
                    throw ScheduleException.of("schedule.error.unknownKind", rname, String.valueOf(r.kind()),
                            ResourceKind.names().toString());
                }
                if (r.maxLengthM() != null && !(r.maxLengthM() > 0) || r.maxLengthM() != null
                        && r.maxLengthM().isInfinite()) {
                    throw ScheduleException.of("schedule.error.maxLength", rname);
                }
                Res res = new Res(resources.size(), r.id(), f.id(), r.kind(), closed);
                resources.add(res);
                resourceById.put(r.id(), res);
                resourceSpec.put(r.id(), r);
            }
        }
    }

    private static void checkLocation(Sentence name, ScheduleProblem.Location l) {
        if (l != null && (!(Math.abs(l.lat()) <= 90) || !(Math.abs(l.lon()) <= 180))) {
            throw ScheduleException.of("schedule.error.location", name);
        }
    }

    private void compileJobs() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < problem.jobs().size(); i++) {
            ScheduleProblem.Job j = problem.jobs().get(i);
            if (j == null) {
                throw ScheduleException.of("schedule.error.nullEntry", "jobs[" + i + "]");
            }
            Sentence name = j.id() == null ? Sentence.of("schedule.where.jobNumber", i + 1)
                    : Sentence.of("schedule.where.job", j.id());
            if (j.id() == null || j.id().isBlank()) {
                throw ScheduleException.of("schedule.error.idRequired", name);
            }
            if (!ids.add(j.id())) {
                throw ScheduleException.of("schedule.error.duplicateJob", name);
            }
            if (j.durationDays() <= 0) {
                throw ScheduleException.of("schedule.error.duration", name, j.durationDays());
            }
            if (j.priority() < 0) {
                throw ScheduleException.of("schedule.error.priority", name, j.priority());
            }
            if (j.resourceKinds() == null || j.resourceKinds().isEmpty()) {
                throw ScheduleException.of("schedule.error.kindsRequired", name, ResourceKind.names().toString());
            }
            for (String k : j.resourceKinds()) {
                if (k == null || !ResourceKind.isKnown(k)) {
                    throw ScheduleException.of("schedule.error.unknownJobKind", name, String.valueOf(k),
                            ResourceKind.names().toString());
                }
            }
            if (j.lengthM() != null && (!(j.lengthM() > 0) || j.lengthM().isInfinite())) {
                throw ScheduleException.of("schedule.error.length", name);
            }
            if (j.requires() != null && j.requires().stream().anyMatch(java.util.Objects::isNull)) {
                throw ScheduleException.of("schedule.error.requiresNull", name);
            }
            checkLocation(name, j.homePort());
            int earliest = j.earliestStart() == null ? 0 : Math.max(0, day(j.earliestStart()));
            int latestStart = days - j.durationDays();
            int due = j.dueDate() == null ? Integer.MAX_VALUE / 4 : day(j.dueDate());
            JobInfo info = new JobInfo(i, j, earliest, latestStart, due, resources.size());
            eligibility(info);
            jobs.add(info);
            jobById.put(j.id(), info);
        }
    }

    /** Successive filters in the order of the rules; the first one that empties the candidates names the reason. */
    private void eligibility(JobInfo info) {
        ScheduleProblem.Job j = info.job;
        List<Res> c = new ArrayList<>();
        for (Res r : resources) {
            if (j.resourceKinds().contains(r.kind)) {
                c.add(r);
            }
        }
        String kinds = String.join("/", j.resourceKinds());
        if (c.isEmpty()) {
            info.exclusion = UnassignedReason.of(UnassignedReason.KIND, kinds);
            return;
        }
        if (j.lengthM() != null) {
            c.removeIf(r -> {
                Double max = resourceSpec.get(r.id).maxLengthM();
                return max != null && j.lengthM() > max;
            });
            if (c.isEmpty()) {
                info.exclusion = UnassignedReason.of(UnassignedReason.LENGTH, kinds, metres(j.lengthM()));
                return;
            }
        }
        List<String> req = j.requires() == null ? List.of() : j.requires();
        if (!req.isEmpty()) {
            c.removeIf(r -> {
                List<String> certs = facilityById.get(r.facility).certifications();
                return certs == null || !certs.containsAll(req);
            });
            if (c.isEmpty()) {
                info.exclusion = UnassignedReason.of(UnassignedReason.CERTIFICATION, req.toString());
                return;
            }
        }
        if (!j.foreignRepairAllowed() && j.flagNation() != null) {
            c.removeIf(r -> {
                String nation = facilityById.get(r.facility).nation();
                return nation != null && !nation.equals(j.flagNation());
            });
            if (c.isEmpty()) {
                info.exclusion = UnassignedReason.of(UnassignedReason.FOREIGN_REPAIR, j.flagNation());
                return;
            }
        }
        info.eligible.addAll(c);
        for (Res r : resources) {
            info.km[r.index] = Math.round(km(j.homePort(), facilityById.get(r.facility).location()));
        }
        if (info.earliest > info.latestStart) {
            info.exclusion = UnassignedReason.of(UnassignedReason.HORIZON);
        } else if (c.stream().noneMatch(r -> openSlot(r, info.earliest, info.latestStart, j.durationDays()))) {
            info.exclusion = UnassignedReason.of(UnassignedReason.CLOSED, ids(c),
                    Integer.toString(j.durationDays()));
        }
    }

    /** Whether some start in [from, to] keeps all {@code dur} days of the job out of the resource's closed periods. */
    static boolean openSlot(Res r, int from, int to, int dur) {
        for (int s = from; s <= to; s++) {
            if (r.closedDays(s, s + dur) == 0) {
                return true;
            }
        }
        return false;
    }

    static String ids(List<Res> resources) {
        return String.join(", ", resources.stream().map(r -> r.id).toList());
    }

    static String metres(double m) {
        return m == Math.rint(m) && Math.abs(m) < 1e15 ? Long.toString((long) m) : String.format(Locale.ROOT, "%s", m);
    }

    /** Haversine great-circle distance; 0 when a location is missing. */
    static double km(ScheduleProblem.Location a, ScheduleProblem.Location b) {
        if (a == null || b == null) {
            return 0;
        }
        double p1 = Math.toRadians(a.lat());
        double p2 = Math.toRadians(b.lat());
        double dp = p2 - p1;
        double dl = Math.toRadians(b.lon() - a.lon());
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    private void compilePins() {
        boolean[][] used = new boolean[resources.size()][];
        for (int i = 0; i < problem.pinned().size(); i++) {
            ScheduleProblem.Pin p = problem.pinned().get(i);
            if (p == null || p.job() == null) {
                throw ScheduleException.of("schedule.error.pinWithoutJob", "pinned[" + i + "]");
            }
            Sentence name = Sentence.of("schedule.where.pin", p.job());
            JobInfo info = jobById.get(p.job());
            if (info == null) {
                throw ScheduleException.of("schedule.error.pinUnknownJob", name);
            }
            if (pins.containsKey(p.job())) {
                throw ScheduleException.of("schedule.error.pinnedTwice", name);
            }
            if (p.resource() == null || p.start() == null) {
                throw ScheduleException.of("schedule.error.pinIncomplete", name);
            }
            Res r = resourceById.get(p.resource());
            if (r == null) {
                throw ScheduleException.of("schedule.error.pinUnknownResource", name, p.resource());
            }
            if (!info.eligible.contains(r)) {
                throw ScheduleException.of("schedule.error.pinNotEligible", name, r.id,
                        info.eligible.isEmpty() && info.exclusion != null ? info.exclusion.sentence()
                        : Sentence.of("schedule.error.pinNotEligible.rules"));
            }
            int s = day(p.start());
            int dur = info.job.durationDays();
            if (s < info.earliest || s + dur > days) {
                throw ScheduleException.of("schedule.error.pinOutsideWindow", name, p.start());
            }
            if (r.closedDays(s, s + dur) > 0) {
                throw ScheduleException.of("schedule.error.pinClosed", name, r.facility);
            }
            if (used[r.index] == null) {
                used[r.index] = new boolean[days];
            }
            for (int d = s; d < s + dur; d++) {
                if (used[r.index][d]) {
                    throw ScheduleException.of("schedule.error.pinTaken", name, r.id, date(d));
                }
                used[r.index][d] = true;
            }
            pins.put(p.job(), p);
        }
    }

    Res pinResource(JobInfo info) {
        ScheduleProblem.Pin p = pins.get(info.id());
        return p == null ? null : resourceById.get(Objects.requireNonNull(p.resource()));
    }
}
