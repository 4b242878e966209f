package org.dicas.sustainment;

import java.time.LocalDate;
import java.util.List;
import org.dicas.shared.Marking;

/**
 * A repair facility (yard, depot) as its reader sees it. Codes of facilities and resources are globally unique.
 * {@code owningCompanyId} is set for PROPIN capacity data.
 */
public record RepairFacility(long id, Marking marking, String code, String name, @org.dicas.shared.Labelled("nation") String nation,
                             List<String> certifications, List<Resource> resources, List<ClosedPeriod> closedPeriods,
                             Double lat, Double lon, Long owningCompanyId, long version) implements org.dicas.shared.Versioned {

    /** A dry dock, pier or hangar; {@code maxLengthM} null means no length limit. */
    public record Resource(String code, @org.dicas.shared.Labelled("sus.kind") String kind, Double maxLengthM) {
    }

    /** Days the facility takes no work, both ends included. */
    public record ClosedPeriod(LocalDate start, LocalDate end) {
    }

    public RepairFacility {
        certifications = List.copyOf(certifications);
        resources = List.copyOf(resources);
        closedPeriods = List.copyOf(closedPeriods);
    }
}
