package org.dicas.requirements.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.dicas.search.text.DesignationRegistry;
import org.dicas.shared.Sentences;
import org.junit.jupiter.api.Test;

/**
 * The designation registry as the finder reads it, and the trained model (method §11): aliases across languages,
 * siblings and rivals told apart, deterministic training, sane calibration, retraining on a judged pair.
 */
class FinderModelTest {

    private static RequirementProfile req(String id, String nation, String title, String description) {
        return new RequirementProfile(id, nation, "", "", title, description, OptionalInt.of(200),
                Optional.of(YearMonth.of(2029, 3)));
    }

    @Test
    void anyOfASystemsNamesFindsTheSystemInEitherLanguage() {
        DesignationRegistry r = DesignationRegistry.shipped();
        for (String text : List.of("Procurement of AIM-120 missiles", "AIM120 lot buy", "AMRAAM for F-35A",
                "アムラームの取得", "中距離空対空ミサイル(AMRAAM)の調達")) {
            assertThat(r.systemsIn(text)).as(text).extracting(f -> f.designation().root()).contains("aim120");
        }
        assertThat(r.systemsIn("AIM-120D for fighters")).extracting(f -> f.designation().id()).contains("aim120d")
                .doesNotContain("aim120");
        assertThat(r.systemsIn("aimless procurement of 120 trucks")).isEmpty();
    }

    @Test
    void aDesignationAndAJapaneseNameOfOneSystemFindEachOtherAndTheExplanationSaysSo() {
        OpportunityFinder f = OpportunityFinder.over(List.of(
                req("US-1", "USA", "AIM-120 air-to-air missiles", "Buy AIM-120 missiles for fighters."),
                req("JP-1", "JPN", "アムラームの取得", "戦闘機用にアムラームを取得する。"),
                req("GB-1", "GBR", "Meteor air-to-air missiles", "Buy Meteor missiles for fighters.")),
                FinderModel.shipped());
        List<Candidate> c = f.candidatesFor("US-1", 2);
        assertThat(c.get(0).id()).isEqualTo("JP-1");
        Explanation e = c.get(0).explanation();
        assertThat(e.sameSystems()).hasSize(1);
        String en = Sentences.render(e.sameSystems().get(0), Locale.ENGLISH);
        assertThat(en).contains("AIM-120", "アムラーム", "AMRAAM");
        assertThat(Sentences.render(e.summary(), Locale.JAPANESE)).contains("同一の装備品", "見込み");
        assertThat(e.likelihood()).isBetween(0.0, 1.0);
        assertThat(e.modelVersion()).isEqualTo(FinderModel.shipped().version());
        Explanation rival = c.get(1).explanation();
        assertThat(c.get(1).id()).isEqualTo("GB-1");
        assertThat(rival.toldApart()).extracting(s -> Sentences.render(s, Locale.ENGLISH)).singleElement()
                .asString().contains("rival");
        assertThat(c.get(0).score()).isGreaterThan(c.get(1).score());
    }

    @Test
    void siblingsOfOneFamilyAreToldApartFromTheSameSystem() {
        OpportunityFinder f = OpportunityFinder.over(List.of(
                req("US-1", "USA", "SM-3 Block IIA interceptors", "Procure SM-3 Block IIA interceptors for Aegis."),
                req("JP-1", "JPN", "SM-3ブロックIIAの取得", "イージス艦用のSM-3ブロックIIAを取得する。"),
                req("AU-1", "AUS", "SM-6 missiles", "Procure SM-6 missiles for Aegis destroyers.")),
                FinderModel.shipped());
        Assessment same = f.assess("US-1", "JP-1");
        Assessment siblings = f.assess("US-1", "AU-1");
        assertThat(siblings.explanation().toldApart()).extracting(s -> Sentences.render(s, Locale.JAPANESE))
                .singleElement().asString().contains("同一ファミリー");
        assertThat(same.explanation().sameSystems()).isNotEmpty();
        assertThat(same.score()).isGreaterThan(siblings.score());
        assertThat(siblings.opportunity()).isFalse();
    }

