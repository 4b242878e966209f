package org.dicas.titles.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.dicas.search.text.Glossary;
import org.dicas.search.text.Language;
import org.junit.jupiter.api.Test;

/** The drafter, on the shipped glossary: term by term, longest term first, unknown words kept as written. */
class TitleDrafterTest {

    static final TitleDrafter DRAFTER = new TitleDrafter(Glossary.shipped());

    @Test
    void anEnglishTitleIsDraftedInJapaneseTermByTerm() {
        var d = DRAFTER.draft("Trainer jets", Language.JA);
        assertThat(d.text()).isEqualTo("練習機");
        assertThat(d.terms()).containsExactly(new TitleDrafter.Term("Trainer jets", "練習機"));
        assertThat(d.complete()).isTrue();
    }

    @Test
    void theLongestTermWinsOverTheWordsInsideIt() {
        var ja = DRAFTER.draft("Interceptor missile", Language.JA);
        assertThat(ja.text()).isEqualTo("迎撃ミサイル");
        var en = DRAFTER.draft("迎撃ミサイル", Language.EN);
        assertThat(en.text()).isEqualTo("interceptor");
        assertThat(en.terms()).extracting(TitleDrafter.Term::source).containsExactly("迎撃ミサイル");
    }

    @Test
    void wordsTheGlossaryDoesNotKnowAreKeptAsWrittenAndNamed() {
        var d = DRAFTER.draft("Zorblax radar", Language.JA);
        assertThat(d.text()).isEqualTo("Zorblax レーダー");
        assertThat(d.keptAsWritten()).containsExactly("Zorblax");
        assertThat(d.complete()).isFalse();
    }

    @Test
    void japanesePiecesAreJoinedWithoutSpacesAndEnglishPiecesWithOne() {
        var ja = DRAFTER.draft("Interceptor co-production", Language.JA);
        assertThat(ja.text()).isEqualTo("迎撃ミサイル共同生産");
        var en = DRAFTER.draft("迎撃ミサイル共同生産", Language.EN);
        assertThat(en.text()).isEqualTo("interceptor co-production");
    }

    @Test
    void japaneseParticlesTheGlossaryDoesNotKnowStayInTheEnglishDraft() {
        var en = DRAFTER.draft("迎撃ミサイルの共同生産", Language.EN);
        assertThat(en.text()).isEqualTo("interceptor の co-production");
        assertThat(en.keptAsWritten()).containsExactly("の");
    }

    @Test
    void nothingToDraftGivesAnEmptyDraft() {
        assertThat(DRAFTER.draft("  ", Language.EN).text()).isEmpty();
        assertThat(DRAFTER.draft(null, Language.JA).terms()).isEmpty();
    }

    @Test
    void theLanguageOfATextIsJapaneseAsSoonAsItHoldsJapaneseScript() {
        assertThat(TitleDrafter.languageOf("F-35 整備")).isEqualTo(Language.JA);
        assertThat(TitleDrafter.languageOf("F-35 sustainment")).isEqualTo(Language.EN);
    }
}
