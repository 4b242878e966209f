package org.dicas.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dicas.PlatformTest;
import org.dicas.requirements.engine.FinderModel;
import org.dicas.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The finder's model in the running platform: trained from the shipped sets and officials' latest judgments, retrained
 * on officials' judgments (the platform's own and, here, a test {@link JudgedPairs} besides) with a new
 * version that every suggestion then carries, and the model page with its Retrain button for analysts only.
 */
@PlatformTest
@Import(FinderModelsTest.Judgments.class)
class FinderModelsTest {

    /** Judgments as the judgments part will provide them: the latest per pair. */
    @TestConfiguration
    static class Judgments {
        static final List<JudgedPair> LATEST = new CopyOnWriteArrayList<>();

        @Bean
        JudgedPairs testJudgedPairs() {
            return () -> List.copyOf(LATEST);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    FinderModels models;
    @Autowired
    OpportunityFinderService finder;
    @Autowired
    JdbcClient jdbc;

    long demo(String titleLike) {
        return jdbc.sql("select id from requirement where title_en like :t or title_ja like :t order by id limit 1")
                .param("t", titleLike).query(Long.class).single();
    }

    @BeforeEach
    void noJudgments() {
        Judgments.LATEST.clear();
        models.retrain();
    }

    @Autowired
    List<JudgedPairs> allJudgments;

    /** Officials' judgments in the platform's own store (the demo's among them), besides this test's. */
    int stored() {
        return allJudgments.stream().mapToInt(j -> j.latest().size()).sum() - Judgments.LATEST.size();
    }

    @Test
    void theModelIsTrainedOnTheShippedSetsAndEveryOfficialsLatestJudgment() {
        assertThat(models.current().judgedPairs()).isEqualTo(stored());
        if (stored() == 0) {
            assertThat(models.currentVersion()).isEqualTo(FinderModel.shipped().version());
        } else {
            assertThat(models.currentVersion()).isNotEqualTo(FinderModel.shipped().version());
        }
    }

    @Test
    void retrainingOnAJudgmentGivesANewVersionThatSuggestionsCarry() {
        long gpi = demo("滑空段階迎撃用誘導弾%");
        long other = demo("Glide Phase Interceptor%");
        String before = models.currentVersion();
        Judgments.LATEST.add(new JudgedPair(gpi, other, true));
        String after = models.retrain();
        assertThat(after).isNotEqualTo(before).isEqualTo(models.currentVersion());
        assertThat(models.current().judgedPairs()).isEqualTo(stored() + 1);
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
    void theModelPageShowsTheVersionAndAnalystsRetrain() {
        Http analyst = new Http(port).signIn("us.acq", "demo");
        var page = analyst.get("/opportunities/model?lang=ja", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("協力機会探索モデル", models.currentVersion(), "再学習", "交差検証", "blind-e",
                "banner-unclassified");
        Judgments.LATEST.add(new JudgedPair(demo("滑空段階迎撃用誘導弾%"), demo("Glide Phase Interceptor%"), false));
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
