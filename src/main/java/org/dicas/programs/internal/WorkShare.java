package org.dicas.programs.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.dicas.shared.Marking;
import org.dicas.shared.Versioned;

/**
 * A program's work share as one reader sees it: the targets (the partners' cost shares; {@code workShareTargets}
 * are the program's own work-share targets when every partner has one and they sum to 100, else empty), the tolerance of the share
 * rule and the releases (control → nations) — part of the program, versioned with it — and the work packages the
 * reader may read ({@code withheldPackages} counts the others). {@code marking} is the high-water mark of what is
 * shown.
 */
public record WorkShare(long id, Marking programMarking, BigDecimal tolerance, List<Target> targets,
                        List<Target> workShareTargets, List<Release> releases, List<WorkPackage> packages, int withheldPackages, long version)
        implements Versioned {

    public WorkShare {
        targets = List.copyOf(targets);
        workShareTargets = List.copyOf(workShareTargets);
        releases = List.copyOf(releases);
        packages = List.copyOf(packages);
    }

    /** A partner nation and its target share of the work, in percent (its cost share). */
    public record Target(@org.dicas.shared.Labelled("nation") String nation, BigDecimal share) {
    }

    /** The nations an export control is released to. */
    public record Release(String control, List<String> nations) {
        public Release {
            nations = List.copyOf(nations);
        }
    }

    /** Whether the reader may read every package and every option's cost: only then are aggregates shown. */
    public boolean everyCostShown() {
        return withheldPackages == 0 && packages.stream().allMatch(WorkPackage::everyCostShown);
    }

    /** The export controls of the packages shown, in order, each once. */
    public List<String> controls() {
        return packages.stream().flatMap(p -> p.controls().stream()).distinct().sorted().toList();
    }

    /** The (control, nation) pairs a release could add: a control of a package, a partner it is not released to. */
    public List<Release> possibleReleases() {
        List<Release> out = new ArrayList<>();
        for (String c : controls()) {
            List<String> released = releases.stream().filter(r -> r.control().equals(c)).findFirst()
                    .map(Release::nations).orElse(List.of());
            for (Target t : targets) {
                if (!released.contains(t.nation())) {
                    out.add(new Release(c, List.of(t.nation())));
                }
            }
        }
        return out;
    }

    @com.fasterxml.jackson.annotation.JsonProperty("marking")
    public Marking marking() {
        List<Marking> all = new ArrayList<>();
        all.add(programMarking);
        packages.forEach(p -> all.add(p.shownMarking()));
        return Marking.highWaterMark(all);
    }
}
