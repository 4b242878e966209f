package org.dicas.requirements.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The opportunity finder on a small bilingual set: candidates, flags, explanations, groups, leads. */
class OpportunityFinderTest {

    static RequirementProfile req(String id, String nation, String service, String title, String description,
                                  Integer quantity, String needBy) {
        return new RequirementProfile(id, nation, service, "", title, description,
                quantity == null ? OptionalInt.empty() : OptionalInt.of(quantity),
                needBy == null ? Optional.empty() : Optional.of(YearMonth.parse(needBy)));
    }

    static final List<RequirementProfile> SET = List.of(
            req("US-T", "USA", "USAF", "Replace T-38C trainer jets",
                    "Replace aging T-38C trainer aircraft used for undergraduate pilot training.", 351, "2029-09"),
            req("JP-T", "JPN", "航空自衛隊", "T-4練習機の後継機の取得",
                    "老朽化したT-4練習機の後継となる練習機を取得し、操縦者の養成に用いる。", 100, "2030-03"),
            req("AU-T", "AUS", "RAAF", "Lead-in fighter trainer replacement",
                    "Replace the Hawk 127 jet trainer fleet used to train fighter pilots.", 33, "2030-12"),
            req("JP-S", "JPN", "航空自衛隊", "練習機用フライトシミュレーターの整備",
                    "飛行教育に用いる模擬訓練装置（フライトシミュレーター）を更新し、教育を効率化する。", 6, "2029-03"),
            req("US-R", "USA", "USAF", "T-38 structural repair",
                    "Depot repair and overhaul of T-38 wings to extend service life.", null, "2026-06"),
            req("US-G", "USA", "Missile Defense Agency", "Glide Phase Interceptor",
                    "Develop a glide phase interceptor against hypersonic glide vehicles.", null, "2032-09"),
            req("JP-G", "JPN", "防衛装備庁", "滑空段階迎撃用誘導弾",
                    "滑空段階の極超音速兵器に対処する迎撃ミサイルを2032年度までに取得する。", null, "2033-03"),
            req("JP-X", "JPN", "海上自衛隊", "次期輸送機の研究", "C-2輸送機の後継となる輸送機を検討する。", null, "2042-03"),
            req("US-X", "USA", "USAF", "C-130H replacement", "Replace C-130H transport aircraft.", 24, "2027-09"));

    static final OpportunityFinder FINDER = OpportunityFinder.over(SET);

    @Test
    void findsTheSameNeedAcrossLanguagesBestFirst() {
        List<Candidate> c = FINDER.candidatesFor("US-T", 3);
        assertThat(c).hasSize(3);
        assertThat(c.get(0).id()).isIn("JP-T", "AU-T");
        assertThat(c.stream().limit(2).map(Candidate::id)).containsExactlyInAnyOrder("JP-T", "AU-T");
        assertThat(c.get(0).opportunity()).isTrue();
        assertThat(c).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
        assertThat(FINDER.candidatesFor("JP-G", 1).get(0).id()).isEqualTo("US-G");
        assertThat(FINDER.assess("JP-G", "US-G").opportunity()).isTrue();
    }

    @Test
    void neverProposesTheSameNation() {
        for (RequirementProfile r : SET) {
            for (Candidate c : FINDER.candidatesFor(r.id(), 10)) {
                assertThat(FINDER.requirement(c.id()).orElseThrow().nation()).isNotEqualTo(r.nation());
            }
        }
    }

    @Test
    void doesNotFlagLookAlikesThatDifferInNeed() {
        // a simulator is not a trainer jet; repairing the old trainer is not buying the new one
        assertThat(FINDER.assess("US-T", "JP-S").opportunity()).isFalse();
        assertThat(FINDER.assess("JP-T", "US-R").opportunity()).isFalse();
        assertThat(FINDER.assess("JP-T", "US-R").explanation().summary().english()).contains("different kinds of need");
        // same need, twelve years apart
        Assessment far = FINDER.assess("JP-X", "US-X");
        assertThat(far.opportunity()).isFalse();
        assertThat(far.explanation().summary().english()).contains("need dates too far apart");
        assertThat(far.window().orElseThrow().shiftMonths()).isPositive();
    }

