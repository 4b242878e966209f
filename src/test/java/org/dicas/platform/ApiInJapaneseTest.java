package org.dicas.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dicas.PlatformTest;
import org.dicas.support.EnglishInJapanese;
import org.dicas.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The whole API read as a Japanese official would read it: every GET under {@code /api/v1} that Spring maps (found in
 * {@link RequestMappingHandlerMapping}, so a new endpoint is walked without being named here) is called as
 * {@code jp.atla} with {@code Accept-Language: ja}, its path variables filled with ids from the lists above it. No
 * JSON string the system wrote may be English prose ({@link EnglishInJapanese}); the fields that hold codes, ids,
 * markings, text people typed and other machine values are named in {@link #NOT_WRITTEN_BY_THE_SYSTEM} with a reason
 * each. Every code a person reads (a value such as {@code CO_DEVELOPMENT} or {@code USA}) has its label beside it:
 * {@code type} + {@code typeLabel}, {@code parties} + {@code partiesLabels}.
 */
@PlatformTest
class ApiInJapaneseTest {

    /** The Japanese reader the walk is made as. */
    static final String READER = "jp.atla";

    /**
     * Fields whose strings the system did not write as a sentence for people, each with the reason. A field is named by
     * its last name in the JSON ({@code title} anywhere), or by {@code parent.name} when only that place is meant.
     */
    static final Map<String, String> NOT_WRITTEN_BY_THE_SYSTEM = new LinkedHashMap<>();

    static {
        String typed = "text typed by people (the demo data has English records)";
        for (String f : List.of("title", "titleEn", "titleJa", "name", "nameEn", "nameJa", "description", "body",
                "summary", "text", "note", "notes", "minutes", "agenda", "location", "company", "displayName",
                "subject", "product", "organization", "createdBy", "decidedBy", "actor", "username",
                "milestones.name", "authorName", "ownerName", "requirementTitle", "supplyNodeTitle", "firm",
                "enteredBy", "sourceName", "leadTitle", "nextStep", "programTitle", "descriptionEn", "descriptionJa",
                "mandateEn", "mandateJa", "service", "by", "item", "justification", "requesterName", "supplierName",
                "asset", "program", "certifications", "requires", "performer", "performerJa", "number",
                "recordTitle")) {
            NOT_WRITTEN_BY_THE_SYSTEM.put(f, typed);
        }
        String machine = "a machine value (id, link, time zone, message key), not a sentence";
        for (String f : List.of("id", "link", "timeZone", "messageKey", "instance")) {
            NOT_WRITTEN_BY_THE_SYSTEM.put(f, machine);
        }
        NOT_WRITTEN_BY_THE_SYSTEM.put("marking", "a portion marking (CUI, REL TO USA, JPN): written as the "
                + "marking rules spell it in every language");
        String code = "a code people type and read as it is (a line, component or working-group code)";
        for (String f : List.of("code", "groupCode", "components.code", "currency")) {
            NOT_WRITTEN_BY_THE_SYSTEM.put(f, code);
        }
        String term = "a term as the glossary writes it in each language, or as the record's text has it";
        for (String f : List.of("matchedTerms.english", "matchedTerms.japanese", "matchedTerms.literal", "terms")) {
            NOT_WRITTEN_BY_THE_SYSTEM.put(f, term);
        }
        String systems = "names of systems as their programmes and the designation registry write them (AIM-120 = "
                + "AMRAAM = 中距離空対空誘導弾), inside a sentence in the reader's language; a Japanese name is among "
                + "them where the registry has one";
        for (String f : List.of("explanation.sameSystems", "explanation.toldApart")) {
            NOT_WRITTEN_BY_THE_SYSTEM.put(f, systems);
        }
        NOT_WRITTEN_BY_THE_SYSTEM.put("keptAsWritten", "words of a title the glossary draft could not translate, "
                + "kept as the person wrote them for the person who completes the draft");
        NOT_WRITTEN_BY_THE_SYSTEM.put("needKind", "the finder's kind of need as a lower-case code (the CLI's contract "
                + "writes it so); needKindLabel beside it says it in the reader's language");
        NOT_WRITTEN_BY_THE_SYSTEM.put("otherNeedKind", "as needKind; otherNeedKindLabel beside it");
        NOT_WRITTEN_BY_THE_SYSTEM.put("history.detail", "a SoSA history entry quotes what people typed (the item, the "
                + "program, a note) inside a sentence rendered in the reader's language");
        NOT_WRITTEN_BY_THE_SYSTEM.put("titles.kind", "the kind of a record's titles: the titles module's own work "
                + "(branch s23-titles); remove this row once it labels its kind");
        NOT_WRITTEN_BY_THE_SYSTEM.put("budget.label", "a fiscal year's English label (FY2026); labelJa beside it");
        NOT_WRITTEN_BY_THE_SYSTEM.put("needByFiscalYear", "a fiscal year's code (FY2026); the page gives the "
                + "Japanese year beside it");
        NOT_WRITTEN_BY_THE_SYSTEM.put("fiscalYear", "a fiscal year as both nations write it (JFY2032 (令和14年度))");
    }

    /** The names of the demo's people, as they typed them: inside a sentence they are not the system's English. */
    static final List<String> PEOPLE = org.dicas.demo.DemoUsers.ALL.stream()
            .map(org.dicas.demo.DemoUsers.DemoUser::displayName).toList();

    /** Endpoints the walk does not call, with the reason (a row must name a GET that exists). */
    static final Map<String, String> SKIPPED = new LinkedHashMap<>();

    static {
        SKIPPED.put("/api/v1/attachments/{id}", "the bytes of one file as uploaded, not JSON; the list of a record's "
                + "files (/api/v1/records/{id}/attachments) is walked");
    }

    /** The rows of {@link #NOT_WRITTEN_BY_THE_SYSTEM} the walk met, to show the ones no longer needed. */
    final Set<String> rowsUsed = new TreeSet<>();

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(?:[_.][A-Z0-9]+)*");
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    /** Every GET under /api/v1 that Spring serves, as its path pattern. */
    Set<String> apiGets() {
        Set<String> out = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                continue;
            }
            for (String p : info.getPatternValues()) {
                if (p.startsWith("/api/v1/")) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    @Test
    void aJapaneseReaderMeetsNoEnglishTheSystemWroteAndALabelBesideEveryCode() {
        Http http = new Http(port).inLanguage("ja");
        String token = http.token(READER, "demo");
        officer = http.token("us.fdo", "demo");
        startRuns(http, token);
        makeRequests(http, token);
        Set<String> gets = apiGets();
        assertThat(gets).as("GET endpoints under /api/v1").hasSizeGreaterThan(30);
        assertThat(gets).as("skipped endpoints that exist").containsAll(SKIPPED.keySet());
        List<String> english = new ArrayList<>();
        List<String> unlabelled = new ArrayList<>();
        List<String> unreachable = new ArrayList<>();
        int walked = 0;
        for (String pattern : gets) {
            if (SKIPPED.containsKey(pattern)) {
                continue;
            }
            String caller = token;
            String path = pattern.equals("/api/v1/coproduction/plans/{id}/runs/{run}") ? run(http, token)
                    : pattern.equals("/api/v1/judgments/{id}") ? judgment(http, token)
                    : fill(http, token, pattern);
            if (path == null) {
                caller = officer; // what jp.atla may not list (authorizations), as the officer who may, in Japanese
                path = fill(http, caller, pattern);
            }
            if (path == null) {
                unreachable.add(pattern + ": no id to fill its path variables from the list above it");
                continue;
            }
            Http.Response r = http.get(path, caller);
            String type = r.header("Content-Type");
            if (!type.contains("json")) {
                System.out.println("not JSON: " + pattern + " (" + type + ")");
                continue; // a file, a feed or a CSV: not JSON (their language is tested where they are made)
            }
            walked++;
            walk(pattern + " (" + r.status() + ")", pattern.endsWith("/titles") ? "titles" : "", r.json(), english,
                    unlabelled);
        }
        System.out.println("walked " + walked + " of " + gets.size() + " API GETs as " + READER);
        english.forEach(s -> System.out.println("ENGLISH " + s));
        unlabelled.forEach(s -> System.out.println("UNLABELLED " + s));
        unreachable.forEach(s -> System.out.println("UNREACHABLE " + s));
        Set<String> unused = new TreeSet<>(NOT_WRITTEN_BY_THE_SYSTEM.keySet());
        unused.removeAll(rowsUsed);
        System.out.println("allow-list rows the walk did not meet: " + unused);
        assertThat(unreachable).as("endpoints whose path could not be filled (skip them with a reason)").isEmpty();
        assertThat(english).as("English the system wrote to a Japanese reader").isEmpty();
        assertThat(unlabelled).as("codes without a label beside them").isEmpty();
        assertThat(walked).isGreaterThan(30);
    }

    /**
     * The path with each variable taken from the first item of the list above it (its {@code items}, or the first
     * list in it whose items have ids: a program's work packages); null when there is none. A record of any kind
     * ({@code /records/{id}}) is the first requirement, a release request the first of the reader's own; a language is
     * Japanese (a draft from the English title).
     */
    String fill(Http http, String token, String pattern) {
        Matcher m = VARIABLE.matcher(pattern);
        if (!m.find()) {
            return pattern;
        }
        String rest = pattern.substring(m.end());
        String above = pattern.substring(0, m.start() - 1);
        if (m.group(1).equals("language")) {
            return fill(http, token, above + "/ja" + rest); // a Japanese draft of the English title
        }
        boolean anyRecord = above.equals("/api/v1/records");
        // release requests are listed as the reader's own and those awaiting them, not at their own path
        boolean requests = above.equals("/api/v1/disclosure-requests");
        String list = fill(http, token, anyRecord ? "/api/v1/requirements" : requests ? above + "/mine" : above);
        if (list == null) {
            return null;
        }
        JsonNode json = listAt(http, token, list);
        if (json == null) {
            return null;
        }
        for (String id : ids(json, m.group(1).equals("number") ? "number" : "id")) {
            String filled = (anyRecord || requests ? above : list) + "/" + id;
            String whole = rest.isEmpty() ? filled : fill(http, token, filled + rest);
            if (whole != null) {
                return whole;
            }
        }
        return null;
    }

    /**
     * A judgment jp.atla may read: judgments are listed under the requirement they judge, not above their own path,
     * so the first requirement with one (the demo data has two) names it.
     */
    static String judgment(Http http, String token) {
        for (String requirement : idsOf(http.get("/api/v1/requirements?size=200", token).json())) {
            Http.Response judged = http.get("/api/v1/requirements/" + requirement + "/judgments", token);
            String id = judged.status() == 200 ? firstId(judged.json()) : null;
            if (id != null) {
                return "/api/v1/judgments/" + id;
            }
        }
        return null;
    }

    /** Every id of a list's page, not only the first ten. */
    static List<String> idsOf(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.get("items").forEach(item -> out.add(item.get("id").asString()));
        return out;
    }

    /** A disclosure officer (us.fdo), for the officer-only lists that jp.atla may not read. */
    String officer;

    /** The what-if run {@link #startRuns} started, as a path. */
    String whatIfRun;

    /** The what-if run, or else a baseline run started now, as a path. */
    String run(Http http, String token) {
        if (whatIfRun != null) {
            return whatIfRun;
        }
        String plan = firstId(http.get("/api/v1/coproduction/plans", token).json());
        Http.Response started = http.post("/api/v1/coproduction/plans/" + plan + "/runs", token,
                Map.of("seconds", 1));
        return started.status() == 202 ? "/api/v1/coproduction/plans/" + plan + "/runs/" + started.json().get("id")
                .asString() : null;
    }

    /** The ids of a list's first items: its {@code items}, or the first list in it whose items have ids. */
    /**
     * The list a path names, or — for children kept inside their parent, with no list of their own
     * ({@code /meetings/{id}/agenda-items} inside {@code /meetings/{id}} as {@code agenda}) — the parent's array of
     * that name (camel case, or its first word).
     */
    static JsonNode listAt(Http http, String token, String list) {
        Http.Response r = http.get(list, token);
        if (r.status() == 200 && r.header("Content-Type").contains("json")) {
            return r.json();
        }
        int slash = list.lastIndexOf('/');
        Http.Response parent = http.get(list.substring(0, slash), token);
        if (parent.status() != 200 || !parent.header("Content-Type").contains("json")) {
            return null;
        }
        String[] words = list.substring(slash + 1).split("-");
        StringBuilder camel = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            camel.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        for (String name : List.of(camel.toString(), words[0])) {
            if (parent.json().has(name) && parent.json().get(name).isArray()) {
                return parent.json().get(name);
            }
        }
        return null;
    }

    static List<String> ids(JsonNode list) {
        return ids(list, "id");
    }

    static List<String> ids(JsonNode list, String key) {
        List<JsonNode> lists = new ArrayList<>();
        if (list.has("items")) {
            lists.add(list.get("items"));
        } else if (list.isArray()) {
            lists.add(list);
        } else {
            list.properties().forEach(e -> lists.add(e.getValue()));
        }
        for (JsonNode items : lists) {
            if (items.isArray() && !items.isEmpty() && items.get(0).has(key)) {
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < Math.min(10, items.size()); i++) {
                    ids.add(items.get(i).get(key).asString());
                }
                return ids;
            }
        }
        return List.of();
    }

    static String firstId(JsonNode list) {
        List<String> ids = ids(list);
        return ids.isEmpty() ? null : ids.get(0);
    }

    /**
     * Runs exist only once someone starts one: a what-if run of the first co-production plan (allowing its first
     * transfer, so that the run names a transfer) and a sustainment planning run, each of one second.
     */
    void startRuns(Http http, String token) {
        String plan = firstId(http.get("/api/v1/coproduction/plans", token).json());
        Http.Response run = http.post("/api/v1/coproduction/plans/" + plan + "/what-ifs", token,
                Map.of("kind", "DISRUPT_COUNTRY", "subject", "JPN", "amount", 50, "seconds", 1));
        System.out.println("co-production what-if run: " + run.status() + " " + run.body());
        if (run.status() == 202) {
            whatIfRun = "/api/v1/coproduction/plans/" + plan + "/runs/" + run.json().get("id").asString();
        }
        Http.Response planning = http.post("/api/v1/sustainment/plans", token,
                Map.of("horizonStart", "2026-01-05", "horizonEnd", "2026-06-30", "seconds", 1));
        System.out.println("sustainment planning run: " + planning.status() + " " + planning.body());
    }

    /**
     * What the demo data has none of: an export authorization (issued by us.fdo) and a release request (jp.atla asks
     * to release a U.S. document to Australia), so that their pages of the API are walked too.
     */
    void makeRequests(Http http, String token) {
        String acq = http.token("us.acq", "demo");
        Http.Response doc = http.post("/api/v1/documents", acq, Map.of("title", "Trainer study notes", "body", "b",
                "marking", "UNCLASSIFIED//REL TO USA, JPN"));
        Http.Response request = http.post("/api/v1/records/" + doc.json().get("id").asString()
                + "/disclosure-requests", token, Map.of("nations", List.of("AUS"),
                "justification", "Australia joins the trainer study"));
        System.out.println("release request: " + request.status() + " " + request.body());
        Http.Response authorization = http.post("/api/v1/authorizations", officer, Map.of("number",
                "JA-WALK-" + System.nanoTime() % 1_000_000, "kind", "LICENCE", "regime", "ITAR",
                "coveredNations", List.of("JPN"), "validFrom", "2026-01-01", "validTo", "2027-12-31", "note", ""));
        System.out.println("authorization: " + authorization.status() + " " + authorization.body());
    }

    void walk(String where, String path, JsonNode node, List<String> english, List<String> unlabelled) {
        if (node.isObject()) {
            for (var e : node.properties()) {
                String name = e.getKey();
                String at = path.isEmpty() ? name : path + "." + name;
                if (skipped(path, name)) {
                    continue;
                }
                JsonNode v = e.getValue();
                if (isCode(v) && !node.has(name + "Label") && !node.has(name + "Labels")) {
                    unlabelled.add(where + " " + at + " = " + v);
                }
                walk(where, at, v, english, unlabelled);
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                walk(where, path + "[]", item, english, unlabelled);
            }
        } else if (node.isString()) {
            String s = node.asString();
            for (String name : PEOPLE) {
                s = s.replace(name, " "); // a person's name inside a sentence (「Laura Vance があなたを…」) is typed
            }
            if (!EnglishInJapanese.runs(s).isEmpty() || EnglishInJapanese.isOneEnglishWord(s)) {
                english.add(where + " " + path + " = \"" + s + "\"");
            }
        }
    }

    /** Whether a field is a row of {@link #NOT_WRITTEN_BY_THE_SYSTEM}, or an id or a time by its name. */
    boolean skipped(String parent, String name) {
        String last = parent.isEmpty() ? "" : parent.substring(parent.lastIndexOf('.') + 1).replace("[]", "");
        for (String row : List.of(last + "." + name, name)) {
            if (NOT_WRITTEN_BY_THE_SYSTEM.containsKey(row)) {
                rowsUsed.add(row);
                return true;
            }
        }
        return name.endsWith("Id") || name.endsWith("Ids") || name.endsWith("At") || name.endsWith("On");
    }

    /** A code: a string such as {@code CO_DEVELOPMENT} or {@code USA}, or a list of them. */
    static boolean isCode(JsonNode v) {
        if (v.isString()) {
            return CODE.matcher(v.asString()).matches() && v.asString().length() >= 2;
        }
        if (v.isArray() && !v.isEmpty()) {
            for (JsonNode item : v) {
                if (!item.isString() || !CODE.matcher(item.asString()).matches()) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

}
