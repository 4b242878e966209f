package org.dicas;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dicas.support.Browsers;
import org.dicas.support.ChromiumPerClass;
import org.dicas.support.FirstFinderModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The visual design on the pages people use most (issue 15, point 9; ADR 0044), in a real (headless) Chromium at
 * 1280 px: the sign-in notice, the dashboard, a working group, a meeting, a document, the requirements list, a pair of
 * requirements in the opportunity finder, a meeting form with the marking picker, the supply-chain graph, a repair
 * plan and the audit trail — as jp.atla in Japanese, as U.S. users in English. On every page axe-core finds no serious
 * or critical WCAG 2.1 AA violation (contrast included) and the console no CSP refusal or script error.
 *
 * <p>Each page is photographed (a full page clipped at {@value #MAX_HEIGHT} px) into {@code target/screenshots/design};
 * with {@code -Ddesign.screenshots=docs/design/after} into that directory instead — how the before and after pictures
 * of {@code docs/design/README.md} are made:
 * {@code mvn -o verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=DesignScreenshotsBrowserTest
 * -Djacoco.skip=true -Ddesign.screenshots=docs/design/after}.
 */
@PlatformTest
@ExtendWith(FirstFinderModel.class)
class DesignScreenshotsBrowserTest {

    private static final int MAX_HEIGHT = 2500;

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass();

    @LocalServerPort
    int port;

    private final List<String> consoleProblems = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    @Test
    void theRepresentativePagesAreLegibleAndAccessibleInBothLanguages() {
        try (BrowserContext context = context("en-US")) {
            Page page = context.newPage();
            page.navigate(url("/login?lang=en"));
            shoot(page, "01-sign-in-notice-en");
        }
        try (BrowserContext context = context("ja-JP")) {
            Page page = context.newPage();
            page.navigate(url("/login?lang=ja"));
            shoot(page, "02-sign-in-notice-ja");
            signIn(page, "jp.atla", "ja");
            page.navigate(url("/?lang=ja"));
            shoot(page, "03-dashboard-ja");
            open(page, "/working-groups", "^/working-groups/\\d+$");
            shoot(page, "04-working-group-ja");
            open(page, "/documents", "^/documents/\\d+$");
            shoot(page, "05-document-ja");
            open(page, "/opportunities/finder", "^/opportunities/pair\\?");
            shoot(page, "06-requirement-pair-ja");
        }
        try (BrowserContext context = context("en-US")) {
            Page page = context.newPage();
            signIn(page, "us.acq", "en");
            page.navigate(url("/?lang=en"));
            shoot(page, "07-dashboard-en");
            open(page, "/meetings", "^/meetings/\\d+$");
            shoot(page, "08-meeting-en");
            page.navigate(url("/requirements"));
            shoot(page, "09-requirements-en");
            page.navigate(url("/meetings/new"));
            shoot(page, "10-meeting-form-en");
            String network = firstLink(page, "/supply-chain", "^/supply-chain/networks/\\d+$");
            page.navigate(url(network + "/graph?endItem=AIM-120-US"));
            page.waitForSelector("#network-graph canvas");
            shoot(page, "11-supply-chain-graph-en");
        }
        try (BrowserContext context = context("en-US")) {
            Page page = context.newPage();
            signIn(page, "us.navy", "en");
            page.navigate(url("/sustainment/plans"));
            page.locator("#new-plan-form > summary").click();
            page.locator("#seconds").fill("2");
            page.locator("#new-plan-form button[type=submit]").click();
            page.waitForURL(u -> u.matches(".*/sustainment/plans/\\d+$"));
            page.waitForSelector("#plan-status .plan-status:text-matches('Done|Stopped')",
                    new Page.WaitForSelectorOptions().setTimeout(60_000));
            page.reload();
            page.waitForSelector("#plan-gantt canvas");
            shoot(page, "12-repair-plan-en");
        }
        try (BrowserContext context = context("en-US")) {
            Page page = context.newPage();
            signIn(page, "admin", "en");
            page.navigate(url("/admin/audit"));
            shoot(page, "13-audit-en");
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(consoleProblems.isEmpty(), String.join("\n", consoleProblems));
    }

    /** A browser context as the other browser tests use, with more patience: the pictures are not a speed test. */
    private BrowserContext context(String locale) {
        return Browsers.context(chromium.browser(), locale, true, consoleProblems, 60_000);
    }

    private void signIn(Page page, String username, String language) {
        Browsers.signInWithLanguage(page, url(""), username, language);
    }

    /** Opens the first link of the list at {@code listPath} whose address matches {@code pattern}. */
    private void open(Page page, String listPath, String pattern) {
        page.navigate(url(firstLink(page, listPath, pattern)));
    }

    private String firstLink(Page page, String listPath, String pattern) {
        page.navigate(url(listPath));
        Object href = page.evaluate("p => [...document.querySelectorAll('main a[href]')].map(a => a.getAttribute('href'))"
                + ".find(h => new RegExp(p).test(h)) || null", pattern);
        assertTrue(href != null, "a link like " + pattern + " on " + listPath);
        return href.toString();
    }

    private void shoot(Page page, String name) {
        Path file = Browsers.screenshots(System.getProperty("design.screenshots"), "design").resolve(name + ".png");
        Browsers.checkAndPhotograph(page, name, problems, file, MAX_HEIGHT);
    }

    private String url(String path) {
        return path.startsWith("http") ? path : "http://localhost:" + port + path;
    }
}
