package org.dicas.support;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;

/**
 * What browser tests share: Debian's headless Chromium, full-page screenshots under {@code target/screenshots} for a
 * person to look at, and axe-core's serious and critical WCAG 2.1 AA violations of a page.
 */
public final class Browsers {

    private static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final Set<String> BLOCKING = Set.of("serious", "critical");
    private static final String DEMO_PASSWORD = "demo";

    private Browsers() {
    }

    /**
     * A fresh browser context (1280×900, the given locale, script on or off, 15 s timeouts) whose pages report every
     * Content Security Policy refusal and script error into {@code consoleProblems}.
     */
    public static BrowserContext context(Browser browser, String locale, boolean script, List<String> consoleProblems) {
        return context(browser, locale, script, consoleProblems, 15_000);
    }

    /** {@link #context(Browser, String, boolean, List)} with timeouts of {@code timeoutMillis} instead. */
    public static BrowserContext context(Browser browser, String locale, boolean script, List<String> consoleProblems,
                                         double timeoutMillis) {
        BrowserContext c = browser.newContext(new Browser.NewContextOptions().setLocale(locale)
                .setViewportSize(1280, 900).setJavaScriptEnabled(script));
        c.setDefaultTimeout(timeoutMillis);
        watchScripts(c, consoleProblems);
        return c;
    }

    /** Reports into {@code problems} every Content Security Policy refusal and script error of the context's pages. */
    public static void watchScripts(BrowserContext c, List<String> problems) {
        c.onPage(p -> {
            p.onConsoleMessage(m -> {
                if (m.text().contains("Content Security Policy") || m.text().contains("Refused to")) {
                    problems.add(p.url() + ": " + m.text());
                }
            });
            p.onPageError(e -> problems.add(p.url() + ": script error " + e));
        });
    }

    /** {@link #watch(Page, List)} on every page the context opens. */
    public static void watchEveryPage(BrowserContext c, List<String> problems) {
        c.onPage(p -> watch(p, problems));
    }

    /** Signs a demo user in (password {@code demo}) at {@code base} (http://localhost:port), accepting the notice first. */
    public static void signIn(Page page, String base, String username) {
        signInWithLanguage(page, base, username, "en");
    }

    /** Signs a demo user in (password {@code demo}) choosing the language ({@code en}, {@code ja}) on the sign-in page. */
    public static void signInWithLanguage(Page page, String base, String username, String language) {
        page.navigate(base + "/login?lang=" + language);
        signInHere(page, username, DEMO_PASSWORD);
    }

    /** Photographs the whole page into {@code target/screenshots/file}. */
    public static void screenshot(Page p, String file) {
        p.screenshot(new Page.ScreenshotOptions().setPath(screenshots(null, "").resolve(file)).setFullPage(true));
    }

    /**
     * The folder screenshots go to, made if missing: {@code wanted} where it is given (not blank), else
     * {@code target/screenshots/under} (just {@code target/screenshots} for an empty {@code under}).
     */
    public static Path screenshots(String wanted, String under) {
        Path dir = wanted == null || wanted.isBlank()
                ? Paths.get(System.getProperty("project.build.directory", "target"), "screenshots").resolve(under)
                : Paths.get(wanted);
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return dir;
    }

    /**
     * Lets the page settle (no network traffic, no hover left over from the last click), adds axe-core's serious and
     * critical violations to {@code problems} ({@link #checkAccessibility}) and photographs the page, full width and
     * at most {@code maxHeight} px high, into {@code file}.
     */
    public static void checkAndPhotograph(Page p, String name, List<String> problems, Path file, int maxHeight) {
        p.waitForLoadState(LoadState.NETWORKIDLE);
        p.mouse().move(0, 0);
        checkAccessibility(p, name, problems);
        Object height = p.evaluate("() => document.documentElement.scrollHeight");
        p.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true).setClip(0, 0,
                p.viewportSize().width, Math.min(maxHeight, ((Number) height).intValue())));
    }

    /**
     * Collects into {@code problems} what the page's console reports as an error or a CSP violation, and every
     * response of 400 or more with its address (a failed load's console line is left to that).
     */
    public static void watch(Page p, List<String> problems) {
        p.onConsoleMessage(m -> {
            if (("error".equals(m.type()) && !m.text().startsWith("Failed to load resource"))
                    || m.text().contains("Content Security Policy")) {
                problems.add(p.url() + ": " + m.text());
            }
        });
        p.onResponse(r -> {
            if (r.status() >= 400) {
                problems.add(r.status() + " for " + r.url());
            }
        });
    }

    /** Signs in through the login page (accepting the sign-in notice first), as a person does. */
    public static void signIn(Page p, String base, String username, String password) {
        p.navigate(base + "/login");
        signInHere(p, username, password);
    }

    /** Signs in on the sign-in page the browser shows now (accepting the notice first) and waits to leave it. */
    public static void signInHere(Page p, String username, String password) {
        SignInNotices.accept(p);
        p.locator("#username").fill(username);
        p.locator("#password").fill(password);
        p.locator("main form button[type=submit]").click();
        p.waitForURL(u -> !u.contains("/login"));
    }

    /**
     * axe-core's WCAG 2.1 A and AA rules run over the page as it is now, in the page itself ({@code axe.run}, the
     * builder's "legacy mode"). The builder's default splits the run by frame ({@code axe.runPartial}) and finishes it
     * in a page of its own, injecting axe-core three times; the platform's pages have no frames, so the same rules
     * find the same things in about half the time.
     */
    public static AxeResults axe(Page p) {
        return new AxeBuilder(p).withTags(WCAG_TAGS).setLegacyMode(true).analyze();
    }

    /** Adds to {@code problems} each serious or critical violation axe-core finds on the page (or that it did not run). */
    public static void checkAccessibility(Page p, String name, List<String> problems) {
        p.waitForLoadState(LoadState.LOAD);
        AxeResults results = axe(p);
        if (results.isErrored() || results.getPasses() == null || results.getPasses().isEmpty()) {
            problems.add(name + ": axe did not run");
            return;
        }
        for (Rule v : results.getViolations()) {
            if (v.getImpact() != null && BLOCKING.contains(v.getImpact())) {
                problems.add(name + " (" + p.url() + "): [" + v.getImpact() + "] " + v.getId() + ", first: "
                        + (v.getNodes().isEmpty() ? "" : v.getNodes().get(0).getHtml()));
            }
        }
    }
}
