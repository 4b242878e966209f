package org.dicas;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.dicas.security.AuditLog;
import org.dicas.shared.Sentence;
import org.dicas.support.Browsers;
import org.dicas.support.ChromiumPerClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The audit as a long list in a real (headless) Chromium (issue 15, point 7): the secretariat sorts it by a column
 * head, goes to the next page with the sort kept, filters by action, and downloads the filtered list as CSV (its
 * banner first, a byte-order mark, named audit-log.csv). Then the charts of the work-share and co-production pages
 * draw on their canvases without a console error under the content security policy. axe-core finds no serious or
 * critical violation on the audit page.
 */
@PlatformTest
class AuditTableBrowserTest {

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass();

    @LocalServerPort
    int port;
    @Autowired
    AuditLog audit;

    @Test
    void sortPageFilterAndExportTheAuditThenSeeTheChartsWithoutConsoleErrors() throws IOException {
        long record = 2_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        String run = UUID.randomUUID().toString().substring(0, 8);
        // three actors on one record, written c, a, b: newest first is b, a, c; by actor a, b, c
        audit.append("br" + run + "-c", "TEST", record, "DOCUMENT", Sentence.of("audit.detail.user", "one"));
        audit.append("br" + run + "-a", "CREATE", record, "DOCUMENT", Sentence.of("audit.detail.user", "two"));
        audit.append("br" + run + "-b", "TEST", record, "DOCUMENT", Sentence.of("audit.detail.user", "three"));

        List<String> consoleProblems = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (BrowserContext context = Browsers.context(chromium.browser(), "en-US", true, consoleProblems, 20_000)) {
            Page page = context.newPage();
            Browsers.watch(page, consoleProblems);
            Browsers.signIn(page, url(""), "admin");

            page.navigate(url("/admin/audit?lang=en&size=2&recordId=" + record));
            Locator actors = page.locator("main .table-scroll tbody tr td:nth-child(3)");
            assertThat(actors).hasCount(2);
            assertThat(actors.first()).hasText("br" + run + "-b");
            assertThat(page.locator(".pager-range")).hasText("1–2 of 3");
            assertThat(page.locator("th[aria-sort=descending]")).containsText("Entry");

            // sort by the actor: back to the first page, the filter kept
            page.locator("th.sortable a", new Page.LocatorOptions().setHasText("Actor")).click();
            page.waitForURL(Pattern.compile(".*sort=actor&dir=asc.*"));
            assertThat(page.locator("th[aria-sort=ascending]")).containsText("Actor");
            assertThat(actors.first()).hasText("br" + run + "-a");
            assertThat(actors.nth(1)).hasText("br" + run + "-b");
            Browsers.checkAndPhotograph(page, "audit-en", problems,
                    Browsers.screenshots(null, "").resolve("audit-sorted-en.png"), Integer.MAX_VALUE);

            // the next page keeps the sort
            page.locator("a.pager-next").click();
            page.waitForURL(Pattern.compile(".*page=2.*"));
            assertThat(actors).hasCount(1);
            assertThat(actors.first()).hasText("br" + run + "-c");
            assertThat(page.locator(".pager-range")).hasText("3–3 of 3");

            // filter by action: the sort kept, back to the first page
            page.locator("#action").selectOption("TEST");
            page.locator("form.filters-form button[type=submit]").click();
            page.waitForURL(Pattern.compile(".*action=TEST.*"));
            assertTrue(page.url().contains("sort=actor"), page.url());
            assertThat(actors).hasCount(2);
            assertThat(actors.first()).hasText("br" + run + "-b");
            assertThat(actors.nth(1)).hasText("br" + run + "-c");

            // the CSV of what the page shows
            Download download = page.waitForDownload(() -> page.locator("#audit-csv").click());
            assertEquals("audit-log.csv", download.suggestedFilename());
            String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
            assertTrue(csv.startsWith("\uFEFFPUBLIC\r\n"), "BOM, then the banner: " + csv.lines().findFirst());
            List<String> lines = csv.substring(1).lines().toList();
            assertEquals("Entry,Time,Actor,Action,Record,Detail", lines.get(1));
            assertEquals(5, lines.size(), "banner, header, two rows, banner: " + lines);
            assertTrue(lines.get(2).contains(",br" + run + "-b,") && lines.get(3).contains(",br" + run + "-c,"),
                    "sorted as on the page: " + lines);

            // the charts: work share as a Japanese programme official, co-production as a U.S. acquisition official
            Page share = signedIn("jp.atla", consoleProblems);
            share.navigate(url("/programs?lang=en&size=200"));
            share.locator("main a", new Page.LocatorOptions().setHasText("Glide Phase Interceptor")).first().click();
            share.waitForURL(Pattern.compile(".*/programs/\\d+$"));
            share.locator("#balance-work-share").click();
            share.waitForURL(Pattern.compile(".*/programs/\\d+/work-share$"));
            share.locator("#share-chart canvas").first().waitFor();
            share.waitForLoadState(LoadState.NETWORKIDLE);
            Browsers.screenshot(share, "work-share-chart-en.png");

            Page coproduction = signedIn("us.acq", consoleProblems);
            coproduction.navigate(url("/coproduction?lang=en"));
            coproduction.locator("main a", new Page.LocatorOptions().setHasText("PAC-3 MSE and AMRAAM")).first()
                    .click();
            coproduction.waitForURL(Pattern.compile(".*/coproduction/\\d+$"));
            coproduction.locator("#seconds").fill("5");
            coproduction.locator("#run-baseline").click();
            coproduction.waitForURL(Pattern.compile(".*/coproduction/\\d+/runs/\\d+$"));
            coproduction.locator(".solver-status").waitFor(new Locator.WaitForOptions()
                    .setState(WaitForSelectorState.VISIBLE).setTimeout(90_000));
            coproduction.locator("#coproduction-chart canvas").first().waitFor();
            coproduction.waitForLoadState(LoadState.NETWORKIDLE);
            Browsers.screenshot(coproduction, "coproduction-chart-en.png");
        } finally {
            others.forEach(BrowserContext::close);
        }
        assertTrue(consoleProblems.isEmpty(), String.join("\n", consoleProblems));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private final List<BrowserContext> others = new ArrayList<>();

    /** A page of a context of its own, signed in as {@code user}, its console watched. */
    private Page signedIn(String user, List<String> consoleProblems) {
        BrowserContext c = Browsers.context(chromium.browser(), "en-US", true, consoleProblems, 20_000);
        others.add(c);
        Page p = c.newPage();
        Browsers.watch(p, consoleProblems);
        Browsers.signIn(p, url(""), user);
        return p;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
