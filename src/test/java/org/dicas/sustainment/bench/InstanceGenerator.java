package org.dicas.sustainment.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.dicas.sustainment.engine.ResourceKind;
import org.dicas.sustainment.engine.ScheduleProblem;

/** Seeded random repair-scheduling instances (same seed, same instance). */
public final class InstanceGenerator {

    static final String[] NATIONS = {"USA", "JPN", "AUS", "KOR", "GBR"};
    static final String[] CERTS = {"MSRA", "ABS", "NAVAIR"};

    private InstanceGenerator() {
    }

    public static ScheduleProblem generate(long seed, int jobs, int facilities, int horizonDays) {
        Random rnd = new Random(seed);
        LocalDate h0 = LocalDate.of(2027, 1, 1);
        List<ScheduleProblem.Facility> fs = new ArrayList<>();
        List<ResourceKind> kinds = List.of(ResourceKind.values());
        for (int f = 0; f < facilities; f++) {
            String id = "F" + (f + 1);
            List<String> certs = new ArrayList<>();
            for (String c : CERTS) {
                if (rnd.nextDouble() < 0.6) {
                    certs.add(c);
                }
            }
            List<ScheduleProblem.Resource> rs = new ArrayList<>();
            int n = 1 + rnd.nextInt(4);
            for (int r = 0; r < n; r++) {
                ResourceKind k = kinds.get(rnd.nextInt(kinds.size()));
                Double max = k == ResourceKind.HANGAR && rnd.nextBoolean() ? null : 120.0 + rnd.nextInt(230);
                rs.add(new ScheduleProblem.Resource(id + "-" + k.name().charAt(0) + (r + 1), k.name(), max));
            }
            List<ScheduleProblem.Period> closed = new ArrayList<>();
            int nc = rnd.nextInt(3);
            for (int c = 0; c < nc; c++) {
                LocalDate s = h0.plusDays(rnd.nextInt(horizonDays));
                closed.add(new ScheduleProblem.Period(s, s.plusDays(2 + rnd.nextInt(12))));
            }
            fs.add(new ScheduleProblem.Facility(id, NATIONS[rnd.nextInt(NATIONS.length)], certs, rs, closed,
                    new ScheduleProblem.Location(-40 + rnd.nextDouble() * 80, 100 + rnd.nextDouble() * 80)));
        }
        List<ScheduleProblem.Job> js = new ArrayList<>();
        int maxDuration = Math.max(3, Math.min(90, horizonDays / 3));
        for (int j = 0; j < jobs; j++) {
            List<String> jk = new ArrayList<>();
            jk.add(kinds.get(rnd.nextInt(kinds.size())).name());
            if (rnd.nextDouble() < 0.3) {
                String other = kinds.get(rnd.nextInt(kinds.size())).name();
                if (!jk.contains(other)) {
                    jk.add(other);
                }
            }
            int duration = 3 + rnd.nextInt(maxDuration - 2);
            LocalDate earliest = h0.plusDays(rnd.nextInt(Math.max(1, horizonDays - duration / 2)));
            LocalDate due = earliest.plusDays(duration + rnd.nextInt(60));
            List<String> requires = rnd.nextDouble() < 0.4 ? List.of(CERTS[rnd.nextInt(CERTS.length)]) : List.of();
            js.add(new ScheduleProblem.Job("J" + (j + 1), "A" + (j + 1), NATIONS[rnd.nextInt(NATIONS.length)], jk,
                    rnd.nextDouble() < 0.2 ? null : 60.0 + rnd.nextInt(220), duration, earliest, due,
                    1 + rnd.nextInt(5), requires, rnd.nextDouble() < 0.8,
                    new ScheduleProblem.Location(-40 + rnd.nextDouble() * 80, 100 + rnd.nextDouble() * 80)));
        }
        return new ScheduleProblem(new ScheduleProblem.Horizon(h0, h0.plusDays(horizonDays - 1)), fs, js, List.of());
    }
}
