package org.dicas.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dicas.PlatformTest;
import org.dicas.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Ids and numbers no client should send — not numbers, too large for a long, negative, NUL, Long.MAX_VALUE, NaN —
 * on every {@code {id}} endpoint and page of requirements, plans, opportunities, leads, feeds, programs and
 * agreements: each answers 400 or 404, never 500 and never 200.
 */
@PlatformTest
class HostileIdsTest {

    static final List<String> IDS = List.of("abc", "99999999999999999999", "-1", "0", "9223372036854775807", "%00",
            "1%00", "1.5", "1e3", "%20");

    @LocalServerPort
    int port;

    @Test
    void apiAndPagesAnswer400Or404ToHostileIds() {
        Http http = new Http(port);
        String token = http.token("us.acq", "demo");
        Http web = new Http(port).signIn("us.acq", "demo");
        String csrf = Http.csrf(web.get("/", null).body());
        List<String> failures = new ArrayList<>();
        for (String id : IDS) {
            for (String path : List.of("/api/v1/requirements/" + id, "/api/v1/requirements/" + id + "/matches",
                    "/api/v1/requirements/" + id + "/judgments",
                    "/api/v1/acquisition-plans/" + id, "/api/v1/acquisition-plans?requirement=" + id,
                    "/api/v1/opportunities/" + id, "/api/v1/opportunities/pair?a=" + id + "&b=" + id,
                    "/api/v1/leads/" + id, "/api/v1/programs/" + id, "/api/v1/agreements/" + id)) {
                int s = http.get(path, token).status();
                if (s != 400 && s != 404 && !(s == 200 && path.contains("?requirement="))) {
                    failures.add("GET " + path + ": " + s);
                }
            }
            for (String path : List.of("/api/v1/opportunities/" + id + "/stage", "/api/v1/leads/feeds/" + id + "/poll",
                    "/api/v1/requirements/" + id + "/judgments")) {
                int s = http.post(path, token, Map.of("toStage", "UNDER_STUDY", "other", id, "sameNeed", true)).status();
                if (s != 400 && s != 404) {
                    failures.add("POST " + path + ": " + s);
                }
            }
            for (String path : List.of("/api/v1/requirements/" + id, "/api/v1/acquisition-plans/" + id,
                    "/api/v1/opportunities/" + id, "/api/v1/programs/" + id, "/api/v1/agreements/" + id)) {
                int s = http.put(path, token, Map.of("title", "x", "marking", "UNCLASSIFIED")).status();
                if (s != 400 && s != 404) {
                    failures.add("PUT " + path + ": " + s);
                }
            }
            for (String path : List.of("/requirements/" + id, "/requirements/" + id + "/edit",
                    "/requirements/" + id + "/matches", "/acquisition-plans/" + id, "/acquisition-plans/" + id + "/edit",
                    "/acquisition-plans/new?requirement=" + id, "/opportunities/" + id,
                    "/opportunities/pair?a=" + id + "&b=" + id, "/leads/" + id, "/programs/" + id,
                    "/programs/" + id + "/edit", "/agreements/" + id, "/agreements/" + id + "/edit")) {
                int s = web.get(path, null).status();
                if (s != 400 && s != 404) {
                    failures.add("GET page " + path + ": " + s);
                }
            }
            for (String path : List.of("/requirements/" + id, "/acquisition-plans/" + id, "/opportunities/" + id,
                    "/opportunities/" + id + "/stage", "/leads/" + id + "/promote", "/leads/feeds/" + id + "/poll",
                    "/programs/" + id + "/edit", "/agreements/" + id + "/edit",
                    "/opportunities/pair/judgments?a=" + id + "&b=" + id)) {
                int s = web.form(path, csrf, Map.of("title", "x", "toStage", "UNDER_STUDY", "sameNeed", "true")).status();
                if (s != 400 && s != 404) {
                    failures.add("POST page " + path + ": " + s);
                }
            }
        }
        for (String query : List.of("top=99999999999", "top=-1", "top=abc", "top=0")) {
            int s = http.get("/api/v1/requirements/1/matches?" + query, token).status();
            if (s != 400 && s != 404) {
                failures.add("GET matches?" + query + ": " + s);
            }
        }
        assertThat(failures).as(failures.size() + " problems").isEmpty();
    }

