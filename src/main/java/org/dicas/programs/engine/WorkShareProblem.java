package org.dicas.programs.engine;

import java.math.BigDecimal;
import java.util.List;

/**
 * A work-share balancing problem: every package goes to exactly one of its options; an option is allowed only when
 * the release of each of the package's controls lists the option's nation; a performer's assigned cost stays within
 * its capacity; each nation's share of the total assigned cost lies within {@code share ± tolerance} percentage
 * points. Money and percentages are exact decimals (at most two places, checked by {@link WorkShareBalancer#validate}).
 */
public record WorkShareProblem(List<Nation> nations, BigDecimal tolerance, List<WorkPackage> packages,
                               List<Release> releases, List<Capacity> capacities) {

    public WorkShareProblem {
        nations = List.copyOf(nations);
        packages = List.copyOf(packages);
        releases = List.copyOf(releases);
        capacities = List.copyOf(capacities);
    }

    /** A nation and its target share of the work, in percent. */
    public record Nation(String code, BigDecimal share) {
    }

    /** A work package; {@code controls} are export-control references (e.g. ITAR-USML-IV). */
    public record WorkPackage(String id, String title, List<String> controls, List<Option> options) {
        public WorkPackage {
            title = title == null ? "" : title;
            controls = List.copyOf(controls);
            options = List.copyOf(options);
        }
    }

    /** A firm of a nation able to perform a package, at a cost. */
    public record Option(String performer, String nation, BigDecimal cost) {
    }

    /** The nations a control releases to. */
    public record Release(String control, List<String> nations) {
        public Release {
            nations = List.copyOf(nations);
        }
    }

    /** The most work (cost) a performer can take on. */
    public record Capacity(String performer, BigDecimal maxCost) {
    }

    /** The same problem with another tolerance (what-if "wider tolerance"). */
    public WorkShareProblem withTolerance(BigDecimal newTolerance) {
        return new WorkShareProblem(nations, newTolerance, packages, releases, capacities);
    }

    /** The same problem where {@code control} is also released to {@code nation} (what-if "a new release"). */
    public WorkShareProblem withRelease(String control, String nation) {
        List<Release> changed = new java.util.ArrayList<>();
        boolean found = false;
        for (Release r : releases) {
            if (r.control().equals(control)) {
                found = true;
                List<String> ns = new java.util.ArrayList<>(r.nations());
                if (!ns.contains(nation)) {
                    ns.add(nation);
                }
                changed.add(new Release(control, ns));
            } else {
                changed.add(r);
            }
        }
        if (!found) {
            changed.add(new Release(control, List.of(nation)));
        }
        return new WorkShareProblem(nations, tolerance, packages, changed, capacities);
    }
}