    /**
     * Two trainings on the same sets give one model. Determinism is a property of the procedure (the examples read set
     * by set and joined in order, Newton's optimum, the folds' fits side by side, the boosted trees), which any sets
     * with both labels and several folds exercise: four development sets are trained twice rather than all of them
     * once more beside the shipped model (a full training, about ten seconds, for the same assertion). That the
     * shipped model is the one trained on every development set with the default hyper-parameters is asserted on it.
     */
    @Test
    void trainingIsDeterministic() {
        List<TrainingSet> some = TrainingSet.development().subList(0, 4);
        FinderModel once = FinderModel.train(some, FinderModel.Hyper.DEFAULT);
        FinderModel again = FinderModel.train(some, FinderModel.Hyper.DEFAULT);
        assertThat(again.version()).isEqualTo(once.version()).hasSize(12);
        assertThat(again.weights()).isEqualTo(once.weights());
        assertThat(again.threshold()).isEqualTo(once.threshold());
        assertThat(again.crossValidation()).isEqualTo(once.crossValidation()).hasSize(4);
        FinderModel shipped = FinderModel.shipped();
        assertThat(shipped.sets()).isEqualTo(TrainingSet.DEVELOPMENT_SETS);
        assertThat(shipped.threshold()).isEqualTo(FinderModel.Hyper.DEFAULT.threshold());
        assertThat(shipped.crossValidation()).hasSize(TrainingSet.DEVELOPMENT_SETS.size());
        assertThat(shipped.version()).isNotEqualTo(once.version()).hasSize(12);
    }

    @Test
    void likelihoodsAreProbabilitiesThatRiseWithTheModelsScore() {
        FinderModel m = FinderModel.shipped();
        double previous = -1;
        for (double z = -30; z <= 30; z += 0.5) {
            double p = m.calibrated(z);
            assertThat(p).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(previous);
            previous = p;
        }
        assertThat(m.calibrated(-30)).isLessThan(0.01);
        assertThat(m.calibrated(30)).isGreaterThan(0.99);
        assertThat(m.threshold()).isBetween(0.05, 0.95);
        // every candidate's score is a likelihood; candidates come best first
        TrainingSet dev = TrainingSet.development().get(0);
        OpportunityFinder f = OpportunityFinder.over(dev.requirements(), m);
        for (List<Candidate> cs : f.matchAll(5).values()) {
            double last = 2;
            for (Candidate c : cs) {
                assertThat(c.score()).isBetween(0.0, 1.0).isLessThanOrEqualTo(last);
                assertThat(c.opportunity()).isEqualTo(c.explanation().likelihood() >= m.threshold());
                last = c.score();
            }
        }
    }

    @Test
    void retrainingWithAJudgedPairChangesTheVersionAndMovesThatPairsLikelihood() {
        List<RequirementProfile> judged = List.of(
                req("J-1", "USA", "Field kitchen trailers", "Mobile field kitchens on trailers for deployed units."),
                req("J-2", "JPN", "野外炊具の取得", "部隊が展開先で使う野外炊具を取得する。"),
                req("J-3", "AUS", "Water purification units", "Deployable water purification for field units."),
                req("J-4", "GBR", "Field shower units", "Deployable field shower units for troops."));
        List<TrainingSet> base = new ArrayList<>(TrainingSet.development().subList(0, 3));
        base.add(TrainingSet.ofJudgments("judgments", judged, Map.of(Set.of("J-3", "J-4"), false)));
        FinderModel before = FinderModel.train(base, FinderModel.Hyper.DEFAULT);
        List<TrainingSet> more = new ArrayList<>(base.subList(0, 3));
        more.add(TrainingSet.ofJudgments("judgments", judged,
                Map.of(Set.of("J-3", "J-4"), false, Set.of("J-1", "J-2"), true)));
        FinderModel after = FinderModel.train(more, FinderModel.Hyper.DEFAULT);
        assertThat(after.version()).isNotEqualTo(before.version());
        assertThat(after.judgedPairs()).isEqualTo(2);
        OpportunityFinder rules = OpportunityFinder.over(judged);
        Signals pair = rules.signals("J-1", "J-2");
        assertThat(after.likelihood(pair)).isGreaterThan(before.likelihood(pair));
        // and a pair judged "not the same need" moves down
        List<TrainingSet> rejected = new ArrayList<>(base.subList(0, 3));
        rejected.add(TrainingSet.ofJudgments("judgments", judged,
                Map.of(Set.of("J-3", "J-4"), false, Set.of("J-1", "J-2"), false)));
        FinderModel down = FinderModel.train(rejected, FinderModel.Hyper.DEFAULT);
        assertThat(down.likelihood(pair)).isLessThan(after.likelihood(pair));
        assertThat(down.likelihood(pair)).isLessThanOrEqualTo(before.likelihood(pair));
    }

