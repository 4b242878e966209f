package org.dicas.forum;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dicas.disclosure.DisclosureRequest;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.Sentence;
import org.dicas.shared.SentenceJson;
import org.dicas.shared.Sentences;
import org.dicas.sosa.SosaRequest;
import org.dicas.sosa.SosaRequests;
import org.junit.jupiter.api.Test;

/**
 * The sentences the forum, SoSA, foreign disclosure and notifications write: every code they name has a label in
 * both languages, the Japanese reads as Japanese (no English sentence left inside), refusals name the field by its
 * label, and a sentence kept in the database comes back as it was written.
 */
class ForumSentencesTest {

    /** Message prefixes of the sentences these modules write. */
    static final List<String> PREFIXES = List.of("forum.error.", "forum.validation.", "sosa.error.", "sosa.history.",
            "sosa.step.", "disclosure.error.", "disclosure.outcome.", "notification.", "action.csv.");
    /** Two Latin words in a row: an English phrase, unless it is a proper noun or code in the allow-list. */
    static final Pattern ENGLISH_PHRASE = Pattern.compile("[A-Za-z]{2,}[ ,;:]+[A-Za-z]{2,}");
    static final List<String> ALLOWED = List.of("Asia/Tokyo", "CUI//REL TO");

    static Properties japanese() throws IOException {
        Properties p = new Properties();
        try (InputStream in = ForumSentencesTest.class.getResourceAsStream("/messages/messages_ja.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void theJapaneseOfEverySentenceTheseModulesWriteHasNoEnglishPhrase() throws IOException {
        Properties ja = japanese();
        List<String> checked = new ArrayList<>();
        List<String> english = new ArrayList<>();
        for (String key : ja.stringPropertyNames()) {
            if (PREFIXES.stream().noneMatch(key::startsWith)) {
                continue;
            }
            checked.add(key);
            String value = ja.getProperty(key);
            for (String allowed : ALLOWED) {
                value = value.replace(allowed, "");
            }
            if (ENGLISH_PHRASE.matcher(value).find()) {
                english.add(key + "=" + ja.getProperty(key));
            }
        }
        assertThat(checked).hasSizeGreaterThan(60);
        assertThat(english).as("English phrases in Japanese sentences").isEmpty();
    }

    @Test
    void everyCodeTheseModulesShowHasALabelInBothLanguages() {
        List<Sentence> labels = new ArrayList<>();
        Arrays.stream(DisclosureRequest.Outcome.values()).forEach(o -> labels.add(Sentence.label("disclosure.outcome", o)));
        Arrays.stream(SosaRequest.Status.values()).forEach(s -> labels.add(Sentence.label("sosa.status", s)));
        Arrays.stream(SosaRequest.Response.values()).forEach(r -> labels.add(Sentence.label("sosa.response", r)));
        Stream.of("acknowledge", "respond", "close").forEach(s -> labels.add(Sentence.label("sosa.step", s)));
        Arrays.stream(ActionItem.Status.values()).forEach(s -> labels.add(Sentence.label("action.status", s)));
        Stream.of("id", "marking", "title", "owner", "due", "status", "meeting")
                .forEach(c -> labels.add(Sentence.label("action.csv", c)));
        Decision.PIPELINE_STAGES.forEach(s -> labels.add(Sentence.label("consultation.stage", s)));
        for (Sentence label : labels) {
            assertThat(Sentences.exists(label.key())).as(label.key()).isTrue();
            assertThat(Sentences.render(label, Locale.JAPANESE)).as(label.key())
                    .isNotEqualTo(Sentences.render(label, Locale.ENGLISH));
        }
    }

    @Test
    void aRefusalNamesTheFieldByItsLabelInTheReadersLanguage() {
        InvalidInputException e = InvalidInputException.of("endsAt", "forum.error.endBeforeStart");
        assertThat(e.describe(Locale.ENGLISH)).isEqualTo("End: A meeting must end after it starts.");
        assertThat(e.describe(Locale.JAPANESE)).isEqualTo("終了：会合の終了日時は開始日時より後にしてください。");
        InvalidInputException response = SosaRequests.responseRequired();
        assertThat(response.describe(Locale.ENGLISH))
                .isEqualTo("Firm's response: Choose the firm's response: Accepted, Partially accepted, Declined.");
        assertThat(response.describe(Locale.JAPANESE)).isEqualTo("企業の回答：企業の回答を選択してください（受諾、一部受諾、辞退）。");
        InvalidInputException chairs = InvalidInputException.of("coChairs", "forum.error.oneCoChairPerNation",
                Sentence.nation("JPN"));
        assertThat(chairs.describe(Locale.JAPANESE)).isEqualTo("共同議長：共同議長は各国1名です（日本が重複しています）。");
    }

    @Test
    void aSentenceKeptInTheDatabaseComesBackAsItWasWritten() {
        Sentence written = Sentence.of("sosa.history.submittedRelieving", Sentence.nation("JPN"), Sentence.nation("USA"),
                40, "Rocket motor case, \"SRM\"", "SM-3", java.time.LocalDate.of(2030, 1, 2), List.of(12L, 13L));
        Sentence read = SentenceJson.read(SentenceJson.write(written));
        assertThat(Sentences.render(read, Locale.JAPANESE)).isEqualTo(Sentences.render(written, Locale.JAPANESE))
                .isEqualTo("日本から米国へ：Rocket motor case, \"SRM\"（SM-3）40個、必要期日 2030年1月2日（水）。緩和する重要ノード：12、13");
        assertThat(Sentences.render(read, Locale.ENGLISH))
                .isEqualTo("Japan to United States: 40 × Rocket motor case, \"SRM\" (SM-3), needed by Wed 2 Jan 2030; "
                        + "relieves nodes 12, 13");
    }
}
