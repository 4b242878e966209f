package org.dicas.sustainment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dicas.PlatformTest;
import org.dicas.shared.Sentences;
import org.dicas.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The sustainment API speaks the caller's language: a refused job and a plan's unassigned reasons read in Japanese
 * for {@code Accept-Language: ja} and in English for {@code en}, codes staying codes in their own fields.
 */
@PlatformTest
class SustainmentInJapaneseTest {

    @LocalServerPort
    int port;

    JsonNode send(String method, String path, String token, String language, Object body) {
        Http.Response r = new Http(port).inLanguage(language).call(method, path, token, body);
        JsonNode json = r.json();
        ((tools.jackson.databind.node.ObjectNode) json).put("httpStatus", r.status());
        return json;
    }

    /** A valid job (the registry test's), priority 9 so that a test job never outranks the demo work. */
    static Map<String, Object> job(String code) {
        return RepairBodies.with(RepairBodies.job(code), "priority", 9);
    }

    @Test
    void aRefusedJobIsExplainedInTheCallersLanguageWithTheFieldsLabel() throws Exception {
        String navy = new Http(port).token("us.navy", "demo");
        Map<String, Object> bad = job("JA-BAD-1");
        bad.put("priority", 11);
        JsonNode ja = send("POST", "/api/v1/sustainment/jobs", navy, "ja", bad);
        assertThat(ja.get("httpStatus").asInt()).isEqualTo(400);
        assertThat(ja.get("field").asString()).isEqualTo("priority");
        assertThat(ja.get("messageKey").asString()).isEqualTo("sus.error.priority");
        assertThat(ja.get("detail").asString()).isEqualTo("優先度：優先度は1（最も緊急）～10で指定してください");
        JsonNode en = send("POST", "/api/v1/sustainment/jobs", navy, "en", bad);
        assertThat(en.get("detail").asString()).isEqualTo("Priority: the priority is 1 (most urgent) to 10");

        Map<String, Object> kind = job("JA-BAD-2");
        kind.put("resourceKinds", List.of("BERTH"));
        assertThat(send("POST", "/api/v1/sustainment/jobs", navy, "ja", kind).get("detail").asString())
                .isEqualTo("必要な設備の種別：種別は DRYDOCK、PIER、HANGAR のいずれかで指定してください（「BERTH」は指定できません）");
    }

    @Test
    void aPlansUnassignedReasonsAndStatusReadInTheCallersLanguage() throws Exception {
        String navy = new Http(port).token("us.navy", "demo");
        // no dry dock of the demo yards takes a hull this long: unassigned for length
        String code = "JA-LONG-" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase(Locale.ROOT);
        Map<String, Object> tooLong = job(code);
        tooLong.put("lengthM", 1999.0);
        assertThat(send("POST", "/api/v1/sustainment/jobs", navy, "en", tooLong).get("httpStatus").asInt())
                .isEqualTo(201);
        int year = java.time.LocalDate.now().getYear() + 1;
        JsonNode started = send("POST", "/api/v1/sustainment/plans", navy, "ja", Map.of("horizonStart",
                year + "-01-01", "horizonEnd", year + "-12-31", "seconds", 1));
        assertThat(started.get("httpStatus").asInt()).as(started.toString()).isEqualTo(202);
        long id = started.get("id").asLong();
        JsonNode ja = null;
        for (int i = 0; i < 240; i++) {
            ja = send("GET", "/api/v1/sustainment/plans/" + id, navy, "ja", null);
            if (!List.of("QUEUED", "RUNNING", "STOPPING").contains(ja.get("status").asString())) {
                break;
            }
            Thread.sleep(250);
        }
        assertThat(ja.get("status").asString()).isEqualTo("DONE");
        assertThat(ja.get("statusLabel").asString()).isEqualTo("完了");
        JsonNode u = unassigned(ja, code);
        assertThat(u.get("reasonKey").asString()).isEqualTo("plan.reason.length");
        assertThat(u.get("reasonArgs").get(0).asString()).as("the code stays a code").isEqualTo("DRYDOCK");
        assertThat(u.get("reason").asString()).isEqualTo("種別が乾ドックで、全長 1999 m を受け入れられる設備がない");

        JsonNode en = send("GET", "/api/v1/sustainment/plans/" + id, navy, "en", null);
        assertThat(en.get("statusLabel").asString()).isEqualTo("Done");
        assertThat(unassigned(en, code).get("reason").asString())
                .isEqualTo("no resource of kind Dry dock long enough (1999 m)");

        // the page and the CSV say the same in the reader's language
        Http web = new Http(port).signIn("jp.atla", "demo");
        String page = web.get("/sustainment/plans/" + id + "?lang=ja", null).body();
        assertThat(page).contains("種別が乾ドックで、全長 1999 m を受け入れられる設備がない");
        String csv = web.get("/sustainment/plans/" + id + "/plan.csv?lang=ja", null).body();
        assertThat(csv).contains("案件,対象装備,優先度,施設,設備,開始日,終了日,遅延日数,固定,区分表示");
    }

    static JsonNode unassigned(JsonNode plan, String code) {
        for (JsonNode u : plan.get("unassigned")) {
            if (u.get("job").asString().equals(code)) {
                return u;
            }
        }
        throw new AssertionError(code + " is not unassigned in " + plan);
    }

    @Test
    void everyResourceKindAndExclusionHasALabelInBothLanguages() {
        for (String kind : ResourceKinds.ALL) {
            assertThat(Sentences.exists("sus.kind." + kind)).as(kind).isTrue();
        }
        for (RepairEligibility.Exclusion e : RepairEligibility.Exclusion.values()) {
            String en = Sentences.render(new RepairEligibility.Reason(e, "DRYDOCK").sentence(), Locale.ENGLISH);
            String ja = Sentences.render(new RepairEligibility.Reason(e, "DRYDOCK").sentence(), Locale.JAPANESE);
            assertThat(en).as(e.name()).doesNotStartWith("??");
            assertThat(ja).as(e.name()).doesNotStartWith("??").isNotEqualTo(en);
        }
    }
}
