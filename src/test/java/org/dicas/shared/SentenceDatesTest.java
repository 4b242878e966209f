package org.dicas.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A date inside a sentence reads as people write dates in the reader's language, exactly as the pages write it
 * ({@link TimeText}): never ISO-8601. A stored sentence keeps its dates as dates, so they read so when rendered later,
 * and a day stored as ISO text before that reads as a day too.
 */
class SentenceDatesTest {

    /** sosa.error.promisedDatePast: the promised date {0} has passed (one date argument). */
    static final Sentence PAST = Sentence.of("sosa.error.promisedDatePast", LocalDate.of(2026, 3, 1));

    @Test
    void aDayReadsAsJapaneseWritesIt() {
        String ja = Sentences.render(PAST, Locale.JAPANESE);
        assertThat(ja).contains("2026年3月1日").doesNotContain("2026-03-01");
        assertThat(ja).isEqualTo("約束納期 2026年3月1日（日） は過去の日付です。");
        assertThat(ja).contains(TimeText.date(LocalDate.of(2026, 3, 1), Locale.JAPANESE));
    }

    @Test
    void aDayReadsAsEnglishWritesIt() {
        String en = Sentences.render(PAST, Locale.ENGLISH);
        assertThat(en).contains("1 Mar 2026").doesNotContain("2026-03-01");
        assertThat(en).isEqualTo("The promised delivery date Sun 1 Mar 2026 is in the past.");
        assertThat(en).contains(TimeText.date(LocalDate.of(2026, 3, 1), Locale.ENGLISH));
    }

    @Test
    void aMonthAndAMomentReadInTheReadersLanguageWithTheirClock() {
        Sentence month = Sentence.of("time.range", YearMonth.of(2029, 4), YearMonth.of(2030, 3));
        assertThat(Sentences.render(month, Locale.JAPANESE)).isEqualTo("2029年4月～2030年3月");
        assertThat(Sentences.render(month, Locale.ENGLISH)).isEqualTo("Apr 2029 – Mar 2030");

        Instant at = Instant.parse("2026-03-01T13:27:00Z");
        Sentence moment = Sentence.of("time.range", at, ZonedDateTime.ofInstant(at, ZoneId.of("Asia/Tokyo")));
        assertThat(Sentences.render(moment, Locale.JAPANESE)).isEqualTo("2026年3月1日（日） 13:27 UTC～2026年3月1日（日） 22:27 JST");
        assertThat(Sentences.render(moment, Locale.ENGLISH)).isEqualTo("Sun 1 Mar 2026 13:27 UTC – Sun 1 Mar 2026 22:27 JST");
    }

    @Test
    void aStoredSentenceKeepsItsDatesAsDates() {
        Sentence stored = SentenceJson.read(SentenceJson.write(Sentence.of("time.range", LocalDate.of(2027, 5, 22),
                YearMonth.of(2027, 6))));
        assertThat(stored.args()).containsExactly(LocalDate.of(2027, 5, 22), YearMonth.of(2027, 6));
        assertThat(Sentences.render(stored, Locale.JAPANESE)).isEqualTo("2027年5月22日（土）～2027年6月");
    }

    @Test
    void aDayStoredAsTextBeforeReadsAsADayAndOtherTextStaysAsTyped() {
        Sentence old = SentenceJson.read("{\"key\":\"time.range\",\"args\":[\"2027-05-22\",\"2027-99-99\"]}");
        assertThat(old.args()).isEqualTo(List.of(LocalDate.of(2027, 5, 22), "2027-99-99"));
        assertThat(Sentences.render(old, Locale.ENGLISH)).isEqualTo("Sat 22 May 2027 – 2027-99-99");
    }
}
