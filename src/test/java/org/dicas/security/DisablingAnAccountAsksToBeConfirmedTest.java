package org.dicas.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.dicas.PlatformTest;
import org.dicas.support.Http;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Disabling an account signs its user out everywhere and revokes their tokens: the account page asks to be
 * confirmed, saying so in the reader's language, before it disables; enabling (which takes nothing away) is one step.
 */
@PlatformTest
class DisablingAnAccountAsksToBeConfirmedTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    long accountId(String username) {
        return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
    }

    @Test
    void theDisableButtonOnlyOpensAConfirmStepThatSaysWhatWillHappen() {
        long id = accountId("au.dod");
        Document en = Jsoup.parse(new Http(port).signIn("admin", "demo").get("/admin/users/" + id, null).body());
        Element form = en.selectFirst("form[action=/admin/users/" + id + "/enabled]");
        assertThat(form).isNotNull();
        Element confirm = form.selectFirst("details.confirm");
        assertThat(confirm).isNotNull();
        assertThat(confirm.selectFirst("summary").text()).isEqualTo("Disable account");
        assertThat(confirm.text()).contains("signed out everywhere").contains("API tokens are revoked");
        assertThat(form.select("button[type=submit]")).hasSize(1)
                .allSatisfy(b -> assertThat(b.closest("details")).isSameAs(confirm));

        Document ja = Jsoup.parse(new Http(port).inLanguage("ja").signIn("admin", "demo")
                .get("/admin/users/" + id, null).body());
        assertThat(ja.selectFirst("form[action=/admin/users/" + id + "/enabled] details.confirm").text())
                .contains("アカウントを無効化").contains("APIトークンは失効します");
    }
}
