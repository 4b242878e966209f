package org.dicas;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.LoadState;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dicas.support.Browsers;
import org.dicas.support.ChromiumPerClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Japanese and English as equals, walked in a real browser: a Japanese official visits every page reachable from the
 * navigation in Japanese and meets no English word and no raw code the system wrote; a U.S. official does the same in
 * English and meets no Japanese the system wrote; neither meets a missing key ({@code ??key??}).
 * <p>
 * What people typed (titles, names, bodies, in whichever language they wrote) is not the system's: every text value
 * stored in the tables that hold people's input is read from the database and taken out of the page text before the
 * check, as is content marked with the other language's {@code lang} and rendered Markdown. Everything else on the
 * page — labels, headings, statuses, reasons, explanations, history, dates, chart labels — is the system's writing.
 */
@PlatformTest
class BothLanguagesBrowserTest {

    private static final int MAX_PAGES = 160;

    /** Tables the system writes (events, audit, sessions, runs): their text is not people's input. */
    private static final Set<String> SYSTEM_TABLES = Set.of("opportunity_event", "sosa_request_event", "audit_entry",
            "audit_read", "audit_read_horizon", "audit_checkpoint", "record_change", "record_change_pruned",
            "event_publication", "spring_session", "spring_session_attributes", "cluster_job", "coproduction_run",
            "repair_plan", "notification", "notice_mail", "notice_mail_preference", "sign_in_attempt", "api_token", "policy_epoch", "pipeline_decision_applied",
            "flyway_schema_history", "capability_area", "nation", "need_to_know_group");

