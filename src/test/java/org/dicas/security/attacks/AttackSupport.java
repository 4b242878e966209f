package org.dicas.security.attacks;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.dicas.demo.DemoUsers;
import org.dicas.support.Http;
import org.dicas.support.Tokens;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Shared checks of the attack tests: is a page free of injected script, what text does it show, did the database change. */
final class AttackSupport {

    /** The only script a page may load. */
    static final String HTMX = "/js/htmx.min.js";
    /**
     * The site's own scripts, each a static file with no inline code: htmx, the marking picker, the pickers and the
     * design tokens' reader for the charts (ADR 0044).
     */
    static final Set<String> SITE_SCRIPTS = Set.of(HTMX, "/js/marking-picker.js", "/js/picker.js", "/js/tokens.js");
    /** The one htmx element the templates render on a form: the marking preview, asking the server to parse a banner. */
    private static final Pattern MARKING_PREVIEW = Pattern.compile("/markings/preview\\?field=[A-Za-z]+");
    /** The other htmx element: a picker's search box, asking one of the site's /pick endpoints for matches. */
    private static final Pattern PICK = Pattern.compile(
            "/pick/(records|people|nodes|facilities)\\?([A-Za-z]+=[A-Za-z0-9,_-]*&)*for=([A-Za-z][A-Za-z0-9_-]*)");

