package org.dicas.sustainment.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dicas.shared.InvalidInputException;
import org.dicas.sustainment.RepairFacility;
import org.dicas.sustainment.RepairFacilityCommand;
import org.dicas.sustainment.RepairJobCommand;
import org.springframework.util.MultiValueMap;

/**
 * The facility and job forms as the browser posts them: everything arrives as text, so a malformed number or date
 * becomes an error naming its field. Resources are lines "CODE KIND [max length m]", closed periods lines
 * "yyyy-mm-dd yyyy-mm-dd", certifications and requirements comma-separated.
 */
final class SustainmentForms {

    static final List<String> FACILITY_FIELDS = List.of("code", "name", "nation", "certifications", "resources",
            "closedPeriods", "lat", "lon", "marking", "owningCompanyId");
    static final List<String> JOB_FIELDS = List.of("code", "asset", "flagNation", "lengthM", "durationDays",
            "earliestStart", "dueDate", "priority", "requires", "forwardDeployed", "voyageRepair", "dueHome",
            "foreignRepairAllowed", "homeLat", "homeLon", "marking");

    private SustainmentForms() {
    }

    /** The posted values (first of each), blank for fields not posted: to show the form again. */
    static Map<String, String> values(MultiValueMap<String, String> p, List<String> fields) {
        Map<String, String> v = new HashMap<>();
        for (String f : fields) {
            String s = p == null ? null : p.getFirst(f);
            v.put(f, s == null ? "" : s);
        }
        return v;
    }

    static RepairFacilityCommand facility(Map<String, String> v) {
        List<RepairFacility.Resource> resources = new ArrayList<>();
        for (String line : lines(v.get("resources"))) {
            String[] parts = line.split("[\\s,;]+");
            if (parts.length < 2 || parts.length > 3) {
                throw InvalidInputException.of("resources", "sus.error.resourceLine", line);
            }
            resources.add(new RepairFacility.Resource(parts[0], parts[1],
                    parts.length == 3 ? number("resources", parts[2]) : null));
        }
        List<RepairFacility.ClosedPeriod> closed = new ArrayList<>();
        for (String line : lines(v.get("closedPeriods"))) {
            String[] parts = line.split("[\\s,;]+");
            if (parts.length != 2) {
                throw InvalidInputException.of("closedPeriods", "sus.error.closedPeriodLine", line);
            }
            closed.add(new RepairFacility.ClosedPeriod(date("closedPeriods", parts[0]), date("closedPeriods", parts[1])));
        }
        String company = v.get("owningCompanyId");
        return new RepairFacilityCommand(v.get("code"), v.get("name"), v.get("nation"), commaList(v.get("certifications")),
                resources, closed, number("lat", v.get("lat")), number("lon", v.get("lon")), v.get("marking"),
                company == null || company.isBlank() ? null : id("owningCompanyId", company));
    }

    static RepairJobCommand job(Map<String, String> v, List<String> kinds) {
        String fra = v.get("foreignRepairAllowed");
        return new RepairJobCommand(v.get("code"), v.get("asset"), v.get("flagNation"), kinds,
                number("lengthM", v.get("lengthM")), integer("durationDays", v.get("durationDays")),
                date("earliestStart", v.get("earliestStart")), date("dueDate", v.get("dueDate")),
                integer("priority", v.get("priority")), commaList(v.get("requires")), flag(v.get("forwardDeployed")),
                flag(v.get("voyageRepair")), date("dueHome", v.get("dueHome")),
                fra == null || fra.isBlank() ? null : Boolean.valueOf(fra.equals("true")),
                number("homeLat", v.get("homeLat")), number("homeLon", v.get("homeLon")), v.get("marking"));
    }

    static boolean flag(String value) {
        return value != null && (value.equals("true") || value.equals("on"));
    }

    static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static List<String> commaList(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static Double number(String field, String value) {
        return org.dicas.platform.FormValues.number(field, value);
    }

    static Integer integer(String field, String value) {
        return org.dicas.platform.FormValues.integer(field, value);
    }

    static Long id(String field, String value) {
        return org.dicas.platform.FormValues.id(field, value);
    }

    static LocalDate date(String field, String value) {
        return org.dicas.platform.FormValues.date(field, value);
    }
}
