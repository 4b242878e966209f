package org.dicas.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dicas.forum.ActionItem;
import org.dicas.forum.Meeting;
import org.dicas.forum.WorkingGroup;
import org.dicas.sosa.SosaRequest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * All UI text comes from the message bundles: templates hold no hard-coded text, every key a template uses exists
 * in English and Japanese, and the two bundles have the same keys with real translations.
 */
class MessagesTest {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Pattern KEY = Pattern.compile("#\\{([A-Za-z0-9_.-]+)");
    static final Set<String> TEXT_ATTRIBUTES = Set.of("placeholder", "title", "alt", "aria-label", "value", "label");
    /** Attributes that replace an element's body, so literal text inside is only a design-time placeholder. */
    static final List<String> BODY_REPLACING = List.of("th:text", "th:utext", "th:replace", "th:insert");

    static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/messages/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    static List<Path> templates() throws IOException {
        try (Stream<Path> s = Files.walk(TEMPLATES)) {
            return s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    @Test
    void englishAndJapaneseBundlesHaveTheSameKeys() throws IOException {
        Set<String> en = new TreeSet<>(bundle("messages.properties").stringPropertyNames());
        Set<String> ja = new TreeSet<>(bundle("messages_ja.properties").stringPropertyNames());
        assertThat(ja).as("keys missing in Japanese").containsAll(en);
        assertThat(en).as("keys missing in English").containsAll(ja);
    }

    /** A key written twice is silently the last one: one of the two texts is never shown. */
    @Test
    void noKeyIsWrittenTwice() throws IOException {
        for (String name : List.of("messages.properties", "messages_ja.properties")) {
            Set<String> seen = new TreeSet<>();
            List<String> twice = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of("src/main/resources/messages", name))) {
                int eq = line.indexOf('=');
                if (eq > 0 && !line.startsWith("#") && !seen.add(line.substring(0, eq).strip())) {
                    twice.add(line.substring(0, eq).strip());
                }
            }
            assertThat(twice).as("keys written twice in " + name).isEmpty();
        }
    }

