package org.dicas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.SelectOption;
import com.microsoft.playwright.options.WaitForSelectorState;
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
 * The co-production pages in a real (headless) Chromium on the demo plan: run the baseline, see the bottleneck and the
 * stacked bars, disrupt the shared rocket-motor component and see the shortfall against the baseline, edit a line's
 * capacity through its form; axe-core finds no serious or critical violation on the plan, run and line-form pages in
 * English and Japanese.
 */
@PlatformTest
class CoproductionBrowserTest {

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass();

    @LocalServerPort
    int port;

    @Test
    void runThePlanSeeTheBottleneckDisruptAComponentAndSeeTheShortfall() {
        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("en-US")
                .setViewportSize(1280, 900))) {
            context.setDefaultTimeout(20_000);
            Page page = context.newPage();
            List<String> problems = new ArrayList<>();
            Browsers.signIn(page, url(""), "us.acq", "demo");
            page.navigate(url("/coproduction?lang=en"));
            page.locator("main a", new Page.LocatorOptions().setHasText("PAC-3 MSE and AMRAAM")).first().click();
            page.waitForURL(Pattern.compile(".*/coproduction/\\d+$"));
            String planUrl = page.url();
            assertTrue(page.locator("main").innerText().contains("PAC-US-1"), "the plan lists its lines");
            Browsers.checkAccessibility(page, "coproduction-plan-en", problems);

            page.locator("#seconds").fill("15");
            page.locator("#run-baseline").click();
            page.waitForURL(Pattern.compile(".*/coproduction/\\d+/runs/\\d+$"));
            finished(page);
            assertEquals("proven optimal", page.locator(".solver-status").innerText().trim());
            Locator bottleneck = page.locator("#bottlenecks tr.bottleneck").first();
            assertTrue(bottleneck.innerText().contains("Component SKR"),
                    "the PAC-3 seeker limits the baseline: " + bottleneck.innerText());
            page.locator("#coproduction-chart canvas").first().waitFor();
            Browsers.checkAccessibility(page, "coproduction-run-en", problems);

            page.locator("#wi-component").selectOption(new SelectOption().setValue("SRM"));
            page.locator("#wi-loss").fill("80");
            page.locator("#what-if-disrupt").click();
            page.waitForURL(Pattern.compile(".*/coproduction/\\d+/runs/\\d+$"));
            finished(page);
            assertTrue(page.locator(".what-if").innerText().contains("SRM loses 80%"), "the what-if is named");
            String usa = page.locator("#shortfall-USA .change").innerText().trim();
            assertTrue(usa.startsWith("+") && Integer.parseInt(usa.substring(1)) > 0,
                    "losing 80 % of the rocket motors leaves U.S. rounds unmet: " + usa);
            assertTrue(page.locator("main").innerText().contains("rounds unmet"), "the unmet demands are listed");
            String csv = page.request().get(url(page.locator("#export-csv").getAttribute("href"))).text();
            assertTrue(csv.replaceFirst("^\uFEFF", "").replace("\"", "").startsWith("CUI"), "the export starts with the page's high-water mark: " + csv.lines()
                    .findFirst().orElse(""));
            assertTrue(csv.contains("Component SRM"), "the export holds the bottlenecks, named as the page names them");

            // edit a line's capacity through the form, see it on the plan, and put it back
            String runUrl = page.url();
            editCapacity(page, planUrl, "70");
            assertEquals("70", page.locator("#line-PAC-JP-1 td.capacity").first().innerText().trim());
            editCapacity(page, planUrl, "60");
            assertEquals("60", page.locator("#line-PAC-JP-1 td.capacity").first().innerText().trim());
            for (String form : List.of("/edit", "/components/SRM/edit", "/transfers/2/edit", "/demands/new")) {
                page.navigate(planUrl + form);
                Browsers.checkAccessibility(page, "coproduction-form-en " + form, problems);
            }
            page.navigate(url("/coproduction/new"));
            Browsers.checkAccessibility(page, "coproduction-new-plan-en", problems);
            page.navigate(runUrl);

            page.navigate(page.url() + "?lang=ja");
            page.waitForLoadState(LoadState.LOAD);
            assertEquals("ja", page.locator("html").getAttribute("lang"));
            assertTrue(page.locator("main h1").innerText().contains("共同生産計画の実行"), "Japanese heading");
            Browsers.checkAccessibility(page, "coproduction-run-ja", problems);
            page.navigate(planUrl);
            Browsers.checkAccessibility(page, "coproduction-plan-ja", problems);
            page.navigate(url("/coproduction?lang=en"));
            assertTrue(problems.isEmpty(), String.join("\n", problems));
        }
    }

    /** Opens the plan, edits line PAC-JP-1's 2027 capacity through its form (checked by axe) and saves it. */
    private void editCapacity(Page page, String planUrl, String capacity) {
        page.navigate(planUrl);
        page.locator("#line-PAC-JP-1 a", new Page.LocatorOptions().setHasText("Edit")).click();
        page.waitForURL(Pattern.compile(".*/lines/PAC-JP-1/edit$"));
        List<String> problems = new ArrayList<>();
        Browsers.checkAccessibility(page, "coproduction-line-form-en", problems);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        page.locator("#capacity-2027").fill(capacity);
        page.locator("#save-line").click();
        page.waitForURL(Pattern.compile(".*/coproduction/\\d+$"));
    }

    /** Waits until the run's page shows a finished run (the status panel reloads the page when the run ends). */
    private static void finished(Page page) {
        page.locator(".solver-status").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE)
                .setTimeout(90_000));
        page.waitForLoadState(LoadState.LOAD);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
