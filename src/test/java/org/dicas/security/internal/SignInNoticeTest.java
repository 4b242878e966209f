package org.dicas.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dicas.PlatformTest;
import org.dicas.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The notice and consent before sign-in (issue 15, point 8): the sign-in page shows the notice first and the form only
 * once it is accepted; a sign-in tried around it is sent back and not even tried; the acceptance goes into the audit
 * log under the person's name with the notice they accepted; every sign-in after a sign-out needs its own acceptance.
 */
@PlatformTest
class SignInNoticeTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SignInNotice notice;

    private long audited(String actor, String action) {
        return jdbc.sql("select count(*) from audit_entry where actor = :a and action = :x").param("a", actor)
                .param("x", action).query(Long.class).single();
    }

    @Test
    void theSignInPageShowsTheNoticeFirstAndTheFormOnlyOnceItIsAccepted() {
        Http web = new Http(port);
        String first = web.get("/login", null).body();
        assertThat(first).contains("<h2 id=\"notice-heading\">Notice and consent</h2>",
                "communications and data on this system are monitored", "action=\"/login/notice\"", "id=\"accept-notice\"");
        assertThat(first).doesNotContain("id=\"username\"", "id=\"password\"", "/oauth2/authorization/");
        var accepted = web.form("/login/notice", Http.csrf(first), Map.of());
        assertThat(accepted.status()).isEqualTo(302);
        assertThat(accepted.header("Location")).endsWith("/login");
        String form = web.get("/login", null).body();
        assertThat(form).contains("id=\"username\"", "id=\"password\"",
                "You accepted the notice and consent for this sign-in.").doesNotContain("id=\"accept-notice\"");
    }

    @Test
    void theNoticeIsInTheReadersLanguage() {
        String page = new Http(port).inLanguage("ja").get("/login", null).body();
        assertThat(page).contains("利用上の注意及び同意事項", "監査の対象となります", "注意事項を読み、同意します")
                .doesNotContain("Notice and consent");
    }

    @Test
    void aPasswordSignInWithoutTheNoticeAcceptedIsSentBackAndNotTried() {
        long signIns = audited("us.navy", "SIGN_IN");
        long failures = audited("us.navy", "SIGN_IN_FAILED");
        Http web = new Http(port);
        String page = web.get("/login", null).body();
        var r = web.form("/login", Http.csrf(page), Map.of("username", "us.navy", "password", "demo"));
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.header("Location")).endsWith("/login");
        assertThat(web.get("/", null).status()).as("not signed in").isEqualTo(302);
        assertThat(audited("us.navy", "SIGN_IN")).isEqualTo(signIns);
        assertThat(audited("us.navy", "SIGN_IN_FAILED")).as("the password was not tried").isEqualTo(failures);
        // the same person, once they accept the notice, signs in
        web.signIn("us.navy", "demo");
        assertThat(web.get("/", null).status()).isEqualTo(200);
    }

    @Test
    void theAcceptanceIsAuditedUnderThePersonsNameWithTheNoticeTheyAccepted() {
        Http web = new Http(port).inLanguage("ja").signIn("jp.msdf", "demo");
        assertThat(web.get("/", null).status()).isEqualTo(200);
        List<Map<String, Object>> entries = jdbc.sql("""
                        select action, detail_sentence from audit_entry where actor = 'jp.msdf'
                        and action in ('SIGN_IN_NOTICE_ACCEPTED', 'SIGN_IN') order by id desc limit 2""")
                .query().listOfRows();
        assertThat(entries).extracting(e -> e.get("action")).containsExactly("SIGN_IN", "SIGN_IN_NOTICE_ACCEPTED");
        org.dicas.shared.Sentence detail = org.dicas.shared.SentenceJson.read((String) entries.get(1).get("detail_sentence"));
        assertThat(detail.key()).isEqualTo("audit.detail.signInNotice");
        assertThat(detail.english()).startsWith("Notice and consent " + notice.text(Locale.JAPANESE).digest()
                + " accepted (language ja, ");
        assertThat(org.dicas.shared.Sentences.render(detail, Locale.JAPANESE))
                .startsWith("利用上の注意及び同意事項（" + notice.text(Locale.JAPANESE).digest() + "）に同意（表示言語 ja、");
        assertThat(notice.text(Locale.JAPANESE).digest()).isNotEqualTo(notice.text(Locale.ENGLISH).digest());
    }

    @Test
    void afterSigningOutTheNextSignInNeedsItsOwnAcceptance() {
        Http web = new Http(port).signIn("us.policy", "demo");
        String home = web.get("/", null).body();
        var out = web.form("/logout", Http.csrf(home), Map.of());
        assertThat(out.header("Location")).endsWith("/login?logout");
        String page = web.get("/login?logout", null).body();
        assertThat(page).contains("You have signed out.", "id=\"accept-notice\"").doesNotContain("id=\"username\"");
    }

    @Test
    void aSingleSignOnCannotStartBeforeTheNoticeIsAccepted() {
        var r = new Http(port).get("/oauth2/authorization/anyprovider", null);
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.header("Location")).endsWith("/login");
    }

    @Test
    void theApiIsForProgramsAndIsNotHeldToTheNotice() {
        assertThat(new Http(port).token("us.acq", "demo")).isNotBlank();
    }

    @Test
    void anOperatorsTextReplacesTheDefaultParagraphByParagraphAndFallsBackToEnglish() {
        SignInNotice configured = new SignInNotice(new SignInNoticeProperties(true,
                Map.of("en", "U.S. Government (USG) Information System (IS)"),
                Map.of("en", "You are accessing a USG Information System.\n\nBy using this IS you consent to monitoring.",
                        "ja", "政府の情報システムです。\n \n利用により監視に同意したものとみなされます。")));
        SignInNotice.Text en = configured.text(Locale.ENGLISH);
        assertThat(en.title()).isEqualTo("U.S. Government (USG) Information System (IS)");
        assertThat(en.paragraphs()).containsExactly("You are accessing a USG Information System.",
                "By using this IS you consent to monitoring.");
        SignInNotice.Text ja = configured.text(Locale.JAPANESE);
        assertThat(ja.title()).as("no Japanese title configured: the English one").isEqualTo(en.title());
        assertThat(ja.paragraphs()).containsExactly("政府の情報システムです。", "利用により監視に同意したものとみなされます。");
        assertThat(ja.digest()).isNotEqualTo(en.digest());
        assertThat(en.digest()).isNotEqualTo(notice.text(Locale.ENGLISH).digest());
        SignInNotice off = new SignInNotice(new SignInNoticeProperties(false, null, null));
        assertThat(off.enabled()).isFalse();
        assertThat(off.text(Locale.ENGLISH).title()).isEqualTo("Notice and consent");
    }
}
