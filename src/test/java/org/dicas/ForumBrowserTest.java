package org.dicas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.SelectOption;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.dicas.support.Browsers;
import org.dicas.support.Chromium;
import org.dicas.support.ChromiumPerClass;
import org.dicas.support.FirstFinderModel;
import org.dicas.support.SignInNotices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The platform in a real (headless) Chromium: the Japanese forum flow end to end, and an axe-core accessibility
 * sweep (WCAG 2.0/2.1 A and AA) over the main pages in English and Japanese.
 * <p>
 * Runs under failsafe ({@code mvn verify}); drives Debian's {@code /usr/bin/chromium}, never a downloaded chromium.browser().
 */
@PlatformTest
@ExtendWith(FirstFinderModel.class)
class ForumBrowserTest {

    private static final String PASSWORD = "demo";
    private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass();
    private static Path screenshots;

    @LocalServerPort
    int port;

    private BrowserContext context;
    private Page page;
    private final List<String> consoleProblems = new ArrayList<>();

    @BeforeAll
    static void screenshotDirectory() throws IOException {
        screenshots = buildDirectory().resolve("screenshots");
        Files.createDirectories(screenshots);
    }

    @BeforeEach
    void openContext() {
        context = newContext();
        page = context.newPage();
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
        if (!consoleProblems.isEmpty()) {
            System.out.println("[ForumBrowserTest] browser console problems:\n  " + String.join("\n  ", consoleProblems));
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Test 1: a Japanese-speaking user posts a thread and a reply; the language choice survives signing out
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void japaneseUserPostsThreadAndReplyAndLanguageIsRemembered() {
        signIn(page, "jp.atla");
        if (!"en".equals(htmlLang(page))) { // a stored choice from an earlier run: start from English
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English").setExact(true)).click();
            page.waitForLoadState(LoadState.LOAD);
        }
        assertEquals("en", htmlLang(page), "jp.atla starts in English");
        assertTrue(page.locator("header nav").innerText().contains("Working groups"), "English navigation");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("日本語").setExact(true)).click();
        page.waitForLoadState(LoadState.LOAD);
        assertJapanese(page);
        assertTrue(page.locator("h1").innerText().contains("ダッシュボード"),
                "dashboard heading is in Japanese: " + page.locator("h1").innerText());

        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String title = "艦船整備協力に関する議題 " + suffix;
        String body = "日本の造船所における米海軍艦艇の修理について意見交換を行いたい。" + suffix;
        String replyText = "賛成です。次回の会合で具体的な手順を確認しましょう。" + suffix;

        page.navigate(url("/discussions/new"));
        assertJapanese(page);
        page.locator("#title").fill(title);
        page.locator("#body").fill(body);
        if (page.locator("#workingGroupId option").count() > 1) {
            page.locator("#workingGroupId").selectOption(new SelectOption().setIndex(1));
        }
        Locator marking = page.locator("#marking");
        if (marking.inputValue().isBlank()) {
            marking.fill("UNCLASSIFIED");
        }
        page.locator("main form button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/discussions/\\d+$"));
        page.waitForLoadState(LoadState.LOAD);

        String threadUrl = page.url();
        assertEquals(title, page.locator("main h1").innerText().trim(), "the new thread shows its Japanese title");
        assertTrue(page.locator("main .opening-post").innerText().contains(body), "the thread shows its body");
        assertJapanese(page);

        page.locator("#reply-body").fill(replyText);
        assertFalse(page.locator("#reply-marking").inputValue().isBlank(), "the reply marking is prefilled");
        page.locator("section[aria-labelledby=reply-heading] button[type=submit]").click();
        page.waitForLoadState(LoadState.LOAD);
        assertTrue(page.url().startsWith(threadUrl), "after replying we are back on the thread: " + page.url());

        Locator reply = page.locator("li.reply[id^=reply-]").filter(new Locator.FilterOptions().setHasText(replyText));
        reply.first().waitFor();
        assertEquals(1, reply.count(), "the reply appears once on the thread page");
        assertTrue(reply.first().isVisible(), "the reply is visible");
        assertJapanese(page);
        screenshot(page, "thread-ja.png");

        // sign out, sign in again: the choice of Japanese was stored for the user, not just the session
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("サインアウト")).click();
        page.waitForURL(Pattern.compile(".*/login\\?logout$"));
        signIn(page, "jp.atla");
        assertJapanese(page);

