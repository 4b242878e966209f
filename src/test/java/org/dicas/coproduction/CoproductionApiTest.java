package org.dicas.coproduction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.dicas.PlatformTest;
import org.dicas.demo.DemoUsers;
import org.dicas.support.Http;
import org.dicas.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The co-production API over HTTP on the real platform: a plan and its rows are created and changed against the
 * plan's version (If-Match), bad input is a 400 naming the field with nothing saved, a stale change is 412; a firm's
 * line cost is read only by governments and that firm, and a run's cost only by whoever may read every cost behind it.
 */
@PlatformTest
class CoproductionApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Http http;
    String acq;

    @BeforeEach
    void signIn() {
        http = new Http(port);
        acq = Tokens.of(port, DemoUsers.US_ACQ);
    }

    long createPlan(String name) {
        Http.Response r = http.post("/api/v1/coproduction/plans", acq, Map.of("name", name,
                "marking", "CUI//REL TO USA, JPN", "firstYear", 2027, "periods", 2,
                "lines", List.of(Map.of("code", "L1", "nation", "USA", "product", "P", "capacity", List.of(5, 6),
                        "unitCost", 2))));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.header("ETag")).isEqualTo("\"1\"");
        return r.json().get("id").asLong();
    }

    long lines(long plan) {
        return jdbc.sql("select count(*) from coproduction_line where plan_id = :p").param("p", plan)
                .query(Long.class).single();
    }

    @Test
    void rowsAreAddedAndChangedAgainstThePlansVersion() {
        long plan = createPlan("api rows");
        String base = "/api/v1/coproduction/plans/" + plan;
        Http.Response added = http.postIfMatch(base + "/lines", acq, Map.of("code", "L2", "nation", "JPN",
                "product", "P", "capacity", List.of(1, 2), "unitCost", 3), "\"1\"");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.header("ETag")).isEqualTo("\"2\"");
        assertThat(added.json().get("lines")).hasSize(2);

        Http.Response changed = http.putIfMatch(base + "/lines/L2", acq, Map.of("code", "L2", "nation", "JPN",
                "product", "P", "capacity", List.of(7, 8), "unitCost", 3), "\"2\"");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("lines").get(1).get("capacity").toString()).isEqualTo("[7,8]");

        Http.Response stale = http.putIfMatch(base + "/lines/L2", acq, Map.of("code", "L2", "nation", "JPN",
                "product", "P", "capacity", List.of(0, 0), "unitCost", 3), "\"2\"");
        assertThat(stale.status()).isEqualTo(412);
        Http.Response unnamed = http.postIfMatch(base + "/transfers", acq, Map.of("from", "USA", "to", "JPN",
                "products", List.of("P")), null);
        assertThat(unnamed.status()).isEqualTo(428);
        assertThat(http.get(base, acq).json().get("lines").get(1).get("capacity").toString()).isEqualTo("[7,8]");

        Http.Response transfer = http.postIfMatch(base + "/transfers", acq, Map.of("from", "USA", "to", "JPN",
                "products", List.of("P")), "\"3\"");
        assertThat(transfer.status()).as(transfer.body()).isEqualTo(201);
        assertThat(transfer.json().get("transfers").get(0).get("state").asString()).isEqualTo("IN_FORCE");
        Http.Response refused = http.deleteIfMatch(base + "/lines/L2", acq, "\"4\"");
        assertThat(refused.status()).as("the transfer to JPN still needs a line or demand of JPN").isEqualTo(400);
        assertThat(refused.json().get("field").asString()).isEqualTo("to");
        assertThat(http.deleteIfMatch(base + "/transfers/1", acq, "\"4\"").status()).isEqualTo(200);
        Http.Response removed = http.deleteIfMatch(base + "/lines/L2", acq, "\"5\"");
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(removed.header("ETag")).isEqualTo("\"6\"");
        assertThat(lines(plan)).isEqualTo(1);
    }

    @Test
    void aRefusedLineIsExplainedInTheCallersLanguage() {
        long plan = createPlan("api refusals in Japanese");
        String base = "/api/v1/coproduction/plans/" + plan;
        Http ja = new Http(port).inLanguage("ja");
        Http.Response cost = ja.postIfMatch(base + "/lines", acq, Map.of("code", "L9", "nation", "USA", "product", "P",
                "capacity", List.of(1, 1), "unitCost", -1), "\"1\"");
        assertThat(cost.status()).as(cost.body()).isEqualTo(400);
        assertThat(cost.json().get("field").asString()).isEqualTo("unitCost");
        assertThat(cost.json().get("messageKey").asString()).isEqualTo("coproduction.rule.unitCostRange");
        assertThat(cost.json().get("detail").asString())
                .isEqualTo("単価：ライン L9：単価は0から1000000までの範囲で指定してください（入力値：-1）。");
        Http.Response nation = ja.postIfMatch(base + "/lines", acq, Map.of("code", "L9", "nation", "XXX", "product", "P",
                "capacity", List.of(1, 1), "unitCost", 1), "\"1\"");
        assertThat(nation.json().get("detail").asString())
                .isEqualTo("国：国コード「XXX」は登録されていません（ISO 3文字コード、例：JPN）。");
        Http.Response english = new Http(port).inLanguage("en").postIfMatch(base + "/lines", acq,
                Map.of("code", "L9", "nation", "USA", "product", "P", "capacity", List.of(1, 1), "unitCost", -1),
                "\"1\"");
        assertThat(english.json().get("detail").asString())
                .isEqualTo("Unit cost: line L9: unitCost must be between 0 and 1000000 (got -1)");
        assertThat(lines(plan)).isEqualTo(1);
    }

    @Test
    void badInputIsA400NamingTheFieldAndSavesNothing() {
        long plan = createPlan("api bad input");
        String base = "/api/v1/coproduction/plans/" + plan;
        Map<String, Map<String, Object>> bad = Map.of(
                "capacity", Map.of("code", "L9", "nation", "USA", "product", "P", "capacity", List.of(1),
                        "unitCost", 1),
                "nation", Map.of("code", "L9", "nation", "XXX", "product", "P", "capacity", List.of(1, 1),
                        "unitCost", 1),
                "code", Map.of("code", "L1", "nation", "USA", "product", "P", "capacity", List.of(1, 1),
                        "unitCost", 1),
                "unitCost", Map.of("code", "L9", "nation", "USA", "product", "P", "capacity", List.of(1, 1),
                        "unitCost", -1),
                "firmId", Map.of("code", "L9", "nation", "USA", "product", "P", "capacity", List.of(1, 1),
                        "unitCost", 1, "firmId", 987654321));
        bad.forEach((field, body) -> {
            Http.Response r = http.postIfMatch(base + "/lines", acq, body, "\"1\"");
            assertThat(r.status()).as(field + ": " + r.body()).isEqualTo(400);
            assertThat(r.json().get("field").asString()).as(r.body()).isEqualTo(field);
        });
        Http.Response unknownProduct = http.postIfMatch(base + "/components", acq, Map.of("code", "C",
                "capacity", List.of(1, 1), "usage", Map.of("Q", 1)), "\"1\"");
        assertThat(unknownProduct.status()).isEqualTo(400);
        assertThat(unknownProduct.json().get("field").asString()).isEqualTo("usage");
        assertThat(lines(plan)).isEqualTo(1);
        assertThat(http.get(base, acq).header("ETag")).as("nothing moved the version").isEqualTo("\"1\"");
    }

    @Test
    void aFirmsLineCostIsReadByGovernmentsAndThatFirmOnly() {
        long demo = http.get("/api/v1/coproduction/plans?size=50", acq).json().get("items").valueStream()
                .filter(p -> p.get("name").asString().startsWith("PAC-3 MSE and AMRAAM")).findFirst().orElseThrow()
                .get("id").asLong();
        String jpIndustry = http.token(DemoUsers.JP_INDUSTRY, DemoUsers.PASSWORD);
        JsonNode asFirm = http.get("/api/v1/coproduction/plans/" + demo, jpIndustry).json();
        JsonNode asGovernment = http.get("/api/v1/coproduction/plans/" + demo, acq).json();
        assertThat(line(asGovernment, "PAC-US-1").get("unitCost").asDouble()).isEqualTo(4.1);
        assertThat(line(asGovernment, "PAC-JP-1").get("unitCost").asDouble()).isEqualTo(4.6);
        assertThat(line(asFirm, "PAC-JP-1").get("unitCost").asDouble()).as("its own firm's cost").isEqualTo(4.6);
        assertThat(line(asFirm, "PAC-US-1").get("unitCost").isNull()).as("a competitor's cost").isTrue();
        assertThat(line(asFirm, "PAC-US-1").get("costWithheld").asBoolean()).isTrue();
        assertThat(asFirm.get("withheldCosts").asLong()).isEqualTo(2);
        assertThat(asGovernment.get("withheldCosts").asLong()).isZero();
        assertThat(asFirm.get("highWaterMark").asString()).contains("PROPIN");

        Http.Response started = http.post("/api/v1/coproduction/plans/" + demo + "/runs", acq, Map.of("seconds", 10));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String run = started.header("Location");
        JsonNode done = await(run, acq);
        assertThat(done.get("score").get("cost").isNull()).as("the government reads every cost").isFalse();
        JsonNode firmView = http.get(run, jpIndustry).json();
        assertThat(firmView.get("costWithheld").asBoolean()).isTrue();
        assertThat(firmView.get("score").get("cost").isNull()).as("a cost resting on a competitor's").isTrue();
        assertThat(firmView.get("score").get("unmetPriority").asLong())
                .isEqualTo(done.get("score").get("unmetPriority").asLong());
        assertThat(firmView.get("bottlenecks").valueStream().filter(b -> b.get("objective").asString().equals("COST")))
                .allMatch(b -> b.get("value").isNull());

        String whatIfs = "/api/v1/coproduction/plans/" + demo + "/what-ifs";
        Http.Response nothing = http.post(whatIfs, acq, Map.of("kind", "DISRUPT_COMPONENT", "subject", "NOPE",
                "amount", 50));
        assertThat(nothing.status()).isEqualTo(400);
        assertThat(nothing.json().get("field").asString()).isEqualTo("whatIf");
        assertThat(http.post(whatIfs, acq, Map.of("subject", "SRM")).json().get("field").asString()).isEqualTo("kind");
        Http.Response disrupted = http.post(whatIfs, acq, Map.of("kind", "DISRUPT_COMPONENT", "subject", "SRM",
                "amount", 80, "seconds", 10));
        assertThat(disrupted.status()).as(disrupted.body()).isEqualTo(202);
        JsonNode whatIf = await(disrupted.header("Location"), acq);
        assertThat(whatIf.get("difference").get("unmetPriority").asLong()).as("losing rocket motors leaves rounds unmet")
                .isPositive();
        assertThat(whatIf.get("difference").get("cost").isNull()).isFalse();
        JsonNode whatIfAsFirm = http.get(disrupted.header("Location"), jpIndustry).json();
        assertThat(whatIfAsFirm.get("difference").get("cost").isNull()).as("the cost difference rests on every cost")
                .isTrue();
        assertThat(whatIfAsFirm.get("difference").get("unmetPriority").asLong()).isPositive();
    }

    static JsonNode line(JsonNode plan, String code) {
        return plan.get("lines").valueStream().filter(l -> l.get("code").asString().equals(code)).findFirst()
                .orElseThrow();
    }

    JsonNode await(String run, String token) {
        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(until)) {
            JsonNode r = http.get(run, token).json();
            if (!r.get("running").asBoolean()) {
                assertThat(r.get("status").asString()).as(r.toString()).isEqualTo("DONE");
                return r;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("run did not finish: " + run);
    }
}