    @Test
    void idsOfTheWrongKindAreNotFoundOrBadInputNamingTheField() {
        // the modules that link these records by id name their kinds without depending on this module
        assertThat(org.dicas.programs.Programs.REQUIREMENT_KIND).isEqualTo(Requirements.KIND);
        assertThat(org.dicas.forum.Decision.OPPORTUNITY_KIND).isEqualTo(Pipeline.KIND);
        Http http = new Http(port);
        String token = http.token("us.acq", "demo");
        long requirement = http.get("/api/v1/requirements", token).json().get("items").get(0).get("id").asLong();
        long program = http.get("/api/v1/programs", token).json().get("items").get(0).get("id").asLong();
        long agreement = http.get("/api/v1/agreements", token).json().get("items").get(0).get("id").asLong();
        long plan = http.get("/api/v1/acquisition-plans", token).json().get("items").get(0).get("id").asLong();
        List<String> failures = new ArrayList<>();
        Map<String, Long> wrong = Map.of("/api/v1/requirements/", program, "/api/v1/acquisition-plans/", requirement,
                "/api/v1/opportunities/", requirement, "/api/v1/leads/", program, "/api/v1/programs/", agreement,
                "/api/v1/agreements/", plan, "/api/v1/requirements/%d/matches", program);
        wrong.forEach((path, id) -> {
            String p = path.contains("%d") ? path.formatted(id) : path + id;
            int s = http.get(p, token).status();
            if (s != 404) {
                failures.add("GET " + p + " (an id of another kind): " + s);
            }
        });
        Map<String, Http.Response> refs = new java.util.LinkedHashMap<>();
        refs.put("requirementId", http.post("/api/v1/acquisition-plans", token, Map.of("requirementId", program,
                "title", "wrong kind", "marking", "UNCLASSIFIED")));
        refs.put("requirementIds", http.post("/api/v1/programs", token, Map.of("nameEn", "wrong kind",
                "type", "CO_PRODUCTION", "partners", List.of(Map.of("nation", "USA", "costShare", 100)),
                "requirementIds", List.of(agreement), "marking", "UNCLASSIFIED")));
        refs.put("programIds", http.post("/api/v1/agreements", token, Map.of("type", "OTHER", "title", "wrong kind",
                "parties", List.of("USA"), "programIds", List.of(requirement), "marking", "UNCLASSIFIED")));
        refs.put("documentIds", http.post("/api/v1/agreements", token, Map.of("type", "OTHER", "title", "wrong kind",
                "parties", List.of("USA"), "documentIds", List.of(program), "marking", "UNCLASSIFIED")));
        refs.put("leadId", http.post("/api/v1/opportunities", token, Map.of("title", "wrong kind",
                "leadId", requirement)));
        var opportunity = http.post("/api/v1/opportunities", token, Map.of("title", "wrong kind",
                "requirementIds", List.of(program, agreement)));
        if (opportunity.status() != 400 || !"requirementIds".equals(opportunity.json().path("field").asString(""))) {
            failures.add("opportunity requirementIds of the wrong kind: " + opportunity.status() + " "
                    + opportunity.body());
        }
        refs.forEach((field, r) -> {
            if (r.status() != 400 || !field.equals(r.json().path("field").asString(""))) {
                failures.add(field + " of the wrong kind: " + r.status() + " " + r.body());
            }
        });
        assertThat(failures).as(failures.size() + " problems").isEmpty();
    }

    @Test
    void savingsParametersOutOfRangeAre400NamingTheParameter() {
        Http http = new Http(port);
        String token = http.token("us.acq", "demo");
        var pairs = http.get("/api/v1/opportunities/finder", token).json();
        var pair = pairs.get("pairs").get(0);
        String base = "/api/v1/opportunities/pair?a=" + pair.get("a").get("requirementId").asLong() + "&b="
                + pair.get("b").get("requirementId").asLong();
        assertThat(http.get(base, token).status()).isEqualTo(200);
        for (String q : List.of("&firstUnitCost=NaN", "&firstUnitCost=-1", "&firstUnitCost=Infinity",
                "&learningRate=NaN", "&learningRate=0", "&learningRate=1.5", "&learningRate=abc")) {
            var r = http.get(base + q, token);
            assertThat(r.status()).as(q + ": " + r.body()).isEqualTo(400);
            assertThat(r.json().get("field").asString()).as(q).isEqualTo(q.substring(1, q.indexOf('=')));
        }
    }
}