        // and also from a brand-new browser (no cookies at all)
        try (BrowserContext fresh = newContext()) {
            Page other = fresh.newPage();
            signIn(other, "jp.atla");
            assertJapanese(other);
            other.navigate(threadUrl);
            assertJapanese(other);
            assertTrue(other.locator("main").innerText().contains(replyText), "the reply is stored");
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Test 2: axe-core over the main pages, English and Japanese
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void mainPagesHaveNoSeriousOrCriticalAccessibilityViolations() {
        List<String> problems = new ArrayList<>();

        page.navigate(url("/login"));
        check(page, "login-en", problems);

        signInOnce(page, "us.acq");

        // each list page gives the detail page checked after it: its first detail link (no second visit to find it)
        Map<String, String> details = new HashMap<>();
        List<String[]> pages = List.of(
                new String[] {"dashboard", "/?lang=en"}, // us.acq reads English (whatever an earlier run left)
                new String[] {"working-groups", "/working-groups", "/working-groups/\\d+"},
                new String[] {"working-group", "/working-groups/\\d+"},
                new String[] {"meetings", "/meetings", "/meetings/\\d+"},
                new String[] {"meeting", "/meetings/\\d+"},
                new String[] {"action-items", "/action-items"},
                new String[] {"discussions", "/discussions", "/discussions/\\d+"},
                new String[] {"discussion-new", "/discussions/new"},
                new String[] {"thread", "/discussions/\\d+"},
                new String[] {"documents", "/documents", "/documents/\\d+"},
                new String[] {"document", "/documents/\\d+"},
                new String[] {"document-new", "/documents/new"},
                new String[] {"search", "/search?q=MSRA"});
        for (String[] p : pages) {
            String path = details.getOrDefault(p[1], p[1]);
            page.navigate(url(path));
            assertEquals("en", htmlLang(page), path + " is in English");
            if (p.length > 2) {
                details.put(p[2], firstDetailLink(page, p[1], p[2]));
            }
            check(page, p[0] + "-en", problems);
        }
        String group = details.get("/working-groups/\\d+");
        String meeting = details.get("/meetings/\\d+");
        String thread = details.get("/discussions/\\d+");

        // keyboard: the first Tab lands on the skip link, which then becomes visible
        page.navigate(url("/"));
        page.keyboard().press("Tab");
        assertEquals("skip-link", page.evaluate("() => document.activeElement.className"), "first Tab stop");
        assertTrue(page.locator(".skip-link").boundingBox().x >= 0, "the focused skip link is on screen");
        screenshot(page, "a11y-focus-skip-link-en.png");

        // states beyond the plain pages (forms folded into <details> are unfolded by check() itself)
        page.navigate(url("/meetings/new"));
        check(page, "meeting-new-en", problems);

        String suffix = UUID.randomUUID().toString().substring(0, 8);
        page.navigate(url("/discussions/new"));
        page.locator("#title").fill("Accessibility sweep " + suffix);
        page.locator("#body").fill("Checking the forms of the forum. " + suffix);
        page.locator("#marking").fill("NOT A MARKING");
        page.locator("main form button[type=submit]").click();
        page.waitForLoadState(LoadState.LOAD);
        assertTrue(page.locator("main .error-summary").isVisible(), "an invalid marking is reported: " + page.url());
        check(page, "discussion-errors-en", problems);

        page.locator("#marking").fill("UNCLASSIFIED");
        page.locator("main form button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/discussions/\\d+$"));
        page.locator("#reply-body").fill("A reply to edit. " + suffix);
        page.locator("section[aria-labelledby=reply-heading] button[type=submit]").click();
        page.waitForLoadState(LoadState.LOAD);
        page.locator("li.reply .post-actions a[href$='/edit']").first().click();
        page.waitForURL(Pattern.compile(".*/replies/\\d+/edit$"));
        check(page, "reply-edit-en", problems);

        page.navigate(url("/discussions/987654321"));
        check(page, "not-found-en", problems);

        page.setViewportSize(390, 844);
        try {
            page.navigate(url("/"));
            check(page, "dashboard-narrow-en", problems);
            page.navigate(url(thread));
            check(page, "thread-narrow-en", problems);
        } finally {
            page.setViewportSize(1280, 900);
        }

        try {
            page.navigate(url("/?lang=ja"));
            assertJapanese(page);
            check(page, "dashboard-ja", problems);
            for (String[] p : List.of(
                    new String[] {"working-group-ja", group},
                    new String[] {"meeting-ja", meeting},
                    new String[] {"action-items-ja", "/action-items"},
                    new String[] {"thread-ja-axe", thread},
                    new String[] {"document-new-ja", "/documents/new"},
                    new String[] {"search-ja", "/search?q=MSRA"})) {
                page.navigate(url(p[1]));
                assertJapanese(page);
                check(page, p[0], problems);
            }
        } finally {
            page.navigate(url("/?lang=en")); // leave us.acq as we found them
        }

        try (BrowserContext anonymous = newContext()) {
            Page login = anonymous.newPage();
            login.navigate(url("/login"));
            SignInNotices.accept(login);
            login.locator("#username").fill("us.acq");
            login.locator("#password").fill("wrong password");
            login.locator("main form button[type=submit]").click();
            login.waitForURL(Pattern.compile(".*/login\\?error$"));
            assertTrue(login.locator("main .error-summary").isVisible(), "a failed sign-in is reported");
            check(login, "login-error-en", problems);
            login.navigate(url("/login?lang=ja"));
            assertEquals("ja", htmlLang(login));
            check(login, "login-ja", problems);
        }

        if (!problems.isEmpty()) {
            fail(problems.size() + " serious/critical accessibility violation(s):\n" + String.join("\n", problems));
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    private BrowserContext newContext() {
        BrowserContext c = chromium.browser().newContext(new Browser.NewContextOptions()
                .setLocale("en-US")
                .setViewportSize(1280, 900));
        c.setDefaultTimeout(15_000);
        Browsers.watchEveryPage(c, consoleProblems);
        return c;
    }

    private String url(String path) {
        return path.startsWith("http") ? path : "http://localhost:" + port + path;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Test 3: the supply-chain workspace — what-if, graph view (ECharts), accessibility
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void analystRunsAWhatIfAndSeesTheUpstreamGraph() {
        signInOnce(page, "us.acq");
        page.navigate(url("/supply-chain"));
        page.locator("main table a[href*='/supply-chain/networks/']").first().click();
        page.waitForLoadState(LoadState.LOAD);
        String networkUrl = page.url();
        assertTrue(page.locator("main").innerText().contains("AIM-120-US"), "end items listed on " + networkUrl);
        page.locator("#disruptCountry").fill("CHN");
        page.locator("#whatif + form button[type=submit], section[aria-labelledby=whatif] button[type=submit]").first().click();
        page.waitForLoadState(LoadState.LOAD);
        String notice = page.locator("section[aria-labelledby=whatif] .notice").innerText();
        assertTrue(notice.contains("AIM-120-JP"), "the Japanese AMRAAM line stops without Chinese magnets: " + notice);
        List<String> problems = new ArrayList<>();
        check(page, "supply-chain-network-en", problems);
        page.navigate(url(networkUrl.replaceAll("^https?://[^/]+", "").replaceAll("\\?.*$", "") + "/graph?endItem=AIM-120-US"));
        page.waitForSelector("#network-graph canvas");
        assertTrue(page.locator("#network-graph canvas").count() > 0, "ECharts drew the graph (on a canvas: no CSP errors)");
        check(page, "supply-chain-graph-en", problems);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void usOfficeAcknowledgesAJapaneseSosaRequest() {
        signInOnce(page, "us.acq");
        page.navigate(url("/sosa/requests"));
        List<String> problems = new ArrayList<>();
        check(page, "sosa-list-en", problems);
        String href = null;
        List<String> links = page.locator("main table a[href*='/sosa/requests/']").all().stream()
                .map(a -> a.getAttribute("href")).toList();
        for (String link : links) {
            page.navigate(url(link));
            if (page.locator("form[action$='/acknowledge']").count() > 0) {
                href = link;
                break;
            }
        }
        assertTrue(href != null, "a request submitted to the United States awaits acknowledgement");
        check(page, "sosa-request-en", problems);
        page.locator("#ackNote").fill("Forwarded to the DPAS office");
        page.locator("form[action$='/acknowledge'] button[type=submit]").click();
        page.waitForLoadState(LoadState.LOAD);
        assertTrue(page.locator("form[action$='/response']").count() > 0, "after acknowledging, the firm's response can be recorded");
        assertTrue(page.locator("main").innerText().contains("Forwarded to the DPAS office"), "the acknowledgement is in the history");
        screenshot(page, "sosa-acknowledged.png");
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    // ------------------------------------------------------------------------------------------------------------
    // Test 5: sustainment — run a plan, see the Gantt, pin a job, re-plan
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void plannerRunsAPlanPinsAJobAndReplans() {
        signIn(page, "us.navy");
        page.navigate(url("/sustainment/plans"));
        page.locator("#new-plan-form > summary").click(); // the form waits behind its button (issue 15)
        page.locator("#seconds").fill("2");
        page.locator("#new-plan-form button[type=submit]").click();
        page.waitForURL(u -> u.matches(".*/sustainment/plans/\\d+$"));
        // the status panel polls (htmx) until the solver is done
        page.waitForSelector("#plan-status .plan-status:text-matches('Done|Stopped')",
                new Page.WaitForSelectorOptions().setTimeout(60_000));
        page.reload();
        // the charts draw on a canvas (SVG text would carry style attributes the CSP refuses): drawn, from bars
        page.waitForSelector("#plan-gantt canvas");
        assertTrue(page.context().request().get(url(page.locator("#plan-gantt").getAttribute("data-url"))).text()
                .contains("\"job\""), "the Gantt shows the assignments");
        page.waitForSelector("#plan-demand canvas");
        List<String> problems = new ArrayList<>();
        check(page, "sustainment-plan-en", problems);
        // next to the score: proven optimal, or how far from the best possible (issue 17)
        String proof = page.locator("#plan-status .plan-proof").innerText().trim();
        assertTrue(proof.matches("Proven optimal|Within \\d+ weighted days late of the best possible .*"
                + "|Best possible unassigned priority is at least \\d+.*"), "the plan shows its bound: " + proof);
        String planUrl = page.url();
        page.navigate(planUrl + "?lang=ja");
        page.waitForLoadState(LoadState.LOAD);
        String proofJa = page.locator("#plan-status .plan-proof").innerText().trim();
        assertTrue(proofJa.matches("最適性を証明済み|理論上の最良値との差は重み付き遅延日数 \\d+ 以内.*"
                + "|未割当の優先度は最良でも \\d+ 以上.*"), "the bound in Japanese: " + proofJa);
        check(page, "sustainment-plan-ja", problems);
        page.navigate(planUrl + "?lang=en");
        page.waitForLoadState(LoadState.LOAD);
        String firstJob = page.locator("main table tbody tr[id^=assignment-]").first().getAttribute("id");
        page.locator("tr#" + firstJob + " button[type=submit]").click();
        page.waitForLoadState(LoadState.LOAD);
        assertTrue(page.locator("tr#" + firstJob + " button[type=submit]").innerText().contains("Unpin"),
                "the job is pinned");
        page.locator("form[action$='/replan'] button[type=submit]").click();
        page.waitForURL(u -> u.matches(".*/sustainment/plans/\\d+$"));
        page.waitForSelector("#plan-status .plan-status:text-matches('Done|Stopped')",
                new Page.WaitForSelectorOptions().setTimeout(60_000));
        page.reload();
        assertTrue(page.locator("tr#" + firstJob + " button[type=submit]").innerText().contains("Unpin"),
                "the re-planned schedule keeps the pinned job in place");
        screenshot(page, "sustainment-replanned.png");
        page.locator("tr#" + firstJob + " button[type=submit]").click();
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    // ------------------------------------------------------------------------------------------------------------
    // Test 6: requirements to programs — a Japanese official searches in Japanese, finds the U.S. requirement,
    // opens the opportunity and sees the aligned window and the savings of a combined buy
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void japaneseOfficialFindsTheEnglishRequirementAndSeesTheOpportunity() {
        signIn(page, "jp.atla");
        page.navigate(url("/?lang=ja"));
        page.locator("#site-search").fill("滑空段階迎撃ミサイル");
        page.locator("form.search-form button[type=submit]").click();
        page.waitForURL(u -> u.contains("/search"));
        page.waitForLoadState(LoadState.LOAD);
        List<String> problems = new ArrayList<>();
        check(page, "search-requirement-ja", problems);
        Locator english = page.locator("main a[href*='/requirements/']", new Page.LocatorOptions()
                .setHasText(Pattern.compile("Glide Phase Interceptor")));
        assertTrue(english.count() > 0, "the Japanese query finds the English GPI requirement: "
                + page.locator("main").innerText());
        english.first().click();
        page.waitForURL(u -> u.matches(".*/requirements/\\d+$"));
        assertJapanese(page);
        check(page, "requirement-ja", problems);

        page.locator("#requirement-matches").click();
        page.waitForURL(u -> u.matches(".*/requirements/\\d+/matches$"));
        check(page, "requirement-matches-ja", problems);
        Locator flaggedJapanese = page.locator("main table tbody tr", new Page.LocatorOptions()
                .setHas(page.locator("td .status"))).locator("a[href*='/opportunities/pair']",
                new Locator.LocatorOptions().setHasText(Pattern.compile("^日本")));
        assertTrue(flaggedJapanese.count() > 0, "a Japanese requirement is flagged as an opportunity: "
                + page.locator("main").innerText());
        flaggedJapanese.first().click();
        page.waitForURL(u -> u.contains("/opportunities/pair"));
        check(page, "opportunity-pair-ja", problems);

        String window = page.locator("section[aria-labelledby=window]").innerText();
        assertTrue(window.contains("JFY") || window.contains("年度"), "the window in Japan's fiscal year: " + window);
        assertTrue(window.contains("FY"), "the window in the U.S. fiscal year: " + window);
        Locator savings = page.locator("section[aria-labelledby=savings] dl.facts dd");
        assertTrue(savings.count() == 3, "separate cost, combined cost and savings are shown");
        String before = savings.nth(2).innerText();
        assertTrue(before.matches("[0-9.,]+ \\([0-9.]+ %\\)"), "savings with their share: " + before);
        page.locator("#learningRate").fill("0.80");
        page.locator("section[aria-labelledby=savings] form button[type=submit]").click();
        page.waitForLoadState(LoadState.LOAD);
        String after = page.locator("section[aria-labelledby=savings] dl.facts dd").nth(2).innerText();
        assertTrue(!after.equals(before), "a steeper learning curve changes the savings: " + before + " -> " + after);
        screenshot(page, "opportunity-pair-ja.png");

        for (String[] p : List.of(
                new String[] {"opportunities-ja", "/opportunities"},
                new String[] {"opportunity-finder-ja", "/opportunities/finder"},
                new String[] {"leads-ja", "/leads"},
                new String[] {"requirements-ja", "/requirements"},
                new String[] {"programs-ja", "/programs"},
                new String[] {"agreements-ja", "/agreements"})) {
            page.navigate(url(p[1]));
            check(page, p[0], problems);
        }
        page.navigate(url("/?lang=en")); // leave jp.atla's language as we found it
        for (String[] p : List.of(
                new String[] {"requirements-en", "/requirements"},
                new String[] {"programs-en", "/programs"},
                new String[] {"leads-en", "/leads"})) {
            page.navigate(url(p[1]));
            check(page, p[0], problems);
            String detail = firstDetailLink(page, p[1], p[1] + "/\\d+");
            page.navigate(url(detail));
            check(page, p[0] + "-detail", problems);
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private void signIn(Page p, String username) {
        if (!p.url().contains("/login")) {
            p.navigate(url("/login"));
        }
        Browsers.signInHere(p, username, PASSWORD);
        p.waitForLoadState(LoadState.LOAD);
        assertTrue(p.locator("header .user-box").isVisible(), "signed in as " + username + " at " + p.url());
    }

    /**
     * {@link #signIn} the first time in this class; later tests get that sign-in's cookies ({@link ChromiumPerClass})
     * and start on an empty page. Not for a test that signs the user out.
     */
    private void signInOnce(Page p, String username) {
        if (!chromium.resume(p, url(""), username)) {
            signIn(p, username);
            chromium.keep(p, url(""), username);
        }
    }

    private static String htmlLang(Page p) {
        return p.locator("html").getAttribute("lang");
    }

    private static void assertJapanese(Page p) {
        assertEquals("ja", htmlLang(p), "<html lang> on " + p.url());
        assertEquals("true", p.locator(".lang-switch a[hreflang=ja]").getAttribute("aria-current"),
                "the 日本語 link is marked as the current language on " + p.url());
        assertEquals(null, p.locator(".lang-switch a[hreflang=en]").getAttribute("aria-current"),
                "the English link is not marked current on " + p.url());
        String nav = p.locator("header nav").innerText();
        assertTrue(nav.contains("作業部会"), "the navigation is in Japanese on " + p.url() + ": " + nav);
    }

    /** Opens a list page and returns the address of its first detail link matching {@code pathRegex}. */
    private String firstDetailLink(Page p, String listPath, String pathRegex) {
        if (!p.url().equals(url(listPath))) { // not already there
            p.navigate(url(listPath));
        }
        Object href = p.evaluate("r => [...document.querySelectorAll('main a[href]')].map(a => a.getAttribute('href'))"
                + ".find(h => new RegExp('^(?:' + r + ')$').test(h)) || null", pathRegex);
        if (href == null) {
            fail("no link matching " + pathRegex + " on " + listPath + " for us.acq");
        }
        return href.toString();
    }

    /** Screenshots the page and runs axe on it, adding one line per serious/critical violation to {@code problems}. */
    private static void check(Page p, String name, List<String> problems) {
        p.waitForLoadState(LoadState.LOAD);
        // unfold every <details> so the forms folded inside them are checked too
        p.locator("details").evaluateAll("all => all.forEach(d => d.open = true)");
        screenshot(p, "a11y-" + name + ".png");
        AxeResults results = Browsers.axe(p);
        if (results.isErrored()) {
            problems.add(name + " (" + p.url() + "): axe failed to run: " + results.getErrorMessage());
            return;
        }
        if (results.getPasses() == null || results.getPasses().isEmpty()) {
            problems.add(name + " (" + p.url() + "): axe reported no passing rules, so it probably did not run");
        }
        System.out.println("[axe] " + name + ": " + results.getPasses().size() + " rule(s) passed, "
                + results.getViolations().size() + " violated, needs review: "
                + results.getIncomplete().stream().map(Rule::getId).toList());
        for (Rule v : results.getViolations()) {
            String impact = v.getImpact();
            System.out.println("[axe] " + name + ": " + impact + " " + v.getId() + " (" + v.getNodes().size() + " node(s))");
            if (impact != null && BLOCKING_IMPACTS.contains(impact)) {
                List<CheckedNode> nodes = v.getNodes();
                String first = nodes.isEmpty() ? "(no node)" : nodes.get(0).getHtml();
                String summary = nodes.isEmpty() || nodes.get(0).getFailureSummary() == null ? ""
                        : " — " + nodes.get(0).getFailureSummary().replace('\n', ' ');
                problems.add("%s (%s): [%s] %s, %d node(s), first: %s%s".formatted(
                        name, p.url(), impact, v.getId(), nodes.size(), first, summary));
            }
        }
    }

    private static void screenshot(Page p, String file) {
        p.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve(file)).setFullPage(true));
    }

    /** {@code project.build.directory} if given, else the folder holding the compiled tests, else {@code target}. */
    private static Path buildDirectory() {
        String configured = System.getProperty("project.build.directory");
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured);
        }
        try {
            Path classes = Paths.get(ForumBrowserTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(classes) && classes.getParent() != null) {
                return classes.getParent();
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // fall through to the conventional folder
        }
        return Paths.get("target");
    }
}
