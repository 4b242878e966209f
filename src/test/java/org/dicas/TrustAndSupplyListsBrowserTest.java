package org.dicas;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.dicas.support.Browsers;
import org.dicas.support.ChromiumPerClass;
import org.dicas.support.Http;
import org.dicas.support.ListSteps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The repair jobs list in a real (headless) Chromium as jp.atla in Japanese: filter by a text, sort by the code one
 * way then the other, go to the next page (filter and sort kept); the job the reader may not read is neither listed
 * nor counted. No CSP violation or script error; axe-core finds no serious or critical violation.
 */
@PlatformTest
class TrustAndSupplyListsBrowserTest {

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass();

    @LocalServerPort
    int port;

    private final List<String> consoleProblems = new ArrayList<>();

    @Test
    void aJapaneseReaderFiltersSortsAndPagesTheRepairJobs() {
        Http api = new Http(port);
        String navy = api.token("us.navy", "demo");
        String run = "BRJ" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        TrustAndSupplyListsPageTest.job(api, navy, run + "-B", 2, "UNCLASSIFIED//REL TO USA, JPN");
        TrustAndSupplyListsPageTest.job(api, navy, run + "-A", 3, "UNCLASSIFIED//REL TO USA, JPN");
        TrustAndSupplyListsPageTest.job(api, navy, run + "-C", 1, "UNCLASSIFIED//REL TO USA, JPN");
        TrustAndSupplyListsPageTest.job(api, navy, run + "-D", 1, "CUI//NOFORN");
        List<String> problems = new ArrayList<>();
        try (BrowserContext context = Browsers.context(chromium.browser(), "ja-JP", true, consoleProblems)) {
            ListSteps list = ListSteps.open(context, url(""), "jp.atla", "/sustainment/jobs?lang=ja&size=2");
            Page page = list.page();

            list.filter(run);
            Locator codes = list.column(2);
            assertThat(codes).hasCount(2);
            assertThat(list.range()).hasText("全3件中 1–2件");
            assertThat(codes.first()).hasText(run + "-C");

            list.sortBy("コード", "code", "asc");
            assertThat(codes.first()).hasText(run + "-A");
            assertThat(codes.nth(1)).hasText(run + "-B");
            Browsers.screenshot(page, "trust-supply-jobs-sorted-ja.png");
            Browsers.checkAccessibility(page, "trust-supply-jobs-ja", problems);

            list.next(2);
            assertThat(codes).hasCount(1);
            assertThat(codes.first()).hasText(run + "-C");
            assertThat(list.range()).hasText("全3件中 3–3件");
            assertThat(page.locator("main")).not().containsText(run + "-D");

            list.sortBy("コード", "code", "desc");
            assertThat(codes.first()).hasText(run + "-C");
            assertThat(page.locator("#table-q")).hasValue(run);
        }
        assertTrue(consoleProblems.isEmpty(), String.join("\n", consoleProblems));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
