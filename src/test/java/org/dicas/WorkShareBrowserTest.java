package org.dicas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.dicas.support.Browsers;
import org.dicas.support.Chromium;
import org.dicas.support.ChromiumPerClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The work share in a real (headless) Chromium on the demo GPI program, as jp.atla: open the program, see its work
 * packages, balance it, see the split, its figures and the share chart against the targets, widen the tolerance and
 * see the price of balance fall against the baseline; axe-core finds no serious or critical violation on the program
 * and balance pages in English and Japanese.
 */
@PlatformTest
class WorkShareBrowserTest {

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass();

    @LocalServerPort
    int port;

    @Test
    void balanceGpiSeeTheSplitAndTheChartWidenTheToleranceAndSeeTheDifference() {
        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("en-US")
                .setViewportSize(1280, 900))) {
            context.setDefaultTimeout(20_000);
            Page page = context.newPage();
            List<String> problems = new ArrayList<>();
            Browsers.signIn(page, url(""), "jp.atla", "demo");
            page.navigate(url("/programs?lang=en&size=200"));
            page.locator("main a", new Page.LocatorOptions().setHasText("Glide Phase Interceptor")).first().click();
            page.waitForURL(Pattern.compile(".*/programs/\\d+$"));
            String programUrl = page.url();
            assertEquals(12, page.locator("#work-packages tr.work-package").count(), "the GPI work packages");
            assertTrue(page.locator("#work-packages").innerText().contains("ITAR-USML-XII"), "controls are shown");
            Browsers.checkAccessibility(page, "program-en", problems);

            page.locator("#balance-work-share").click();
            page.waitForURL(Pattern.compile(".*/programs/\\d+/work-share$"));
            assertEquals("proven optimal", page.locator(".solver-status").innerText().trim());
            assertEquals(12, page.locator("#assignments tr.assignment").count(), "every package is assigned");
            BigDecimal price = new BigDecimal(page.locator("#price-of-balance").innerText().trim());
            assertTrue(price.signum() > 0, "balance has a price: " + price);
            for (String nation : List.of("USA", "JPN")) {
                String percent = page.locator("#share-" + nation + " .nation-percent").innerText().replace("%", "").trim();
                BigDecimal p = new BigDecimal(percent);
                assertTrue(p.compareTo(new BigDecimal("48")) >= 0 && p.compareTo(new BigDecimal("52")) <= 0,
                        nation + " within 50 ± 2: " + p);
            }
            page.locator("#share-chart canvas").first().waitFor();
            Browsers.screenshot(page, "work-share-balance-en.png");
            Browsers.checkAccessibility(page, "balance-en", problems);

            page.locator("#wi-tolerance").fill("5");
            page.locator("#widen-tolerance").click();
            page.waitForURL(Pattern.compile(".*whatIf=WIDEN_TOLERANCE.*"));
            page.waitForLoadState(LoadState.LOAD);
            assertTrue(page.locator("#whatif-result-heading").innerText().contains("widened to 5 points"),
                    "the what-if is named");
            String change = page.locator("#diff-price .change").innerText().trim();
            assertTrue(change.startsWith("-"), "a wider tolerance lowers the price of balance: " + change);
            assertFalse(page.locator("#assignments tr.changed").all().isEmpty(), "a package changes hands");
            page.locator("#share-chart canvas").first().waitFor();
            String csv = page.request().get(url(page.locator("#export-csv").getAttribute("href"))).text();
            assertTrue(csv.replaceFirst("^\uFEFF", "").replace("\"", "").startsWith("CUI//REL TO USA, JPN//PROPIN"),
                    "the export starts with the page's high-water mark: " + csv.lines().findFirst().orElse(""));

            page.navigate(page.url() + "&lang=ja");
            page.waitForLoadState(LoadState.LOAD);
            assertEquals("ja", page.locator("html").getAttribute("lang"));
            assertTrue(page.locator("main h1").innerText().contains("作業分担の調整"), "Japanese heading");
            assertTrue(page.locator("#difference").innerText().contains("均衡の代価"), "Japanese figures");
            Browsers.screenshot(page, "work-share-what-if-ja.png");
            Browsers.checkAccessibility(page, "balance-ja", problems);
            page.navigate(programUrl);
            assertTrue(page.locator("#work-share").innerText().contains("作業分担"), "Japanese program page");
            Browsers.checkAccessibility(page, "program-ja", problems);
            page.navigate(url("/programs?lang=en"));
            assertTrue(problems.isEmpty(), String.join("\n", problems));
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
