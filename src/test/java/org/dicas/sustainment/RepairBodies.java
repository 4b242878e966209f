package org.dicas.sustainment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Valid request bodies of the sustainment API, for tests that register repair facilities and jobs (the registry's,
 * the lists' and the exports' tests): change what a test is about with {@link #with}.
 */
public final class RepairBodies {

    private RepairBodies() {
    }

    /** A valid facility in Japan, with a dry dock and a pier, under {@code marking}. */
    public static Map<String, Object> facility(String code, String marking) {
        Map<String, Object> b = new HashMap<>();
        b.put("code", code);
        b.put("name", "Test yard " + code);
        b.put("nation", "JPN");
        b.put("certifications", List.of("MSRA"));
        b.put("resources", List.of(Map.of("code", code + "-DD", "kind", "DRYDOCK", "maxLengthM", 200.0),
                Map.of("code", code + "-P", "kind", "PIER")));
        b.put("closedPeriods", List.of(Map.of("start", "2027-04-29", "end", "2027-05-05")));
        b.put("lat", 35.3);
        b.put("lon", 139.6);
        b.put("marking", marking);
        return b;
    }

    /** A valid job (a forward-deployed U.S. destroyer wanting a dry dock), priority 2, marked REL TO USA, JPN. */
    public static Map<String, Object> job(String code) {
        Map<String, Object> b = new HashMap<>();
        b.put("code", code);
        b.put("asset", "Test destroyer " + code);
        b.put("flagNation", "USA");
        b.put("resourceKinds", List.of("DRYDOCK"));
        b.put("lengthM", 155.0);
        b.put("durationDays", 60);
        b.put("earliestStart", "2027-03-01");
        b.put("dueDate", "2027-08-31");
        b.put("priority", 2);
        b.put("requires", List.of("MSRA"));
        b.put("forwardDeployed", true);
        b.put("voyageRepair", false);
        b.put("homeLat", 35.28);
        b.put("homeLon", 139.67);
        b.put("marking", "UNCLASSIFIED//REL TO USA, JPN");
        return b;
    }

    /** The same body with one field changed. */
    public static Map<String, Object> with(Map<String, Object> b, String key, Object value) {
        Map<String, Object> c = new HashMap<>(b);
        c.put(key, value);
        return c;
    }
}
