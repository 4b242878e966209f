package org.dicas.search.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shipped EN/JA glossary: its content, concept matching in both languages, language detection, load errors. */
class GlossaryTest {

    static final Glossary G = Glossary.shipped();

    @Test
    void shipsAFewHundredConceptsWithTermsInBothLanguagesAndKnownAreas() {
        assertThat(G.size()).isGreaterThanOrEqualTo(550);
        Set<String> areas = new HashSet<>();
        G.capabilityAreas().forEach(a -> areas.add(a.code()));
        assertThat(areas).contains("AIR", "MARITIME", "LAND", "MISSILE_DEFENSE", "MUNITIONS", "SPACE", "CYBER_EW",
                "C4ISR", "SUSTAINMENT", "INDUSTRIAL_BASE", "TRAINING", "AIR.TRAINER", "MISSILE_DEFENSE.INTERCEPTOR");
        long bilingual = G.entries().stream().filter(e -> !e.english().isEmpty() && !e.japanese().isEmpty()).count();
        assertThat(bilingual).isEqualTo(G.size());
        G.entries().forEach(e -> assertThat(areas).contains(e.area()));
        G.capabilityAreas().stream().filter(a -> !a.isTopLevel())
                .forEach(a -> assertThat(areas).contains(a.parent()));
    }

    @Test
    void japaneseAndEnglishTextsOfTheSameNeedShareConcepts() {
        Set<String> ja = G.conceptsIn("滑空段階の極超音速兵器に対処する迎撃ミサイルを2032年度までに取得する");
        Set<String> en = G.conceptsIn("Acquire interceptor missiles against hypersonic weapons in the glide phase by FY2032");
        assertThat(ja).contains("glide_phase", "hypersonic", "interceptor", "acquire");
        assertThat(en).contains("glide_phase", "hypersonic", "interceptor", "acquire");
    }

    @Test
    void noTermBelongsToTwoConcepts() {
        java.util.Map<String, String> owner = new java.util.HashMap<>();
        for (Glossary.Entry e : G.entries()) {
            for (String t : e.english()) {
                String prev = owner.put("en:" + t.toLowerCase(java.util.Locale.ROOT), e.id());
                assertThat(prev == null || prev.equals(e.id())).as("English term %s in %s and %s", t, prev, e.id()).isTrue();
            }
            for (String t : e.japanese()) {
                String prev = owner.put("ja:" + t, e.id());
                assertThat(prev == null || prev.equals(e.id())).as("Japanese term %s in %s and %s", t, prev, e.id()).isTrue();
            }
        }
    }

    @Test
    void closeButDifferentSubjectsAreDifferentConcepts() {
        assertThat(G.conceptsIn("binocular night vision goggles")).contains("night_vision").doesNotContain("body_armor");
        assertThat(G.conceptsIn("個人用暗視装置")).contains("night_vision").doesNotContain("body_armor");
        assertThat(G.conceptsIn("ballistic protection vests")).contains("body_armor");
        assertThat(G.conceptsIn("防弾チョッキ")).containsExactly("body_armor");
        assertThat(G.conceptsIn("counter-small UAS system")).contains("counter_uas").doesNotContain("unmanned_aircraft");
        assertThat(G.conceptsIn("対ドローン装置")).contains("counter_uas").doesNotContain("unmanned_aircraft");
        assertThat(G.conceptsIn("aeromedical evacuation")).containsExactly("medevac");
        assertThat(G.conceptsIn("患者空輸")).containsExactly("medevac");
        assertThat(G.conceptsIn("自律航行")).containsExactly("autonomy");
        assertThat(G.conceptsIn("autonomous navigation")).containsExactly("autonomy");
        assertThat(G.conceptsIn("耐妨害")).containsExactly("anti_jam");
        assertThat(G.conceptsIn("anti-jam")).containsExactly("anti_jam");
        assertThat(G.conceptsIn("リチウムイオン蓄電池")).containsExactly("batteries");
        assertThat(G.conceptsIn("固定式警戒管制レーダー")).containsExactly("warning_control_radar");
        assertThat(G.conceptsIn("coastal surveillance radar")).containsExactly("coastal_radar");
        // incidental words that used to name logistics or repair
        assertThat(G.conceptsIn("transportable terminals")).doesNotContain("packaging", "transportation");
        assertThat(G.conceptsIn("fixed-wing aircraft")).doesNotContain("repair");
    }

    @Test
    void japaneseTermsThatStartWithADesignatorMatchAtAWordBoundary() {
        assertThat(G.conceptsIn("ECMポッドの取得")).contains("ew_pod");
        assertThat(G.conceptsIn("GPS妨害への対処")).contains("gps_jamming");
        assertThat(G.conceptsIn("XECMポッド")).doesNotContain("ew_pod");
    }

    @Test
    void longestTermWinsSoAnInterceptorIsNotJustAMissile() {
        assertThat(G.conceptsIn("迎撃ミサイル")).containsExactly("interceptor");
        assertThat(G.conceptsIn("interceptor missiles")).containsExactly("interceptor");
        assertThat(G.conceptsIn("ミサイル")).containsExactly("missile");
    }

    @Test
    void englishMatchesStemmedMultiWordTermsAndAcronyms() {
        assertThat(G.conceptsIn("replacing the trainer jets")).contains("replace", "trainer_aircraft");
        assertThat(G.conceptsIn("co-production of AMRAAM")).contains("co_production", "air_to_air_missile");
        assertThat(G.conceptsIn("Foreign Military Sales case")).contains("fms");
        assertThat(G.conceptsIn("SM-3 Block IIA")).contains("sm3");
        assertThat(G.conceptsIn("collaborative combat aircraft (CCA)")).containsExactly("cca");
    }

