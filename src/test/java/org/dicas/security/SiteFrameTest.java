package org.dicas.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.dicas.PlatformTest;
import org.dicas.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The frame of every page (security.internal.SiteChromeDialect writes the head's links, the header and the footer):
 * the menu follows the reader's roles, the banner the page's marking, the reader's name and language the reader, the
 * search words come back escaped, a signed-out page has no reader's box, and the sign-out form carries its CSRF field.
 */
@PlatformTest
class SiteFrameTest {

    @LocalServerPort
    int port;

    @Test
    void theMenuOpensWhatTheReadersRolesOpenAndNothingElse() {
        String official = new Http(port).signIn("jp.atla", "demo").get("/working-groups", null).body();
        String officer = new Http(port).signIn("us.fdo", "demo").get("/working-groups", null).body();
        String admin = new Http(port).signIn("admin", "demo").get("/working-groups", null).body();
        assertThat(official).contains("<li><a href=\"/requirements\">Requirements</a></li>")
                .doesNotContain("href=\"/authorizations\"").doesNotContain("href=\"/admin/users\"")
                .doesNotContain("href=\"/admin/audit\"");
        assertThat(officer).contains("href=\"/authorizations\"").doesNotContain("href=\"/admin/users\"");
        assertThat(admin).contains("<li><a href=\"/admin/users\">Users</a></li>", "href=\"/admin/audit\"")
                .doesNotContain("href=\"/authorizations\"");
        // the notifications item carries the reader's own unread count; the sign-out form its CSRF field
        assertThat(official).containsPattern("<li><a href=\"/notifications\">Notifications \\(\\d+\\)</a></li>")
                .containsPattern("<form action=\"/logout\" method=\"post\" class=\"inline\"><input type=\"hidden\" "
                        + "name=\"_csrf\" value=\"[^\"]+\"/>");
    }

    @Test
    void theFrameSpeaksTheReadersLanguageAndNamesTheReader() {
        String ja = new Http(port).inLanguage("ja").signIn("jp.atla", "demo").get("/working-groups", null).body();
        assertThat(ja).contains("<html lang=\"ja\">", "<li><a href=\"/requirements\">運用要求</a></li>",
                        "<a href=\"?lang=ja\" lang=\"ja\" hreflang=\"ja\" aria-current=\"true\">日本語</a>",
                        "<a href=\"?lang=en\" lang=\"en\" hreflang=\"en\">English</a>")
                .containsPattern("<span class=\"user-name\">[^<]*日本[^<]*</span>")
                .containsPattern("<title>[^<]+ — [^<]+</title>");
    }

    @Test
    void searchWordsComeBackEscapedInTheHeader() {
        String words = "<b>x</b> \"y\" & 'z'";
        String page = new Http(port).signIn("jp.atla", "demo")
                .get("/search?q=" + URLEncoder.encode(words, StandardCharsets.UTF_8), null).body();
        assertThat(page).contains("name=\"q\" value=\"&lt;b&gt;x&lt;/b&gt; &quot;y&quot; &amp; &#39;z&#39;\"")
                .doesNotContain("<b>x</b>");
    }

    @Test
    void theSignInPageHasTheHeadsLinksAndASignedInPageItsBannerTopAndFoot() {
        String login = new Http(port).get("/login", null).body();
        assertThat(login).contains("<link rel=\"icon\" href=\"/img/favicon.svg\" type=\"image/svg+xml\">",
                "<link rel=\"stylesheet\" href=\"/css/tokens.css\">", "<script src=\"/js/htmx.min.js\" defer></script>")
                .doesNotContain("class=\"user-box\"");
        String page = new Http(port).signIn("jp.atla", "demo").get("/working-groups", null).body();
        assertThat(page.split("<div class=\"banner banner-", -1)).as("the banner at the top and at the foot").hasSize(3);
        assertThat(page).containsPattern("<footer class=\"site-footer\">\\s*<div class=\"banner banner-\\w+\" role=\"note\" "
                + "aria-label=\"[^\"]+\">\\s*<span>[A-Z]");
    }
}
