package org.dicas.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import org.dicas.PlatformTest;
import org.dicas.requirements.engine.FinderModel;
import org.dicas.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The finder's model in the running platform, in the shared test context: trained once when the application is ready
 * from the shipped sets and officials' latest judgments (the platform's own store, {@code LatestJudgments}, with the
 * judgments this test records through the API), kept while what it was trained on is unchanged, retrained in the
 * background when judgments change and at once on demand, with a new version that every suggestion then carries, and
 * the model page with its Retrain button for analysts only.
 */
@PlatformTest
class FinderModelsTest {

    @LocalServerPort
    int port;
    @Autowired
    FinderModels models;
    @Autowired
    JudgedPairs judgedPairs;
    @Autowired
    JdbcClient jdbc;

    /**
     * The pair this test judges: two requirements of its own, so that the judgments it records (which train the model
     * every other test in the shared context uses) never touch a demo pair another test ranks.
     */
    static long ownUs;
    static long ownJp;

    @BeforeEach
    void ownPair() {
        if (ownUs != 0) {
            return;
        }
        Http http = new Http(port);
        String us = http.token("us.acq", "demo");
        String jp = http.token("jp.atla", "demo");
        var a = http.post(RequirementsApiTest.API, us, RequirementsApiTest.body(
                "MODELTEST sonobuoy stock for maritime patrol aircraft", "", "UNCLASSIFIED//REL TO USA, JPN"));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        var b = http.post(RequirementsApiTest.API, jp, RequirementsApiTest.body(
                "MODELTEST sonobuoys for patrol aircraft", "哨戒機用ソノブイの取得（モデル試験）", "UNCLASSIFIED//REL TO USA, JPN"));
        assertThat(b.status()).as(b.body()).isEqualTo(201);
        ownUs = a.json().get("id").asLong();
        ownJp = b.json().get("id").asLong();
    }

    /** Records a judgment of the test's own pair as the US official, through the API. */
    void judgeOwnPair(boolean sameNeed) {
        Http http = new Http(port);
        var r = http.post(PairJudgmentsTest.judgments(ownUs), http.token("us.acq", "demo"),
                PairJudgmentsTest.judgment(ownJp, sameNeed, sameNeed ? null : "SIBLING_SYSTEM", ""));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    boolean ownPairJudgedSame() {
        return judgedPairs.latest().contains(new JudgedPair(Math.min(ownUs, ownJp), Math.max(ownUs, ownJp), true));
    }

    @Test
    void theModelIsTrainedOnTheShippedSetsAndEveryOfficialsLatestJudgment() {
        models.retrain();
        int stored = judgedPairs.latest().size();
        assertThat(models.current().judgedPairs()).isEqualTo(stored);
        if (stored == 0) {
            assertThat(models.currentVersion()).isEqualTo(FinderModel.shipped().version());
        } else {
            assertThat(models.currentVersion()).isNotEqualTo(FinderModel.shipped().version());
        }
    }

    @Test
    void aModelTrainedOnUnchangedJudgmentsIsKeptNotTrainedAgain() {
        models.retrain();
        FinderModels.Trained kept = models.trained();
        models.retrain();
        assertThat(models.trained()).as("the same model, by what it was trained on").isSameAs(kept);
    }

    @Test
    void retrainingOnAJudgmentGivesANewVersionThatSuggestionsCarry() {
        String before = models.retrain();
        int judgedBefore = models.current().judgedPairs();
        long ours = ownJp;
        long theirs = ownUs;
        judgeOwnPair(!ownPairJudgedSame());
        String after = models.retrain();
        assertThat(after).isNotEqualTo(before).isEqualTo(models.currentVersion());
        assertThat(models.current().judgedPairs()).isEqualTo(judgedPairs.latest().size())
                .isBetween(judgedBefore, judgedBefore + 1);
        Http web = new Http(port).signIn("us.acq", "demo");
        var pair = web.get("/opportunities/pair?a=" + ours + "&b=" + theirs + "&lang=en", null);
        assertThat(pair.status()).isEqualTo(200);
        assertThat(pair.body()).contains("Likelihood of a shared need", "model " + after);
        var api = new Http(port).get("/api/v1/requirements/" + ours + "/matches",
                new Http(port).token("us.acq", "demo"));
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.body()).contains("\"modelVersion\":\"" + after + "\"", "\"likelihood\":");
    }

    @Test
    void aChangedJudgmentRetrainsTheModelInTheBackgroundWithoutARequestWaiting() throws InterruptedException {
        String before = models.retrain();
        judgeOwnPair(!ownPairJudgedSame());
        assertThat(models.currentVersion()).as("the model in use stays until the new one is ready").isEqualTo(before);
        // the retrain delay (20 s) and one training; the bound is generous, not a measure of speed
        for (int i = 0; i < 240 && models.currentVersion().equals(before); i++) {
            Thread.sleep(500);
        }
        assertThat(models.currentVersion()).isNotEqualTo(before);
        assertThat(models.current().judgedPairs()).isEqualTo(judgedPairs.latest().size());
    }

    @Test
    void theModelPageShowsTheVersionAndAnalystsRetrain() {
        Http analyst = new Http(port).signIn("us.acq", "demo");
        var page = analyst.get("/opportunities/model?lang=ja", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("協力機会探索モデル", models.currentVersion(), "再学習", "交差検証", "blind-e",
                "banner-unclassified");
        judgeOwnPair(!ownPairJudgedSame());
        var posted = analyst.form("/opportunities/model", Http.csrf(page.body()), java.util.Map.of());
        assertThat(posted.status()).isIn(200, 302, 303);
        String retrained = models.currentVersion();
        assertThat(retrained).isNotEqualTo(FinderModel.shipped().version());
        assertThat(analyst.get("/opportunities/model?lang=en", null).body()).contains(retrained, "Retrain");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'FINDER_MODEL_RETRAINED'")
                .query(Long.class).single()).isPositive();

        Http industry = new Http(port).signIn("us.industry", "demo");
        var seen = industry.get("/opportunities/model?lang=en", null);
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.body()).contains(retrained).doesNotContain(">Retrain<");
        var refused = industry.form("/opportunities/model", Http.csrf(seen.body()), java.util.Map.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(models.currentVersion()).isEqualTo(retrained);
    }
}
