package org.dicas.sustainment;

import java.util.List;

/**
 * A new or changed facility. {@code owningCompanyId} (a COMPANY organization) is needed for a PROPIN marking written
 * by a government user; an industry author's own company is used otherwise. Checked by {@link RepairFacilities}.
 */
public record RepairFacilityCommand(String code, String name, String nation, List<String> certifications,
                                    List<RepairFacility.Resource> resources,
                                    List<RepairFacility.ClosedPeriod> closedPeriods, Double lat, Double lon,
                                    String marking, Long owningCompanyId) {

    public RepairFacilityCommand {
        certifications = certifications == null ? List.of() : certifications;
        resources = resources == null ? List.of() : resources;
        closedPeriods = closedPeriods == null ? List.of() : closedPeriods;
    }
}
