package org.dicas;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.dicas.support.Browsers;
import org.dicas.support.Chromium;
import org.dicas.support.ChromiumPerClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The marking picker in a real (headless) Chromium (issue 15, point 1), as us.policy on a new document: the notice is
 * accepted before sign-in; the marking is picked — level, REL TO nations, a need-to-know group, an export control —
 * and the banner field and the server's preview follow every choice; typing into the field a banner of a group the author is not in
 * shows the server's warning, and the picker refuses to take over what it cannot show; a typed banner it can show is
 * taken over; the document is saved and carries exactly the picked marking. Without script, the banner field alone
 * still works. No CSP violation or script error; axe-core finds no serious or critical violation, English and Japanese.
 */
@PlatformTest
class MarkingPickerBrowserTest {

    private static final String PICKED = "CUI//REL TO USA, JPN//GROUP PLENARY";

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private final List<String> consoleProblems = new ArrayList<>();

    @Test
    void pickAMarkingSeeThePreviewAndTheWarningSaveAndTheDocumentCarriesIt() {
        List<String> problems = new ArrayList<>();
        try (BrowserContext context = newContext(true)) {
            Page page = context.newPage();
            signIn(page, "us.policy");
            page.navigate(url("/documents/new?lang=en"));
            Locator banner = page.locator("#marking");
            Locator preview = page.locator("#marking-preview");
            assertThat(page.locator("#marking-picker")).isVisible();
            page.locator("#title").fill("Picked marking document");
            page.locator("#body").fill("Marked with the picker.");

            page.locator("label[for=marking-level-CUI]").click();
            assertThat(banner).hasValue("CUI");
            assertThat(preview.locator(".marking-preview-banner")).hasText("CUI");
            page.locator("label[for=marking-release-REL_TO]").click();
            assertThat(banner).hasValue("CUI//REL TO USA");
            page.locator("label[for=marking-nation-JPN]").click();
            assertThat(banner).hasValue("CUI//REL TO USA, JPN");
            // the keyboard reaches every choice: a group checked with the space bar
            page.locator("#marking-group-PLENARY").focus();
            page.keyboard().press("Space");
            assertThat(banner).hasValue(PICKED);
            page.locator("#marking-regime").selectOption("ITAR");
            page.locator("#marking-reference").fill("USML-IV");
            assertThat(banner).hasValue(PICKED + "//EXPORT ITAR USML-IV");
            assertThat(preview.locator(".marking-preview-banner")).hasText(PICKED + "//EXPORT ITAR USML-IV");
            page.locator("#marking-regime").selectOption("");
            assertThat(banner).hasValue(PICKED);
            assertThat(preview.locator(".marking-preview-banner")).hasText(PICKED);
            assertEquals(0, preview.locator(".marking-warning").count(), "a marking the author reads: no warning");
            Browsers.screenshot(page, "marking-picker-en.png");
            Browsers.checkAccessibility(page, "picker-en", problems);

            // an expert types the banner (typing into the field steps the picker aside): a group the author is not
            // in is warned about by the server
            banner.fill("CUI//GROUP WG-SHIP");
            assertThat(page.locator("#marking-picker")).isHidden();
            assertThat(page.locator(".marking-mode")).hasText("Build the banner with the picker");
            assertThat(preview.locator(".marking-warning")).containsText(
                    "You could not read back a record marked CUI//GROUP WG-SHIP");
            assertThat(preview.locator(".marking-warning")).containsText("none of its need-to-know groups (WG-SHIP)");
            Browsers.screenshot(page, "marking-picker-warning-en.png");
            Browsers.checkAccessibility(page, "picker-typed-en", problems);
            // the picker does not offer WG-SHIP to this author: it will not take this banner over
            // the keyboard reaches the toggle too
            page.locator(".marking-mode").focus();
            page.keyboard().press("Enter");
            assertThat(page.locator(".marking-cannot-pick")).isVisible();
            assertThat(banner).isEditable();
            // a malformed banner: the server names the problem
            banner.fill("CUI//PROPIN//NOFORN");
            assertThat(preview.locator(".marking-problem")).containsText("controls must be in the order");
            // a banner it can show is taken over: its parts become the picker's choices
            banner.fill("UNCLASSIFIED//NOFORN");
            page.locator(".marking-mode").click();
            assertThat(page.locator("#marking-picker")).isVisible();
            assertThat(page.locator("#marking-level-UNCLASSIFIED")).isChecked();
            assertThat(page.locator("#marking-release-NOFORN")).isChecked();
            page.locator("label[for=marking-level-CUI]").click();
            assertThat(banner).hasValue("CUI//NOFORN");
            page.locator("label[for=marking-release-REL_TO]").click();
            page.locator("label[for=marking-nation-JPN]").click();
            page.locator("label[for=marking-group-PLENARY]").click();
            assertThat(banner).hasValue(PICKED);
            assertThat(preview.locator(".marking-preview-banner")).hasText(PICKED);

            page.locator("main form button.primary").click();
            page.waitForURL(Pattern.compile(".*/documents/\\d+$"));
            assertTrue(page.locator("main").innerText().contains("(" + PICKED + ")"), "the document shows its marking");
            assertEquals(PICKED, jdbc.sql("select marking from record where title = 'Picked marking document'")
                    .query(String.class).single(), "the record carries the picked marking");

            page.navigate(url("/documents/new?lang=ja"));
            assertThat(page.locator("#marking-picker legend").first()).hasText("区分表示の作成");
            page.locator("label[for=marking-level-UNCLASSIFIED]").click();
            assertThat(preview.locator(".marking-preview-banner")).hasText("UNCLASSIFIED");
            Browsers.screenshot(page, "marking-picker-ja.png");
            Browsers.checkAccessibility(page, "picker-ja", problems);
            page.navigate(url("/documents/new?lang=en"));
        }
        assertTrue(consoleProblems.isEmpty(), String.join("\n", consoleProblems));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void withoutScriptTheBannerFieldAloneStillWorks() {
        try (BrowserContext context = newContext(false)) {
            Page page = context.newPage();
            signIn(page, "us.policy");
            page.navigate(url("/documents/new?lang=en"));
            assertFalse(page.locator("#marking-picker").isVisible(), "no script: no picker");
            assertFalse(page.locator(".marking-mode").isVisible(), "no script: no toggle");
            assertTrue(page.locator("#marking").isEditable(), "no script: the banner is typed");
            page.locator("#title").fill("Typed marking document");
            page.locator("#body").fill("Marked by hand.");
            page.locator("#marking").fill("UNCLASSIFIED//REL TO USA, AUS");
            page.locator("main form button.primary").click();
            page.waitForURL(Pattern.compile(".*/documents/\\d+$"));
            assertEquals("UNCLASSIFIED//REL TO USA, AUS",
                    jdbc.sql("select marking from record where title = 'Typed marking document'")
                            .query(String.class).single());
        }
    }

    private void signIn(Page page, String username) {
        chromium.signIn(page, url(""), username);
    }

    private BrowserContext newContext(boolean script) {
        BrowserContext c = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("en-US")
                .setViewportSize(1280, 900).setJavaScriptEnabled(script));
        c.setDefaultTimeout(15_000);
        Browsers.watchScripts(c, consoleProblems);
        return c;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