    @Test
    void japaneseBundleIsTranslatedNotCopied() throws IOException {
        Properties en = bundle("messages.properties");
        Properties ja = bundle("messages_ja.properties");
        List<String> untranslated = en.stringPropertyNames().stream()
                .filter(k -> !k.startsWith("lang."))
                .filter(k -> en.getProperty(k).equals(ja.getProperty(k))).sorted().toList();
        assertThat(untranslated).as("Japanese values identical to English").isEmpty();
        long withJapanese = ja.stringPropertyNames().stream()
                .filter(k -> ja.getProperty(k).codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                        || Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA
                        || Character.UnicodeScript.of(c) == Character.UnicodeScript.KATAKANA)).count();
        assertThat(withJapanese).isGreaterThan(ja.size() * 9L / 10);
    }

    @Test
    void japaneseMessagesHoldNoEnglishSentences() throws IOException {
        Properties ja = bundle("messages_ja.properties");
        List<String> english = new ArrayList<>();
        for (String key : new TreeSet<>(ja.stringPropertyNames())) {
            if (!key.startsWith("time.pattern.")) { // date-time patterns (uuuu年M月d日), not sentences
                org.dicas.support.EnglishInJapanese.runs(ja.getProperty(key)).forEach(w -> english.add(key + ": '" + w + "' in " + ja.getProperty(key)));
            }
        }
        assertThat(english).as("English in Japanese messages").isEmpty();
        assertThat(org.dicas.support.EnglishInJapanese.runs("計画期間 no room in the horizon")).containsExactly("no room in the horizon");
        assertThat(org.dicas.support.EnglishInJapanese.runs("入力は periods、lines を持つ JSON オブジェクト（dicas.x=true、<channel>）")).isEmpty();
    }

    @Test
    void everyKeyATemplateUsesExistsInBothLanguages() throws IOException {
        Properties en = bundle("messages.properties");
        Properties ja = bundle("messages_ja.properties");
        Set<String> used = new TreeSet<>();
        for (Path t : templates()) {
            Matcher m = KEY.matcher(Files.readString(t));
            while (m.find()) {
                used.add(m.group(1));
            }
        }
        // keys built from enum values and record kinds
        for (WorkingGroup.Status s : WorkingGroup.Status.values()) {
            used.add("wg.status." + s);
        }
        for (Meeting.Kind k : Meeting.Kind.values()) {
            used.add("meeting.kind." + k);
        }
        for (ActionItem.Status s : ActionItem.Status.values()) {
            used.add("action.status." + s);
        }
        for (String kind : List.of("working-group", "meeting", "agenda-item", "decision", "action-item", "thread",
                "reply", "document")) {
            used.add("record.kind." + kind);
        }
        // the frame of every page (head, header, footer) is written by a processor, not by the layout template
        Matcher frame = Pattern.compile("\"([a-z]+\\.[A-Za-z.]+)\"").matcher(Files.readString(
                Path.of("src/main/java/org/dicas/security/internal/SiteChromeDialect.java")));
        int frameKeys = 0;
        while (frame.find()) {
            used.add(frame.group(1));
            frameKeys++;
        }
        assertThat(frameKeys).as("keys of the site frame").isGreaterThan(25);
        used.add("lang.en");
        used.add("lang.ja");
        assertThat(used).hasSizeGreaterThan(100);
        List<String> missing = new ArrayList<>();
        for (String key : used) {
            if (!en.containsKey(key)) {
                missing.add("en:" + key);
            }
            if (!ja.containsKey(key)) {
                missing.add("ja:" + key);
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyNotificationKeyTheCodeSendsExistsInBothLanguages() throws IOException {
        Properties en = bundle("messages.properties");
        Properties ja = bundle("messages_ja.properties");
        Pattern literal = Pattern.compile("\"(notification\\.[A-Za-z0-9_.]+)\"");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> s = Files.walk(Path.of("src/main/java"))) {
            for (Path java : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(java));
                while (m.find()) {
                    String key = m.group(1);
                    if (key.endsWith(".")) { // a key completed by an enum value
                        assertThat(key).as(java + ": a prefix this test does not know how to complete")
                                .isEqualTo("notification.sosa.responded.");
                        for (SosaRequest.Response r : SosaRequest.Response.values()) {
                            used.add(key + r);
                        }
                    } else {
                        used.add(key);
                    }
                }
            }
        }
        assertThat(used).contains("notification.record.unreadable", "notification.release.approved",
                "notification.sosa.responded.DECLINED");
        List<String> missing = new ArrayList<>();
        for (String key : used) {
            if (!en.containsKey(key)) {
                missing.add("en:" + key);
            }
            if (!ja.containsKey(key)) {
                missing.add("ja:" + key);
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void templatesHoldNoHardCodedText() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path t : templates()) {
            var doc = Jsoup.parse(Files.readString(t), "", Parser.htmlParser());
            for (Element e : doc.getAllElements()) {
                if (replacesBody(e)) {
                    continue;
                }
                for (TextNode text : e.textNodes()) {
                    if (!text.isBlank() && !insideReplacedBody(e)) {
                        problems.add(TEMPLATES.relativize(t) + ": <" + e.tagName() + "> text '" + text.text().strip() + "'");
                    }
                }
                for (String attr : TEXT_ATTRIBUTES) {
                    String v = e.attr(attr);
                    if (!v.isBlank() && !(e.tagName().equals("option") || e.tagName().equals("input") && !attr.equals("placeholder"))
                            && v.codePoints().anyMatch(Character::isLetter)) {
                        problems.add(TEMPLATES.relativize(t) + ": <" + e.tagName() + " " + attr + "='" + v + "'>");
                    }
                }
            }
        }
        assertThat(problems).as("hard-coded text in templates (use th:text=\"#{key}\")").isEmpty();
    }

    static boolean replacesBody(Element e) {
        return BODY_REPLACING.stream().anyMatch(e::hasAttr);
    }

    static boolean insideReplacedBody(Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (replacesBody(p)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theCheckCatchesHardCodedText() {
        var doc = Jsoup.parse("<p>Hello</p><span th:text=\"#{x}\">placeholder</span>", "", Parser.htmlParser());
        Element p = doc.selectFirst("p");
        Element span = doc.selectFirst("span");
        assertThat(replacesBody(p)).isFalse();
        assertThat(p.textNodes().get(0).isBlank()).isFalse();
        assertThat(replacesBody(span)).isTrue();
    }
}
