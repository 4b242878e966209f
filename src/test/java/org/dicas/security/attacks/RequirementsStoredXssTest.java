package org.dicas.security.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dicas.PlatformTest;
import org.dicas.demo.DemoUsers;
import org.dicas.support.Http;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Stored XSS through the text fields of issue 5 — requirement titles, descriptions and service, plan titles, notes and
 * milestones, lead titles, texts and source names, opportunity titles and next steps, program names, descriptions
 * and milestones, agreement titles and descriptions: saved through the API with {@link StoredXssTest#PAYLOADS}, every
 * page that shows them shows the text and carries no foreign script, element, event or style attribute.
 */
@PlatformTest
class RequirementsStoredXssTest {

    static final String MARKING = "CUI//REL TO USA, JPN";

    @LocalServerPort
    int port;

    @Test
    void payloadsInRequirementsPipelineLeadsProgramsAndAgreementsAreShownAsText() {
        Http http = new Http(port);
        String acq = AttackSupport.token(port, DemoUsers.US_ACQ);
        String jp = AttackSupport.token(port, DemoUsers.JP_ATLA);
        Http web = AttackSupport.session(port, DemoUsers.US_ACQ);
        List<String> failures = new ArrayList<>();
        for (List<StoredXssTest.Payload> group : StoredXssTest.GROUPS) {
            String v = String.join(" ", group.stream().map(StoredXssTest.Payload::text).toList());
            String marker = "xssreq" + Long.toString(System.nanoTime(), 36);
            String t = marker + " " + v;
            String shortText = marker + " " + group.get(group.size() - 1).text(); // fields of at most 100 characters
            long usReq = id(http.post("/api/v1/requirements", acq, Map.of("nation", "USA", "service", shortText,
                    "capabilityArea", "AIR", "titleEn", t, "descriptionEn", t, "quantity", 40,
                    "needBy", "2031-01-01", "marking", MARKING)), "requirement", failures);
            long jpReq = id(http.post("/api/v1/requirements", jp, Map.of("nation", "JPN", "service", "ASDF",
                    "capabilityArea", "AIR", "titleJa", t + " 練習機", "descriptionJa", t, "quantity", 40,
                    "needBy", "2031-01-01", "marking", MARKING)), "Japanese requirement", failures);
            long plan = id(http.post("/api/v1/acquisition-plans", acq, Map.of("requirementId", usReq, "title", t,
                    "notes", t, "milestones", List.of(Map.of("name", t, "due", "2029-01-01")), "marking", MARKING)),
                    "plan", failures);
            long lead = id(http.post("/api/v1/leads", acq, Map.of("sourceType", "OTHER", "sourceName", t,
                    "title", t, "text", t, "marking", MARKING)), "lead", failures);
            long opportunity = id(http.post("/api/v1/opportunities", acq, Map.of("title", t,
                    "requirementIds", List.of(usReq, jpReq), "nextStep", t, "marking", MARKING)), "opportunity",
                    failures);
            long program = id(http.post("/api/v1/programs", acq, Map.of("nameEn", t, "nameJa", t,
                    "type", "CO_PRODUCTION", "description", t, "partners", List.of(Map.of("nation", "USA",
                            "costShare", 60), Map.of("nation", "JPN", "costShare", 40)),
                    "milestones", List.of(Map.of("name", t, "date", "2030-01-01")), "requirementIds", List.of(usReq),
                    "marking", MARKING)), "program", failures);
            long agreement = id(http.post("/api/v1/agreements", acq, Map.of("type", "MOU", "title", t,
                    "description", t, "parties", List.of("USA", "JPN"), "programIds", List.of(program),
                    "marking", MARKING)), "agreement", failures);
            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("requirement", "/requirements/" + usReq);
            pages.put("requirement edit", "/requirements/" + usReq + "/edit");
            pages.put("requirement matches", "/requirements/" + usReq + "/matches");
            pages.put("requirements list", "/requirements?text=" + marker);
            pages.put("plan", "/acquisition-plans/" + plan);
            pages.put("plan edit", "/acquisition-plans/" + plan + "/edit");
            pages.put("lead", "/leads/" + lead);
            pages.put("leads list", "/leads");
            pages.put("opportunity", "/opportunities/" + opportunity);
            pages.put("opportunities list", "/opportunities");
            pages.put("pair", "/opportunities/pair?a=" + usReq + "&b=" + jpReq);
            pages.put("program", "/programs/" + program);
            pages.put("program edit", "/programs/" + program + "/edit");
            pages.put("programs list", "/programs");
            pages.put("agreement", "/agreements/" + agreement);
            pages.put("agreement edit", "/agreements/" + agreement + "/edit");
            pages.put("agreements list", "/agreements");
            pages.forEach((name, path) -> {
                var r = web.get(path, null);
                if (r.status() != 200) {
                    failures.add(name + " " + path + ": " + r.status());
                    return;
                }
                AttackSupport.scriptInjection(r.body()).forEach(p -> failures.add(name + " " + path + ": " + p));
                if (!Jsoup.parse(r.body()).text().contains(marker) && !r.body().contains(marker)) {
                    failures.add(name + " " + path + ": the stored text is not shown");
                }
            });
        }
        assertThat(failures).as(failures.size() + " problems").isEmpty();
    }

    static long id(Http.Response r, String what, List<String> failures) {
        assertThat(r.status()).as(what + ": " + r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }
}
