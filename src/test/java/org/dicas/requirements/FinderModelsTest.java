package org.dicas.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import org.dicas.PlatformTest;
import org.dicas.requirements.engine.FinderModel;
import org.dicas.support.Http;
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

    long demo(String titleLike) {
        return jdbc.sql("select id from requirement where title_en like :t or title_ja like :t order by id limit 1")
                .param("t", titleLike).query(Long.class).single();
    }

    /** Records a judgment of the glide-phase interceptor pair as the US official, through the API. */
    void judgeGlidePhasePair(boolean sameNeed) {
        Http http = new Http(port);
        var r = http.post(PairJudgmentsTest.judgments(demo("Glide Phase Interceptor%")), http.token("us.acq", "demo"),
                PairJudgmentsTest.judgment(demo("滑空段階迎撃用誘導弾%"), sameNeed, sameNeed ? null : "SIBLING_SYSTEM",
                        ""));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
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
        long gpi = demo("滑空段階迎撃用誘導弾%");
        long other = demo("Glide Phase Interceptor%");
        boolean wasSame = judgedPairs.latest().contains(new JudgedPair(Math.min(gpi, other), Math.max(gpi, other), true));
        judgeGlidePhasePair(!wasSame);
        String after = models.retrain();
        assertThat(after).isNotEqualTo(before).isEqualTo(models.currentVersion());
        assertThat(models.current().judgedPairs()).isEqualTo(judgedPairs.latest().size())
                .isBetween(judgedBefore, judgedBefore + 1);
        Http web = new Http(port).signIn("us.acq", "demo");
        var pair = web.get("/opportunities/pair?a=" + gpi + "&b=" + other + "&lang=en", null);
        assertThat(pair.status()).isEqualTo(200);
        assertThat(pair.body()).contains("Likelihood of a shared need", "model " + after);
        var api = new Http(port).get("/api/v1/requirements/" + gpi + "/matches",
                new Http(port).token("us.acq", "demo"));
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.body()).contains("\"modelVersion\":\"" + after + "\"", "\"likelihood\":");
    }

    @Test
    void aChangedJudgmentRetrainsTheModelInTheBackgroundWithoutARequestWaiting() throws InterruptedException {
        String before = models.retrain();
        long gpi = demo("滑空段階迎撃用誘導弾%");
        long other = demo("Glide Phase Interceptor%");
        boolean wasSame = judgedPairs.latest().contains(new JudgedPair(Math.min(gpi, other), Math.max(gpi, other), true));
        judgeGlidePhasePair(!wasSame);
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
        judgeGlidePhasePair(false);
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