    @Test
    void explainsWithTermsInBothLanguagesTimingAndSavings() {
        Assessment a = FINDER.assess("US-T", "JP-T");
        Explanation e = a.explanation();
        assertThat(e.matchedTerms()).anySatisfy(t -> {
            assertThat(t.conceptId()).isEqualTo("trainer_aircraft");
            assertThat(t.english()).isEqualTo("trainer aircraft");
            assertThat(t.japanese()).isEqualTo("練習機");
        });
        assertThat(e.capabilityArea()).isEqualTo("AIR.TRAINER");
        assertThat(e.sameArea()).isTrue();
        assertThat(e.timing().overlapMonths()).isEqualTo(18);
        assertThat(a.window().orElseThrow().shiftMonths()).isZero();
        assertThat(e.summary().english()).startsWith("Likely cooperative opportunity: both mention")
                .contains("both mention trainer aircraft").doesNotContain("練習機").contains("same capability area Trainer aircraft")
                .doesNotContain("AIR.TRAINER").contains("need windows overlap 18 months");
        assertThat(org.dicas.shared.Sentences.render(e.summary(), java.util.Locale.JAPANESE))
                .as("the same explanation in Japanese: the area by its Japanese name, the term in Japanese only")
                .startsWith("協力機会の可能性が高い：双方が").contains("練習機").contains("所要時期が18か月重なる")
                .doesNotContain("trainer aircraft").doesNotContain("AIR.TRAINER").doesNotContain("Likely");
        assertThat(a.combinedBuySavings().orElseThrow()).isCloseTo(
                LearningCurve.defaults().savings(351, 100), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(a.savings(new LearningCurve(10.0, 0.9))).isPresent();
        assertThat(FINDER.assess("US-G", "JP-G").combinedBuySavings()).isEmpty();
    }

    @Test
    void findsGroupsOfThreeNations() {
        List<OpportunityGroup> groups = FINDER.groups();
        assertThat(groups).hasSize(1);
        OpportunityGroup g = groups.get(0);
        assertThat(g.requirementIds()).containsExactlyInAnyOrder("US-T", "JP-T", "AU-T");
        assertThat(g.nations()).containsExactlyInAnyOrder("USA", "JPN", "AUS");
        assertThat(g.pairs()).hasSize(3).allMatch(Assessment::opportunity);
        assertThat(g.capabilityArea()).isEqualTo("AIR.TRAINER");
    }

    @Test
    void matchesALeadTextWithoutNationQuantityOrDate() {
        List<Candidate> c = FINDER.match(RequirementProfile.ofText("lead-1", "国際会議で聴取",
                "米国は極超音速滑空体を滑空段階で迎撃するミサイルの共同開発相手を探している"), 2);
        assertThat(c.get(0).id()).isIn("US-G", "JP-G");
        assertThat(c.stream().map(Candidate::id)).containsExactlyInAnyOrder("US-G", "JP-G");
    }

    @Test
    void matchAllCoversEveryRequirementAndInfersAreas() {
        Map<String, List<Candidate>> all = FINDER.matchAll(2);
        assertThat(all.keySet()).containsExactlyElementsOf(SET.stream().map(RequirementProfile::id).toList());
        assertThat(all.values()).allMatch(l -> l.size() <= 2);
        assertThat(FINDER.capabilityAreaOf("JP-G")).isEqualTo("MISSILE_DEFENSE.INTERCEPTOR");
        assertThat(FINDER.capabilityAreaOf("US-R")).startsWith("SUSTAINMENT");
        assertThat(FINDER.candidatesFor("US-T", 0)).isEmpty();
    }

    @Test
    void aGivenCapabilityAreaIsUsedAsIs() {
        RequirementProfile given = new RequirementProfile("X", "GBR", "RAF", "AIR.TRAINER", "Trainer", "Jet trainer",
                OptionalInt.empty(), Optional.empty());
        OpportunityFinder f = OpportunityFinder.over(List.of(given, SET.get(1)));
        assertThat(f.capabilityAreaOf("X")).isEqualTo("AIR.TRAINER");
    }

    @Test
    void refusesUnknownAndDuplicateIds() {
        assertThatThrownBy(() -> FINDER.candidatesFor("nope", 3)).hasMessage("unknown requirement nope");
        assertThatThrownBy(() -> FINDER.assess("US-T", "nope")).hasMessage("unknown requirement nope");
        assertThatThrownBy(() -> OpportunityFinder.over(List.of(SET.get(0), SET.get(0))))
                .hasMessage("duplicate requirement id US-T");
    }

    @Test
    void blocksWrittenInJapaneseAreReadAsBlocks() {
        Surface ja = Surface.of("SM-3ブロックIIAの日米共同生産", "SM-3ブロックIIAを共同生産する。");
        assertThat(Surface.blocksApart(ja, Surface.of("SM-3 Block IB", "Buy SM-3 Block IB interceptors."))).isTrue();
        assertThat(Surface.blocksApart(ja, Surface.of("SM-3 Block IIA", "Buy SM-3 Block 2A interceptors.")))
                .isFalse();
        assertThat(Surface.blocksApart(Surface.of("トマホーク（ブロック・V）", ""), Surface.of("Tomahawk Block IV", "")))
                .isTrue();
        // as 防衛省 prints them: Roman numerals as one character, full-width letters and digits, a full-width space
        for (String written : List.of("SM-3ブロックⅡA", "ＳＭ－３ブロックＩＩＡ", "SM-3ブロック２Ａ", "SM-3ブロック　IIA")) {
            assertThat(Surface.blocksApart(Surface.of(written, ""), Surface.of("SM-3 Block IB", ""))).as(written).isTrue();
            assertThat(Surface.blocksApart(Surface.of(written, ""), Surface.of("SM-3 Block IIA", ""))).as(written)
                    .isFalse();
        }
    }
}