    @Test
    void japaneseIsMatchedOnNormalisedText() {
        // full-width letters and digits (NFKC), long-vowel mark and middle dot variants
        assertThat(G.conceptsIn("ＳＭ－３の取得")).contains("sm3", "acquire");
        assertThat(G.conceptsIn("シミュレータの更新")).contains("simulator", "replace");
        assertThat(G.conceptsIn("スタンドオフ電子戦機")).contains("ew_aircraft");
        assertThat(G.conceptsIn("スタンド・オフ電子戦機")).contains("ew_aircraft");
    }

    @Test
    void matchesReportTheLiteralAndItsLanguage() {
        var matches = G.matchesIn("老朽化したT-4練習機の後継となる練習機");
        assertThat(matches).anySatisfy(m -> {
            assertThat(m.conceptId()).isEqualTo("trainer_aircraft");
            assertThat(m.language()).isEqualTo(Language.JA);
            assertThat(m.literal()).isEqualTo("練習機");
        });
        // the designator-led Japanese term is one match; the designator is also read as English
        assertThat(matches).anySatisfy(m -> {
            assertThat(m.conceptId()).isEqualTo("t4");
            assertThat(m.language()).isEqualTo(Language.JA);
            assertThat(m.literal()).isEqualTo("T-4練習機");
        });
        assertThat(matches).anySatisfy(m -> {
            assertThat(m.conceptId()).isEqualTo("trainer_aircraft");
            assertThat(m.literal()).isEqualTo("T-4");
        });
    }

    @Test
    void detectsJapaneseWhenKanaOrKanjiArePresent() {
        assertThat(Language.detect("Replace trainer jets")).isEqualTo(Language.EN);
        assertThat(Language.detect("練習機")).isEqualTo(Language.JA);
        assertThat(Language.detect("T-7A トレーナー")).isEqualTo(Language.JA);
        assertThat(Language.detect("")).isEqualTo(Language.EN);
        assertThat(Language.detect(null)).isEqualTo(Language.EN);
        assertThat(Glossary.detect("空中給油機")).isEqualTo(Language.JA);
    }

    @Test
    void analysesEachLanguageWithItsAnalyzer() {
        assertThat(TextAnalysis.englishTerms("Replacing the trainers")).containsExactly("replac", "trainer");
        assertThat(TextAnalysis.japaneseTerms("練習機を取得する")).contains("練習", "取得");
        assertThat(G.conceptsIn(null)).isEmpty();
        assertThat(G.conceptsIn("   ")).isEmpty();
    }

    @Test
    void badFilesAreRefusedNamingTheLine() {
        String areas = "code\tparent\tname_en\tname_ja\nAIR\t\tAir\t航空\n";
        assertThatThrownBy(() -> Glossary.load(new StringReader("id\tarea\ten\tja\nx\tSEA\tship\t船\n"),
                new StringReader(areas)))
                .hasMessage("glossary line 2: unknown capability area SEA");
        assertThatThrownBy(() -> Glossary.load(new StringReader("x\tAIR\tjet\t機\nx\tAIR\tplane\t機体\n"),
                new StringReader(areas)))
                .hasMessage("glossary line 2: duplicate concept id x");
        assertThatThrownBy(() -> Glossary.load(new StringReader("x\tAIR\tjet\t機\tVERB\n"), new StringReader(areas)))
                .hasMessage("glossary line 1: unknown role VERB");
        assertThatThrownBy(() -> Glossary.load(new StringReader("x\tAIR\tjet\n"), new StringReader(areas)))
                .hasMessage("glossary line 1: expected at least 4 columns, found 3");
        assertThatThrownBy(() -> Glossary.load(new StringReader(""), new StringReader("A.B\tA\tx\ty\n")))
                .hasMessage("capability areas line 1: unknown parent A");
    }

    @Test
    void isFastEnoughToIndexManyRecords() {
        String text = "Replace aging T-38C trainer jets used for undergraduate pilot training; 老朽化したT-4練習機の後継機を取得する";
        G.conceptsIn(text);
        long t0 = System.nanoTime();
        for (int i = 0; i < 5_000; i++) {
            G.conceptsIn(text + i);
        }
        double microsPerText = (System.nanoTime() - t0) / 1e3 / 5_000;
        // generous bound (shared CI machines): 100,000 records would take well under a minute
        assertThat(microsPerText).isLessThan(500);
    }

    @Test
    void bilingualFactsFromTheSecondBlindSetAreOneConceptEach() {
        assertThat(G.conceptsIn("滞空型弾薬")).containsExactly("loitering_munition_strike");
        assertThat(G.conceptsIn("loitering munitions")).containsExactly("loitering_munition_strike");
        assertThat(G.conceptsIn("one-way attack drone")).containsExactly("loitering_munition_strike");
        assertThat(G.conceptsIn("subsea data cables")).containsExactly("undersea_cable");
        assertThat(G.conceptsIn("海底通信ケーブル")).containsExactly("undersea_cable");
        assertThat(G.conceptsIn("普通科部隊")).containsExactly("infantry");
        // a SAM battery is air defence, not an electrical battery
        assertThat(G.conceptsIn("medium-range SAM battery")).contains("air_defense").doesNotContain("batteries");
        // 人員輸送型 is a vehicle variant, not logistics transport
        assertThat(G.conceptsIn("人員輸送型")).containsExactly("ifv");
        // forging is not casting
        assertThat(G.conceptsIn("チタン鍛造品")).containsExactly("forgings");
        assertThat(G.conceptsIn("titanium forgings")).containsExactly("forgings");
        assertThat(G.conceptsIn("大型鋳造品")).containsExactly("castings_forgings");
        // a mission package is not packaging
        assertThat(G.conceptsIn("uncrewed vehicle package")).doesNotContain("packaging");
    }
}