    private static final Pattern MISSING_KEY = Pattern.compile("\\?\\?[A-Za-z0-9_.-]+\\?\\?");
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z][A-Za-z'’]*");
    private static final Pattern RAW_CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b|\\b[A-Z_]{3,}\\.[A-Z_]{3,}\\b");
    private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]");

    private static final String TEXT_OF_PAGE = """
            () => {
              const out = [];
              const skip = 'script,style,code,pre,kbd,samp,.prose,.markdown,[translate=no]';
              const langOf = e => { const l = e.closest('[lang]'); return l ? l.getAttribute('lang') : ''; };
              const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              while (w.nextNode()) {
                const n = w.currentNode, t = n.nodeValue.trim(), e = n.parentElement;
                if (t && e && !e.closest(skip)) out.push([t, langOf(e)]);
              }
              document.querySelectorAll('[title],[aria-label],[placeholder],[alt]').forEach(e => {
                if (e.closest(skip)) return;
                for (const a of ['title', 'aria-label', 'placeholder', 'alt']) {
                  const v = e.getAttribute(a);
                  if (v && v.trim()) out.push([v.trim(), langOf(e)]);
                }
              });
              return out;
            }""";

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aJapaneseOfficialMeetsNoEnglishTheSystemWrote() {
        walk("jp.atla", "ja");
    }

    @Test
    void aUsOfficialMeetsNoJapaneseTheSystemWrote() {
        walk("us.acq", "en");
    }

    @Test
    void theCheckFindsEnglishCodesAndMissingKeysButNotWhatPeopleTyped() {
        List<String> typed = List.of("Standard Missile 3 Block IIA co-production", "on", "room");
        List<String> ja = new ArrayList<>();
        check("ja", List.of(List.of("迎撃ミサイル no room in the horizon"), List.of("種別 CO_DEVELOPMENT"),
                List.of("??record.kind.lead_ja??"), List.of("Standard Missile 3 Block IIA co-production"),
                List.of("Approved", "en"), List.of("区分 CUI//REL TO USA, JPN (SoSA)"), List.of("Pending")), sorted(typed), ja);
        assertTrue(ja.size() == 4 && ja.get(0).contains("horizon") && ja.get(1).contains("CO_DEVELOPMENT")
                && ja.get(2).contains("??record.kind.lead_ja??") && ja.get(3).contains("Pending"), String.join("\n", ja));
        List<String> en = new ArrayList<>();
        check("en", List.of(List.of("Status: 受領待ち"), List.of("日本語", "ja"), List.of("Approved")), List.of(), en);
        assertTrue(en.size() == 1 && en.get(0).contains("受領待ち"), String.join("\n", en));
    }

    private void walk(String username, String language) {
        List<String> typed = sorted(peoplesText());
        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions()
                .setLocale(language.equals("ja") ? "ja-JP" : "en-US").setViewportSize(1280, 900))) {
            context.setDefaultTimeout(20_000);
            Page page = context.newPage();
            Browsers.signInWithLanguage(page, url(""), username, language);
            page.navigate(url("/?lang=" + language));

            Map<String, List<String>> findings = new LinkedHashMap<>();
            Set<String> seenPatterns = new HashSet<>();
            Deque<String> queue = new ArrayDeque<>(List.of("/"));
            int visited = 0;
            while (!queue.isEmpty() && visited < MAX_PAGES) {
                String path = queue.poll();
                if (!seenPatterns.add(pattern(path))) {
                    continue;
                }
                Response response;
                try {
                    response = page.navigate(url(path));
                } catch (com.microsoft.playwright.PlaywrightException e) {
                    if (e.getMessage().contains("Download is starting")) {
                        continue; // a file (calendar, export), not a page
                    }
                    throw e;
                }
                page.waitForLoadState(LoadState.LOAD);
                visited++;
                List<String> problems = new ArrayList<>();
                if (response != null && response.status() >= 500) {
                    problems.add("HTTP " + response.status());
                }
                if (!language.equals(page.locator("html").getAttribute("lang"))) {
                    problems.add("page language is " + page.locator("html").getAttribute("lang"));
                }
                @SuppressWarnings("unchecked")
                List<List<String>> texts = (List<List<String>>) page.evaluate(TEXT_OF_PAGE);
                check(language, texts, typed, problems);
                if (!problems.isEmpty()) {
                    findings.put(path, problems);
                }
                for (Object href : (List<?>) page.evaluate(
                        "() => [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))")) {
                    String next = internal(String.valueOf(href));
                    if (next != null && !seenPatterns.contains(pattern(next))) {
                        queue.add(next);
                    }
                }
            }
            assertTrue(visited >= 40, "the walk reached only " + visited + " pages");
            if (!findings.isEmpty()) {
                StringBuilder b = new StringBuilder(username + " in " + language + ": " + findings.size() + " of "
                        + visited + " pages show text the system wrote in the wrong language or as a code:\n");
                findings.forEach((p, list) -> b.append("  ").append(p).append('\n')
                        .append("    ").append(String.join("\n    ", new LinkedHashSet<>(list))).append('\n'));
                fail(b.toString());
            }
            System.out.println("[BothLanguagesBrowserTest] " + username + " in " + language + ": " + visited
                    + " pages, no finding");
        }
    }

    /** What the page shows in the wrong language, as codes, or as missing keys; texts are [text, lang] pairs. */
    static void check(String language, List<List<String>> texts, List<String> typed, List<String> problems) {
        for (List<String> t : texts) {
            String text = t.get(0);
            String lang = t.size() > 1 ? t.get(1) : "";
            Matcher missing = MISSING_KEY.matcher(text);
            while (missing.find()) {
                problems.add("missing key " + missing.group());
            }
            if (!lang.isEmpty() && !lang.equals(language)) {
                continue; // marked as the other language: people's text or a language switcher
            }
            String system = withoutPeoplesText(MISSING_KEY.matcher(text).replaceAll(" "), typed);
            if (language.equals("ja")) {
                Matcher code = RAW_CODE.matcher(system);
                while (code.find()) {
                    problems.add("raw code " + code.group() + " in '" + abbreviate(text) + "'");
                }
                String words = RAW_CODE.matcher(system).replaceAll(" ");
                for (String run : org.dicas.support.EnglishInJapanese.runs(words)) {
                    problems.add("English '" + run + "' in '" + abbreviate(text) + "'");
                }
                if (org.dicas.support.EnglishInJapanese.isOneEnglishWord(words)) {
                    problems.add("English '" + words.strip() + "' in '" + abbreviate(text) + "'");
                }
            } else if (JAPANESE.matcher(system).find()) {
                problems.add("Japanese in '" + abbreviate(text) + "'");
            }
        }
    }

    /**
     * The text with every piece people typed taken out (longest first), each only as a whole: a stored "on" never
     * eats the middle of "opportunity".
     */
    static String withoutPeoplesText(String text, List<String> typed) {
        if (!LATIN_WORD.matcher(text).find() && !JAPANESE.matcher(text).find()) {
            return text;
        }
        String rest = text;
        for (String value : typed) {
            int at = rest.indexOf(value);
            while (at >= 0) {
                int end = at + value.length();
                boolean whole = (at == 0 || !latin(rest.charAt(at - 1)) || !latin(value.charAt(0)))
                        && (end == rest.length() || !latin(rest.charAt(end)) || !latin(value.charAt(value.length() - 1)));
                if (whole) {
                    rest = rest.substring(0, at) + " " + rest.substring(end);
                    at = rest.indexOf(value, at + 1);
                } else {
                    at = rest.indexOf(value, at + 1);
                }
            }
        }
        return rest;
    }

    private static boolean latin(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }

    static List<String> sorted(List<String> values) {
        return values.stream().filter(v -> v.length() >= 2).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** Every text value people entered: text columns of every table that holds input, line by line. */
    private List<String> peoplesText() {
        List<String> values = new ArrayList<>();
        List<Map<String, Object>> columns = jdbc.queryForList("""
                select table_name, column_name from information_schema.columns
                where table_schema = current_schema() and data_type in ('text', 'character varying', 'character')""");
        for (Map<String, Object> c : columns) {
            String table = String.valueOf(c.get("table_name"));
            if (SYSTEM_TABLES.contains(table.toLowerCase())) {
                continue;
            }
            for (String v : jdbc.queryForList("select distinct \"" + c.get("column_name") + "\" from \"" + table
                    + "\" where \"" + c.get("column_name") + "\" is not null", String.class)) {
                values.add(v.strip());
                for (String line : v.split("\\R")) {
                    values.add(line.strip());
                }
            }
        }
        return values;
    }

    private String internal(String href) {
        if (href.startsWith("#") || href.startsWith("mailto:") || href.startsWith("javascript:")) {
            return null;
        }
        URI u = URI.create(url("/")).resolve(href.replace(" ", "%20"));
        if (u.getPort() != port || !"localhost".equals(u.getHost())) {
            return null;
        }
        String path = u.getRawPath();
        String query = u.getRawQuery();
        if (path.startsWith("/api/") || path.startsWith("/actuator") || path.startsWith("/logout")
                || path.startsWith("/login") || path.startsWith("/webjars") || path.startsWith("/css")
                || path.startsWith("/js") || path.matches(".*\\.(csv|json|pdf|xlsx|png|svg|ico|ics)$")
                || path.contains("/export") || path.contains("/download") || (query != null && query.contains("lang="))) {
            return null;
        }
        return query == null ? path : path + "?" + query;
    }

    /** Pages of one kind are walked once: ids and queries do not make a new page. */
    private static String pattern(String path) {
        int q = path.indexOf('?');
        return (q < 0 ? path : path.substring(0, q)).replaceAll("/\\d+", "/{id}");
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 120 ? one.substring(0, 120) + "…" : one;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