    @Test
    void whatWeighedMostSplitsTheWholeLogitTreesIncludedIntoGroupsThatReadTheSameWay() {
        FinderModel m = FinderModel.shipped();
        OpportunityFinder f = OpportunityFinder.over(List.of(
                req("CA-1", "CAN", "CAMM missiles for River-class destroyers",
                        "Procure CAMM missiles for local area air defence of the River-class destroyers."),
                req("NZ-1", "NZL", "CAMM missiles for Anzac frigates",
                        "Additional CAMM missiles for the Sea Ceptor system fitted to the Anzac frigates."),
                req("GB-1", "GBR", "Replacement of the Type 23 hull sonar",
                        "Replace the Type 2050 hull-mounted sonar of the Type 23 frigates.")), m);
        for (String[] p : new String[][] {{"CA-1", "NZ-1"}, {"CA-1", "GB-1"}}) {
            Signals s = f.signals(p[0], p[1]);
            double[] c = m.contributions(s);
            double sum = m.baselineLogit();
            for (double x : c) {
                sum += x;
            }
            assertThat(sum).as("%s ~ %s", p[0], p[1]).isCloseTo(m.logit(s), org.assertj.core.data.Offset.offset(1e-9));
            // the trees' share is in it: the linear part alone is another number
            double linear = m.logit(s) - m.treesLogit(s);
            assertThat(Math.abs(m.logit(s) - linear)).isGreaterThan(1e-3);
        }
        // one CAMM buy: each group said once, in the direction of its share; the wording raised it
        Signals same = f.signals("CA-1", "NZ-1");
        double[] c = m.contributions(same);
        List<String> said = m.topFeatures(same, 3).stream().map(x -> Sentences.render(x, Locale.ENGLISH)).toList();
        assertThat(said).isNotEmpty();
        FinderModel.GROUPS.forEach((group, names) -> {
            String label = Sentences.render(org.dicas.shared.Sentence.label("opp.feature.group", group), Locale.ENGLISH);
            List<String> of = said.stream().filter(x -> x.startsWith(label + " (")).toList();
            assertThat(of).as(group).hasSizeLessThanOrEqualTo(1);
            double share = names.stream().mapToDouble(n -> c[FinderModel.FEATURES.indexOf(n)]).sum();
            of.forEach(x -> assertThat(x).as(group).endsWith(share > 0 ? "raises it" : "lowers it"));
        });
        assertThat(said).anySatisfy(x -> assertThat(x).startsWith("how alike the two texts are (").endsWith("raises it"));
        assertThat(m.topFeatures(same, 3)).extracting(x -> Sentences.render(x, Locale.JAPANESE))
                .anySatisfy(x -> assertThat(x).startsWith("二つの文面の近さ（").endsWith("が見込みを高めた"));
        assertThat(FinderModel.GROUPS.values().stream().flatMap(List::stream).sorted().toList())
                .isEqualTo(FinderModel.FEATURES.stream().sorted().toList());
    }

    @Test
    void itemsForOneSharedPlatformAreToldApartButPlatformsOfOneSharedItemAreNot() {
        OpportunityFinder f = OpportunityFinder.over(List.of(
                req("US-1", "USA", "SM-6 missiles for Aegis destroyers", "Procure SM-6 missiles for Aegis destroyers."),
                req("JP-1", "JPN", "SM-3 Block IIA interceptors for Aegis destroyers",
                        "Procure SM-3 Block IIA interceptors for Aegis destroyers."),
                req("NO-1", "NOR", "MIDS JTRS terminals for F-16 fighters", "Buy MIDS JTRS Link 16 terminals for F-16s."),
                req("CA-1", "CAN", "MIDS JTRS terminals for F/A-18E/F Super Hornets",
                        "Buy MIDS JTRS Link 16 terminals for the Super Hornets.")), FinderModel.shipped());
        // both titles name Aegis, a platform: the missiles beside it are still siblings
        assertThat(f.assess("US-1", "JP-1").explanation().toldApart()).extracting(s -> Sentences.render(s, Locale.ENGLISH))
                .singleElement().asString().contains("different members of one family");
        // both titles name MIDS, an item: the fighters it is for are not rivals of the need
        assertThat(f.assess("NO-1", "CA-1").explanation().toldApart()).isEmpty();
        assertThat(f.signals("NO-1", "CA-1").rivals()).isFalse();
        assertThat(f.signals("US-1", "JP-1").siblings()).isTrue();
    }
}
