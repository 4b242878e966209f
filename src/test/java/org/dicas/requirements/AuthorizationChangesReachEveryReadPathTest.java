package org.dicas.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.dicas.PlatformTest;
import org.dicas.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issuing, attaching, detaching and ending an export authorization changes what the finder, the search and the
 * partners and pair pages show at once: they all consume the one readable-set cache keyed by the policy epoch. Each
 * step first warms every cache with the old answer, so a cache that missed the change would show it.
 */
@PlatformTest
class AuthorizationChangesReachEveryReadPathTest {

    static final String TWIN = "Glide phase interceptor seeker window export twin";

    @LocalServerPort
    int port;

    record Views(boolean matchesApi, boolean matchesPage, boolean finderApi, boolean finderPage, int pairApi,
                 int pairPage, int partnersOfTwin, boolean searchApi) {
    }

    Views seenByJapan(Http http, String jp, Http jpWeb, long gpiJp, long twin) {
        String id = "\"requirementId\":" + twin + ",";
        return new Views(
                http.get("/api/v1/requirements/" + gpiJp + "/matches?top=50", jp).body().contains(id),
                jpWeb.get("/requirements/" + gpiJp + "/matches", null).body().contains(TWIN),
                http.get("/api/v1/opportunities/finder", jp).body().contains(TWIN),
                jpWeb.get("/opportunities/finder", null).body().contains(TWIN),
                http.get("/api/v1/opportunities/pair?a=" + gpiJp + "&b=" + twin, jp).status(),
                jpWeb.get("/opportunities/pair?a=" + gpiJp + "&b=" + twin, null).status(),
                http.get("/api/v1/requirements/" + twin + "/matches", jp).status(),
                http.get("/api/v1/search?q=" + java.net.URLEncoder.encode("seeker window export twin",
                        java.nio.charset.StandardCharsets.UTF_8), jp).body().contains("\"id\":" + twin + ","));
    }

    static final Views HIDDEN = new Views(false, false, false, false, 404, 404, 404, false);
    static final Views SHOWN = new Views(true, true, true, true, 200, 200, 200, true);

    @Test
    void attachingDetachingAndEndingAnAuthorizationReachTheFinderSearchPairAndPartnerPagesAtOnce() {
        Http http = new Http(port);
        String us = http.token("us.acq", "demo");
        String fdo = http.token("us.fdo", "demo");
        String jp = http.token("jp.atla", "demo");
        Http jpWeb = new Http(port).signIn("jp.atla", "demo");
        long gpiJp = http.all("/api/v1/requirements", jp).valueStream()
                .filter(r -> r.get("titleJa").asString().contains("滑空段階迎撃用誘導弾")).findFirst().orElseThrow()
                .get("id").asLong();
        var created = http.post("/api/v1/requirements", us, Map.of("service", "MDA",
                "capabilityArea", "MISSILE_DEFENSE.INTERCEPTOR", "titleEn", TWIN,
                "descriptionEn", "Acquire a glide phase interceptor (GPI) against hypersonic glide vehicles by 2033, "
                        + "developed cooperatively; the partner leads rocket motors and propulsion.",
                "quantity", 16, "needBy", "2033-03-31", "status", "VALIDATED",
                "marking", "CUI//REL TO USA, JPN//EXPORT ITAR USML-IV"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long twin = created.json().get("id").asLong();
        assertThat(http.get("/api/v1/requirements/" + twin + "/matches", us).body())
                .as("the U.S. user sees the pair: the test can fail").contains("\"requirementId\":" + gpiJp + ",");

        assertThat(seenByJapan(http, jp, jpWeb, gpiJp, twin)).as("export-controlled, no authorization").isEqualTo(HIDDEN);

        LocalDate today = LocalDate.now();
        var issued = http.post("/api/v1/authorizations", fdo, Map.of("number", "DSP-5-FINDER", "kind", "LICENCE",
                "regime", "ITAR", "coveredNations", List.of("JPN"), "validFrom", today.toString(),
                "validTo", today.plusDays(30).toString()));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        long a = issued.json().get("id").asLong();
        assertThat(http.post("/api/v1/authorizations/" + a + "/records/" + twin, fdo, "").status()).isEqualTo(204);
        assertThat(seenByJapan(http, jp, jpWeb, gpiJp, twin)).as("attached").isEqualTo(SHOWN);

        assertThat(http.delete("/api/v1/authorizations/" + a + "/records/" + twin, fdo).status()).isEqualTo(204);
        assertThat(seenByJapan(http, jp, jpWeb, gpiJp, twin)).as("detached").isEqualTo(HIDDEN);

        assertThat(http.post("/api/v1/authorizations/" + a + "/records/" + twin, fdo, "").status()).isEqualTo(204);
        assertThat(seenByJapan(http, jp, jpWeb, gpiJp, twin)).as("attached again").isEqualTo(SHOWN);
        var ended = http.put("/api/v1/authorizations/" + a, fdo, Map.of("number", "DSP-5-FINDER", "kind", "LICENCE",
                "regime", "ITAR", "coveredNations", List.of("JPN"), "validFrom", today.minusDays(10).toString(),
                "validTo", today.minusDays(1).toString()));
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
        assertThat(seenByJapan(http, jp, jpWeb, gpiJp, twin)).as("validity ended yesterday").isEqualTo(HIDDEN);
    }
}
