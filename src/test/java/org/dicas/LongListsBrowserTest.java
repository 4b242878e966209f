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
import org.dicas.support.FirstFinderModel;
import org.dicas.support.Http;
import org.dicas.support.ListSteps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A long list in a real (headless) Chromium (issue 15, point 7), as us.acq on the leads: sort by a column head one way
 * then the other, go to the next page (the sort kept), filter by a text, open the create form behind its button, enter
 * a lead and read the success message; a page that does not exist keeps the header. No CSP violation or script error; axe-core finds no serious or critical
 * violation on the list.
 */
@PlatformTest
@ExtendWith(FirstFinderModel.class)
class LongListsBrowserTest {

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass();

    @LocalServerPort
    int port;

    private final List<String> consoleProblems = new ArrayList<>();

    @Test
    void sortPageFilterCreateBehindTheButtonAndSeeTheSuccessMessage() {
        Http api = new Http(port);
        String token = api.token("us.acq", "demo");
        for (String t : new String[] {"BRTABLE Bravo", "BRTABLE Alpha", "BRTABLE Charlie"}) {
            assertEquals(201, api.post("/api/v1/leads", token, Map.of("sourceType", "INTERNATIONAL_CONFERENCE",
                    "sourceName", "Browser table", "title", t, "text", "A lead for the table: " + t, "marking",
                    "CUI//REL TO USA, JPN")).status());
        }
        List<String> problems = new ArrayList<>();
        try (BrowserContext context = Browsers.context(chromium.browser(), "en-US", true, consoleProblems)) {
            ListSteps list = ListSteps.open(context, url(""), "us.acq", "/leads?lang=en&size=2");
            Page page = list.page();

            // filter: only the rows containing the text
            list.filter("BRTABLE");
            Locator titles = list.column(5);
            assertThat(titles).hasCount(2);
            assertThat(list.range()).hasText("1–2 of 3");

            // sort by the title: ascending, then the other way round
            list.sortBy("Title", "title", "asc");
            assertThat(titles.first()).containsText("BRTABLE Alpha");
            assertThat(titles.nth(1)).containsText("BRTABLE Bravo");
            Browsers.screenshot(page, "long-list-sorted-en.png");
            Browsers.checkAccessibility(page, "long-list-en", problems);

            // the next page keeps the filter and the sort
            list.next(2);
            assertThat(titles).hasCount(1);
            assertThat(titles.first()).containsText("BRTABLE Charlie");
            assertThat(list.range()).hasText("3–3 of 3");

            list.sortBy("Title", "title", "desc");
            assertThat(titles.first()).containsText("BRTABLE Charlie");

            // the create form waits behind its button
            Locator form = page.locator("#new-lead-form form");
            assertThat(form).isHidden();
            page.locator("#new-lead-form > summary").click();
            assertThat(form).isVisible();
            page.locator("#sourceName").fill("Browser test source");
            page.locator("#title").fill("BRTABLE Delta entered in the browser");
            page.locator("#text").fill("Entered through the form behind the button.");
            form.locator("button.primary").click();
            page.waitForURL(Pattern.compile(".*/leads/\\d+$"));
            assertThat(page.locator(".flash[role=status]"))
                    .hasText("Lead “BRTABLE Delta entered in the browser” entered.");
            Browsers.screenshot(page, "long-list-created-en.png");
            page.reload();
            assertThat(page.locator(".flash")).hasCount(0);

            // a page that does not exist keeps the application's chrome: navigation, the user, sign-out, the banner
            page.navigate(url("/no-such-page"));
            assertThat(page.locator("main h1")).hasText("Not found");
            assertThat(page.locator("header nav a[href='/leads']")).isVisible();
            assertThat(page.locator("header .user-box button")).hasText("Sign out");
            assertThat(page.locator("header .banner")).hasText("PUBLIC");
        }
        assertTrue(consoleProblems.isEmpty(), String.join("\n", consoleProblems));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
