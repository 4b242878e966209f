package org.dicas;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.dicas.support.Browsers;
import org.dicas.support.ChromiumPerClass;
import org.dicas.support.Http;
import org.dicas.support.ListSteps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The working-group list in a real (headless) Chromium, as jp.atla in Japanese: filter by a text, sort by a column
 * head one way then the other, narrow to one status (the filter and sort kept), go to the next page (all kept). No CSP
 * violation or script error; axe-core finds no serious or critical violation on the list.
 */
@PlatformTest
class ForumListsBrowserTest {

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass();

    @LocalServerPort
    int port;

    private final List<String> consoleProblems = new ArrayList<>();

    @Test
    void filterSortNarrowToAStatusAndPageTheWorkingGroupsInJapanese() {
        Http api = new Http(port);
        String admin = api.token("admin", "demo");
        if (api.get("/api/v1/working-groups?q=LSTB-", admin).json().get("total").asLong() == 0) {
            for (String[] g : new String[][] {{"LSTB-B", "ブラウザ第二部会", "ACTIVE"},
                    {"LSTB-A", "ブラウザ第一部会", "ACTIVE"}, {"LSTB-C", "ブラウザ第三部会", "ACTIVE"},
                    {"LSTB-D", "ブラウザ第四部会", "PROPOSED"}}) {
                assertEquals(201, api.post("/api/v1/working-groups", admin, Map.of("code", g[0], "nameEn",
                        "Browser group " + g[0], "nameJa", g[1], "status", g[2], "marking", "UNCLASSIFIED"))
                        .status());
            }
        }
        List<String> problems = new ArrayList<>();
        try (BrowserContext context = Browsers.context(chromium.browser(), "ja-JP", true, consoleProblems)) {
            ListSteps list = ListSteps.open(context, url(""), "jp.atla", "/working-groups?lang=ja&size=2");
            Page page = list.page();

            // filter: only the groups containing the text
            list.filter("LSTB-");
            Locator codes = list.column(2);
            assertThat(codes).hasCount(2);
            assertThat(list.range()).hasText("全4件中 1–2件");

            // sorted by the code, its own order; its head turns it round, and back
            assertThat(page.locator("th[aria-sort=ascending]")).containsText("コード");
            assertThat(codes.first()).hasText("LSTB-A");
            assertThat(codes.nth(1)).hasText("LSTB-B");
            list.sortBy("コード", "code", "desc");
            assertThat(codes.first()).hasText("LSTB-D");
            assertThat(codes.nth(1)).hasText("LSTB-C");
            Browsers.screenshot(page, "working-groups-sorted-ja.png");
            Browsers.checkAccessibility(page, "working-groups-ja", problems);
            list.sortBy("コード", "code", "asc");
            assertThat(codes.first()).hasText("LSTB-A");

            // one status: the filter and the sort are kept
            page.locator("nav.filters a", new Page.LocatorOptions().setHasText("活動中")).click();
            page.waitForURL(Pattern.compile(".*status=ACTIVE.*"));
            assertThat(page.locator("#table-q")).hasValue("LSTB-");
            assertThat(codes.first()).hasText("LSTB-A");
            assertThat(list.range()).hasText("全3件中 1–2件");

            // the next page keeps the status, the filter and the sort
            list.next(2);
            assertThat(codes).hasCount(1);
            assertThat(codes.first()).hasText("LSTB-C");
            assertThat(list.range()).hasText("全3件中 3–3件");
            assertTrue(page.url().contains("status=ACTIVE") && page.url().contains("sort=code"), page.url());
            Browsers.checkAccessibility(page, "working-groups-page-2-ja", problems);
        }
        assertTrue(consoleProblems.isEmpty(), String.join("\n", consoleProblems));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