    /** Attributes whose value a browser follows or fetches as a URL. */
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "xlink:href",
            "data", "poster", "background", "cite", "srcset", "ping", "codebase", "dynsrc", "lowsrc", "content",
            "hx-get", "hx-post", "hx-put", "hx-patch", "hx-delete");

    /** Elements that the templates never render, and that would let injected markup run or load something. */
    private static final String FOREIGN_ELEMENTS = "iframe, frame, frameset, object, embed, applet, svg, math, base, "
            + "style, meta[http-equiv], portal";

    private static final Pattern DONE_FORM = Pattern.compile("/action-items/\\d+/done");

    /** The tables whose content the attacks must not change unless they say so. */
    static final List<String> DATA_TABLES = List.of("record", "working_group", "wg_co_chair", "wg_member", "meeting",
            "meeting_attendee", "agenda_item", "decision", "action_item", "discussion_thread", "reply", "document",
            "app_user", "nation", "organization", "need_to_know_group");

    private static final Map<String, Http> SESSIONS = new ConcurrentHashMap<>();

    private AttackSupport() {
    }

    /** An API token of a demo user, issued once per run (signing in hashes the password, which is slow on purpose). */
    static String token(int port, String username) {
        return Tokens.of(port, username);
    }

    /**
     * A signed-in web session of a demo user, shared by the attack tests; a test that signs out or changes the
     * session's language must sign in its own.
     */
    static Http session(int port, String username) {
        return SESSIONS.computeIfAbsent(port + "/" + username, k -> new Http(port).signIn(username, DemoUsers.PASSWORD));
    }

    /**
     * Everything in a page that would run script or load active content: a script other than the site's own htmx,
     * any {@code on*} event attribute, a {@code javascript:}/{@code vbscript:} URL (case-insensitive, ignoring the
     * spaces and control characters browsers ignore), htmx attributes outside the site's own action-item forms,
     * inline styles, and elements the templates never use. Empty when the page is safe.
     */
    static List<String> scriptInjection(String html) {
        return scriptInjection(Jsoup.parse(html));
    }

    static List<String> scriptInjection(Document doc) {
        List<String> problems = new ArrayList<>();
        for (Element script : doc.select("script")) {
            if (!SITE_SCRIPTS.contains(script.attr("src")) || !script.data().isBlank()) {
                problems.add("foreign <script>: " + abbreviate(script.outerHtml()));
            }
        }
        for (Element e : doc.select(FOREIGN_ELEMENTS)) {
            problems.add("foreign <" + e.tagName() + ">: " + abbreviate(e.outerHtml()));
        }
        for (Element e : doc.getAllElements()) {
            for (Attribute a : e.attributes()) {
                String key = a.getKey().toLowerCase(Locale.ROOT);
                if (key.startsWith("on")) {
                    problems.add("event attribute " + key + " on " + abbreviate(e.outerHtml()));
                }
                if (key.equals("style")) {
                    problems.add("inline style on " + abbreviate(e.outerHtml()));
                }
                if (URL_ATTRIBUTES.contains(key) && scriptUrl(a.getValue())) {
                    problems.add("script URL in " + key + " on " + abbreviate(e.outerHtml()));
                }
                if ((key.startsWith("hx-") || key.startsWith("data-hx-"))
                        && !(e.tagName().equals("form") && DONE_FORM.matcher(e.attr("action")).matches())
                        && !markingPreview(e) && !pickerSearch(e)) {
                    problems.add("htmx attribute " + key + " on " + abbreviate(e.outerHtml()));
                }
            }
            if (e.tagName().equals("form") && !e.attr("action").startsWith("/")) {
                problems.add("form posting off-site: " + abbreviate(e.outerHtml()));
            }
            if (e.tagName().equals("link") && !e.attr("href").startsWith("/css/")
                    && !(e.attr("rel").equals("icon") && e.attr("href").startsWith("/img/"))) {
                problems.add("foreign <link>: " + abbreviate(e.outerHtml()));
            }
        }
        return problems;
    }

    /** The marking picker's preview: a div of the form's marking field, polling nothing, reading the banner field. */
    private static boolean markingPreview(Element e) {
        return e.tagName().equals("div") && e.hasClass("marking-preview")
                && MARKING_PREVIEW.matcher(e.attr("hx-get")).matches()
                && e.attr("hx-include").matches("#[A-Za-z0-9_-]*marking")
                && e.attr("hx-trigger").matches("input changed delay:250ms from:#[A-Za-z0-9_-]*marking")
                && e.attributes().asList().stream().map(Attribute::getKey)
                        .filter(k -> k.startsWith("hx-") || k.startsWith("data-hx-"))
                        .allMatch(k -> k.equals("hx-get") || k.equals("hx-include") || k.equals("hx-trigger"));
    }

    /**
     * A picker's search box (fragments/picker): an input of no form, asking a /pick endpoint for the matches of what
     * is typed, replacing the picker's own results; a people picker may also send the form's marking field as typed
     * ({@code hx-include} of one {@code …marking} field), so the server offers who may read the record so marked; no
     * other htmx attribute.
     */
    private static boolean pickerSearch(Element e) {
        var pick = PICK.matcher(e.attr("hx-get"));
        return e.tagName().equals("input") && e.hasClass("picker-search") && pick.matches()
                && e.attr("form").equals(pick.group(3) + "-unsubmitted")
                && e.attr("hx-trigger").equals("input changed delay:250ms")
                && e.attr("hx-target").equals("#" + pick.group(3) + "-results")
                && e.attr("hx-swap").equals("outerHTML")
                && (!e.hasAttr("hx-include") || e.attr("hx-include").matches("#[A-Za-z0-9_-]*marking"))
                && e.attributes().asList().stream().map(Attribute::getKey)
                        .filter(k -> k.startsWith("hx-") || k.startsWith("data-hx-"))
                        .allMatch(k -> k.equals("hx-get") || k.equals("hx-trigger") || k.equals("hx-target")
                                || k.equals("hx-swap") || k.equals("hx-include"));
    }

    static boolean scriptUrl(String value) {
        String v = value.replaceAll("[\\x00-\\x20\\x7f]", "").toLowerCase(Locale.ROOT);
        return v.startsWith("javascript:") || v.startsWith("vbscript:");
    }

    /** The text a reader sees in a page: all text (including text areas) and the values of input fields. */
    static String shownText(String html) {
        return shownText(Jsoup.parse(html));
    }

    static String shownText(Document doc) {
        StringBuilder b = new StringBuilder(doc.text());
        for (Element input : doc.select("input[value]")) {
            b.append(' ').append(input.attr("value"));
        }
        return normalize(b.toString());
    }

    static String normalize(String s) {
        return s.replace('\u00a0', ' ').replaceAll("\\s+", " ").trim();
    }

    static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 300 ? one.substring(0, 300) + "…" : one;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Encodes a value as one path segment (spaces as %20, not +). */
    static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Row count and a digest of every row of each data table: equal fingerprints mean nothing was written. */
    static Map<String, String> fingerprint(JdbcClient jdbc) {
        Map<String, String> f = new LinkedHashMap<>();
        for (String table : DATA_TABLES) {
            f.put(table, jdbc.sql("select count(*) || ':' || md5(coalesce(string_agg(t::text, '|' order by t::text), ''))"
                    + " from " + table + " t").query(String.class).single());
        }
        return f;
    }

    /** The tables whose fingerprint differs. */
    static List<String> changed(Map<String, String> before, Map<String, String> after) {
        return before.keySet().stream().filter(t -> !before.get(t).equals(after.get(t))).toList();
    }

    static List<String> publicTables(JdbcClient jdbc) {
        return jdbc.sql("select table_name from information_schema.tables where table_schema = 'public' order by 1")
                .query(String.class).list();
    }

    static int count(JdbcClient jdbc, String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    static long userId(JdbcClient jdbc, String username) {
        return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
    }
}
