package org.dicas.titles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.dicas.shared.AccessLevel;
import org.dicas.shared.Marking;
import org.junit.jupiter.api.Test;

/** How a list names a record in a sentence that cannot label a draft (a notification). */
class ListedTitlesTest {

    private static Titles.Title title(String language, String text, boolean draft, boolean own) {
        return new Titles.Title(language, text, "", draft, own, Optional.of("someone"), Optional.of(Instant.EPOCH));
    }

    @Test
    void aRecordIsNamedByItsConfirmedTitleInTheReadersLanguageElseTheOther() {
        Titles both = new Titles(7, "DOCUMENT", Marking.of(AccessLevel.UNCLASSIFIED), 1, "en",
                Optional.of(title("en", "Seeker study", false, true)), Optional.of(title("ja", "シーカー研究", false, false)));
        Titles draftJa = new Titles(8, "DOCUMENT", Marking.of(AccessLevel.UNCLASSIFIED), 1, "en",
                Optional.of(title("en", "Rocket motor", false, true)), Optional.of(title("ja", "ロケットモータ", true, false)));
        RecordTitles.Listed ja = new RecordTitles.Listed(Map.of(7L, both, 8L, draftJa),
                Map.of(7L, "Seeker study", 8L, "Rocket motor"), Locale.JAPANESE);

        assertThat(ja.title(7L)).isEqualTo("シーカー研究");
        assertThat(ja.title(8L)).as("a draft is not a name").isEqualTo("Rocket motor");
        assertThat(ja.title(9L)).as("not known here").isNull();
    }

    @Test
    void whenEveryTitleHeldIsADraftTheRecordsOwnStoredTitleNamesIt() {
        // a draft written in the language the record's own title was later edited into: the own title is not held
        Titles onlyDraft = new Titles(5, "DOCUMENT", Marking.of(AccessLevel.UNCLASSIFIED), 3, "ja",
                Optional.empty(), Optional.of(title("ja", "下書きの題名", true, false)));
        RecordTitles.Listed listed = new RecordTitles.Listed(Map.of(5L, onlyDraft), Map.of(5L, "誘導弾の共同生産"),
                Locale.ENGLISH);

        assertThat(listed.title(5L)).isEqualTo("誘導弾の共同生産");
    }
}
