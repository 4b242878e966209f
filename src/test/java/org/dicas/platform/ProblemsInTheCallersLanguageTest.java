package org.dicas.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.dicas.PlatformTest;
import org.dicas.support.Http;
import org.dicas.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The API's problem responses speak the caller's language ({@code Accept-Language}): refused input with the field's
 * label, a write rule's reason, a hidden or missing record, bad JSON, a missing sign-in (written by a filter, outside
 * Spring MVC) and Spring's own 405 — in Japanese for {@code ja}, in English for {@code en}, with the same
 * {@code messageKey} for programs.
 */
@PlatformTest
class ProblemsInTheCallersLanguageTest {

    @LocalServerPort
    int port;

    final HttpClient client = HttpClient.newHttpClient();
    String officer;
    String industry;

    @BeforeEach
    void setUp() {
        Http http = new Http(port);
        officer = Tokens.of(port, "us.fdo");
        industry = Tokens.of(port, "us.industry");
    }

    record Answer(int status, JsonNode json, String contentType) {
        String detail() {
            return json.get("detail").asString();
        }

        String title() {
            return json.get("title").asString();
        }

        String key() {
            return json.has("messageKey") ? json.get("messageKey").asString() : null;
        }
    }

    Answer send(String method, String path, String token, String language, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json").header("Accept-Language", language);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(r.statusCode(), Http.JSON.readTree(r.body()),
                r.headers().firstValue("Content-Type").orElse(""));
    }

    static final String NO_NUMBER = """
            {"number":"","kind":"LICENCE","regime":"ITAR","coveredNations":["JPN"],
             "validFrom":"2026-01-01","validTo":"2026-12-31","note":""}""";

    @Test
    void refusedInputNamesTheFieldByItsLabelInTheCallersLanguage() throws Exception {
        Answer ja = send("POST", "/api/v1/authorizations", officer, "ja", NO_NUMBER);
        Answer en = send("POST", "/api/v1/authorizations", officer, "en-US,en;q=0.8", NO_NUMBER);
        assertThat(ja.status()).isEqualTo(400);
        assertThat(ja.contentType()).startsWith("application/problem+json");
        assertThat(ja.detail()).isEqualTo("番号：許可には64文字以内の番号が必要です。");
        assertThat(ja.title()).isEqualTo("入力に誤りがあります");
        assertThat(en.detail()).isEqualTo("Number: an authorization needs a number of at most 64 characters");
        assertThat(en.title()).isEqualTo("Bad Request");
        assertThat(ja.key()).isEqualTo(en.key()).isEqualTo("authorization.error.number");
        assertThat(ja.json().get("field").asString()).isEqualTo("number");
    }

    @Test
    void aWriteRulesRefusalGivesTheRulesReason() throws Exception {
        String body = "{\"titleEn\":\"PROBLEMLANG\",\"needBy\":\"2030-01-01\",\"marking\":\"PUBLIC\"}";
        Answer ja = send("POST", "/api/v1/requirements", industry, "ja", body);
        Answer en = send("POST", "/api/v1/requirements", industry, "en", body);
        assertThat(ja.status()).isEqualTo(403);
        assertThat(ja.detail()).isEqualTo("運用要求とその取得計画を登録できるのは政府職員のみです。産業界の利用者は閲覧のみです。");
        assertThat(ja.title()).isEqualTo("許可されていません");
        assertThat(en.detail()).startsWith("Only government users write requirements");
        assertThat(ja.key()).isEqualTo("rule.requirement.governmentOnly");
    }

    @Test
    void aMissingRecordIsNamedByItsKind() throws Exception {
        Answer ja = send("GET", "/api/v1/requirements/987654321", officer, "ja", null);
        Answer en = send("GET", "/api/v1/requirements/987654321", officer, "en", null);
        assertThat(ja.status()).isEqualTo(404);
        assertThat(ja.detail()).isEqualTo("運用要求987654321は見つかりません。");
        assertThat(en.detail()).isEqualTo("Requirement 987654321 not found");
    }

    @Test
    void badJsonAndBadQueryParametersInTheCallersLanguage() throws Exception {
        Answer malformed = send("POST", "/api/v1/authorizations", officer, "ja", "{\"number\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.detail()).startsWith("JSONの形式が正しくありません");
        Answer unknown = send("POST", "/api/v1/authorizations", officer, "ja", "{\"numbr\":\"X\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.detail()).isEqualTo("numbr：不明な項目です。");
        Answer page = send("GET", "/api/v1/requirements?page=0", officer, "ja", null);
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.detail()).isEqualTo("ページ：1から2147483647までの整数で指定してください（指定値：「0」）。");
        Answer pageEn = send("GET", "/api/v1/requirements?page=0", officer, "en", null);
        assertThat(pageEn.detail()).isEqualTo("Page: must be a whole number from 1 to 2147483647, not '0'");
    }

    @Test
    void aProblemWrittenByAFilterFollowsAcceptLanguageToo() throws Exception {
        Answer ja = send("GET", "/api/v1/requirements", null, "ja,en;q=0.5", null);
        Answer en = send("GET", "/api/v1/requirements", null, "en", null);
        assertThat(ja.status()).isEqualTo(401);
        assertThat(ja.title()).isEqualTo("認証されていません");
        assertThat(ja.detail()).isEqualTo("有効なベアラートークンを送ってください（POST /api/v1/auth/token）。");
        assertThat(en.detail()).isEqualTo("send a valid bearer token (POST /api/v1/auth/token)");
        assertThat(ja.key()).isEqualTo("problem.signInRequired");
    }

    @Test
    void springsOwnProblemsComeFromTheBundles() throws Exception {
        Answer ja = send("PATCH", "/api/v1/requirements", officer, "ja", "{}");
        assertThat(ja.status()).isEqualTo(405);
        assertThat(ja.detail()).startsWith("ここではPATCHは使用できません。");
        assertThat(ja.title()).isEqualTo("この方法では操作できません");
        Answer en = send("PATCH", "/api/v1/requirements", officer, "en", "{}");
        assertThat(en.detail()).startsWith("method PATCH is not supported here");
    }

    @Test
    void aWrongSignInIsSaidInTheCallersLanguage() throws Exception {
        Answer ja = send("POST", "/api/v1/auth/token", null, "ja",
                "{\"username\":\"nobody.problemlang\",\"password\":\"wrong-password\"}");
        assertThat(ja.status()).isEqualTo(401);
        assertThat(ja.detail()).isEqualTo("ユーザー名又はパスワードが正しくありません。");
    }
}
