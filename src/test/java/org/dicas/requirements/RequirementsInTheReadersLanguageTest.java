package org.dicas.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.dicas.PlatformTest;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.support.Http;
import org.dicas.support.RequirementCopies;
import org.dicas.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The requirements API speaks the caller's language (issue 14): the finder's explanations, the pipeline's history and
 * refused input follow {@code Accept-Language}; codes stay codes in their own fields. The same call in English and in
 * Japanese is compared, so a sentence left in English, or a key shown instead of a sentence, fails.
 */
@PlatformTest
class RequirementsInTheReadersLanguageTest {

    static final String GPI_US = "Glide Phase Interceptor (GPI) against hypersonic glide vehicles";
    static final String GPI_JP = "滑空段階迎撃用誘導弾（GPI）の日米共同開発・取得";
    /** A Latin-script word of three letters or more that is not an id, a code or a designator. */
    static final Pattern ENGLISH_WORD = Pattern.compile("\\b(?:[a-z]{3,})\\b");

    @LocalServerPort
    int port;
    @Autowired
    Requirements requirements;
    @Autowired
    Directory directory;

    Http http;
    String jp;
    long gpiUs;
    long gpiJp;
    /** The copies of the GPI pair the last {@link #track} tracked (the pipeline refuses to track one pair twice). */
    long trackedUs;
    long trackedJp;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        jp = Tokens.of(port, "jp.atla");
        DicasUser jpUser = directory.userByUsername("jp.atla").orElseThrow();
        gpiUs = id(jpUser, GPI_US);
        gpiJp = id(jpUser, GPI_JP);
    }

    long id(DicasUser user, String title) {
        return requirements.readable(user).stream().filter(r -> title.equals(r.titleEn()) || title.equals(r.titleJa()))
                .findFirst().orElseThrow().id();
    }

    HttpResponse<String> send(String method, String path, String language, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + jp).header("Accept-Language", language);
        if (json == null) {
            b.GET();
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(HttpResponse<String> r) {
        return Http.JSON.readTree(r.body());
    }

    JsonNode gpiMatch(String language) throws Exception {
        HttpResponse<String> r = send("GET", "/api/v1/requirements/" + gpiJp + "/matches", language, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        for (JsonNode m : json(r).get("items")) {
            if (m.get("requirementId").asLong() == gpiUs) {
                return m;
            }
        }
        throw new AssertionError("the GPI pair is not among the matches: " + r.body());
    }

    @Test
    void theFindersExplanationIsInTheCallersLanguageWithTheCapabilityAreaByName() throws Exception {
        JsonNode en = gpiMatch("en").get("explanation");
        JsonNode ja = gpiMatch("ja").get("explanation");

        assertThat(en.get("summary").asString()).startsWith("Likely cooperative opportunity: both mention")
                .contains("need windows");
        String japanese = ja.get("summary").asString();
        assertThat(japanese).startsWith("協力機会の可能性が高い：双方が").contains("所要時期")
                .doesNotContain("??").doesNotContain("Likely").doesNotContain("both mention")
                .doesNotContain(ja.get("capabilityArea").asString());
        assertThat(ENGLISH_WORD.matcher(japanese.replace(GPI_US, "")).results().map(m -> m.group()).toList())
                .as("no English words in the Japanese explanation: " + japanese).isEmpty();
        assertThat(ja.get("capabilityArea").asString()).as("the code stays a code in its own field")
                .isEqualTo(en.get("capabilityArea").asString()).matches("[A-Z_]+(\\.[A-Z_]+)?");
    }

    @Test
    void thePairExplanationFollowsTheCallersLanguageToo() throws Exception {
        String path = "/api/v1/opportunities/pair?a=" + gpiJp + "&b=" + gpiUs;
        assertThat(json(send("GET", path, "en", null)).get("explanation").get("summary").asString())
                .startsWith("Likely cooperative opportunity");
        assertThat(json(send("GET", path, "ja", null)).get("explanation").get("summary").asString())
                .startsWith("協力機会の可能性が高い");
    }

    @Test
    void refusedInputIsExplainedInTheCallersLanguage() throws Exception {
        String body = """
                {"service": "JASDF", "capabilityArea": "AIR.NOPE", "titleJa": "練習機", "needBy": "2030-03-31",
                 "marking": "CUI//REL TO JPN, USA"}""";
        HttpResponse<String> ja = send("POST", "/api/v1/requirements", "ja", body);
        assertThat(ja.statusCode()).as(ja.body()).isEqualTo(400);
        assertThat(json(ja).get("detail").asString()).isEqualTo("能力分野：不明な能力分野「AIR.NOPE」");
        assertThat(json(ja).get("messageKey").asString()).isEqualTo("requirement.error.unknownArea");
        HttpResponse<String> en = send("POST", "/api/v1/requirements", "en", body);
        assertThat(json(en).get("detail").asString()).isEqualTo("Capability area: unknown capability area \"AIR.NOPE\"");

        HttpResponse<String> stage = send("POST", "/api/v1/opportunities/" + track() + "/stage", "ja",
                "{\"toStage\": \"PROGRAM\"}");
        assertThat(stage.statusCode()).as(stage.body()).isEqualTo(400);
        assertThat(json(stage).get("detail").asString())
                .isEqualTo("移行先の段階：「候補」の協力機会は「検討中」へ進みます（理由を付して一つ前の段階へ戻すこともできます）。"
                        + "「プログラム」へは移行できません");
    }

    long track() throws Exception {
        Map<String, Object> b = new HashMap<>();
        b.put("title", "GPI cooperation (language test)");
        DicasUser jpUser = directory.userByUsername("jp.atla").orElseThrow();
        trackedUs = RequirementCopies.copy(http, http.token("us.acq", "demo"), requirements.find(gpiUs, jpUser)
                .orElseThrow());
        trackedJp = RequirementCopies.copy(http, jp, requirements.find(gpiJp, jpUser).orElseThrow());
        b.put("requirementIds", List.of(trackedUs, trackedJp));
        b.put("nextStep", "Compare schedules");
        HttpResponse<String> r = send("POST", "/api/v1/opportunities", "ja", Http.JSON.writeValueAsString(b));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json(r).get("id").asLong();
    }

    @Test
    void thePipelineHistoryIsRenderedInEachReadersLanguage() throws Exception {
        long id = track();
        HttpResponse<String> back = send("POST", "/api/v1/opportunities/" + id + "/stage", "en",
                "{\"toStage\": \"LEAD\", \"reason\": \"日程の確認を先に行う\"}");
        assertThat(back.statusCode()).as(back.body()).isEqualTo(200);

        JsonNode en = json(send("GET", "/api/v1/opportunities/" + id, "en", null)).get("history");
        JsonNode ja = json(send("GET", "/api/v1/opportunities/" + id, "ja", null)).get("history");
        assertThat(en.get(0).get("detail").asString())
                .isEqualTo("created linking requirements " + trackedUs + ", " + trackedJp);
        assertThat(ja.get(0).get("detail").asString()).isEqualTo("運用要求 " + trackedUs + "、" + trackedJp + " を関連付けて作成");
        assertThat(en.get(1).get("detail").asString()).isEqualTo("back");
        assertThat(ja.get(1).get("detail").asString()).isEqualTo("前の段階へ差戻し");
        assertThat(ja.get(1).get("note").asString()).as("what a person wrote stays as written")
                .isEqualTo("日程の確認を先に行う");
        assertThat(ja.get(1).get("from").asString()).as("stages stay codes").isEqualTo("CANDIDATE");
    }
}
