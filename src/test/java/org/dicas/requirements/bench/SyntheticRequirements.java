package org.dicas.requirements.bench;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.dicas.requirements.engine.RequirementProfile;
import org.dicas.search.text.Glossary;

/**
 * Seeded synthetic requirements for benchmarks (the opportunity finder's and the search index's): each one names a
 * subject (an OBJECT concept of the shipped glossary, sometimes with a QUALIFIER), an activity (procure, replace,
 * repair, develop, ...), a service and a few generic words, written in Japanese (most Japanese requirements, some
 * Australian) or English, with a quantity and a need-by month between 2026 and 2040 on most records. Same
 * {@code (n, seed)} gives the same list.
 */
public final class SyntheticRequirements {

    private static final String[] NATIONS = {"USA", "JPN", "AUS", "GBR", "ITA", "USA", "JPN"};
    private static final String[] SERVICES_EN = {"USAF", "U.S. Navy", "U.S. Army", "USMC", "U.S. Space Force",
        "Missile Defense Agency", "RAAF", "RAN", "Australian Army", "Royal Navy", "Royal Air Force", "Italian Navy"};
    private static final String[] SERVICES_JA = {"航空自衛隊", "海上自衛隊", "陸上自衛隊", "防衛装備庁", "統合幕僚監部"};
    private static final String[] FILLER_EN = {"to meet the operational requirement", "with allied interoperability",
        "within the approved budget", "to close a capability gap", "for forward-deployed forces",
        "while reducing life-cycle cost", "with a domestic industry share", "under a multi-year contract"};
    private static final String[] FILLER_JA = {"運用要求を満たすため", "同盟国との相互運用性を確保しつつ", "予算の範囲内で",
        "能力ギャップを解消するため", "南西地域の防衛態勢を強化するため", "ライフサイクルコストを低減しつつ", "国内生産基盤を維持しつつ"};

    private SyntheticRequirements() {
    }

    /** {@code n} synthetic requirements, ids {@code S000001}…, reproducible for a seed. */
    public static List<RequirementProfile> generate(int n, long seed) {
        Glossary g = Glossary.shipped();
        List<Glossary.Entry> objects = new ArrayList<>();
        List<Glossary.Entry> qualifiers = new ArrayList<>();
        List<Glossary.Entry> activities = new ArrayList<>();
        List<Glossary.Entry> generics = new ArrayList<>();
        for (Glossary.Entry e : g.entries()) {
            if (e.english().isEmpty() || e.japanese().isEmpty()) {
                continue;
            }
            switch (e.role()) {
                case OBJECT -> objects.add(e);
                case QUALIFIER -> qualifiers.add(e);
                case ACTIVITY -> activities.add(e);
                case GENERIC -> generics.add(e);
                default -> { }
            }
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        List<RequirementProfile> out = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            String nation = NATIONS[rnd.nextInt(NATIONS.length)];
            boolean japanese = nation.equals("JPN") ? rnd.nextInt(10) < 8 : rnd.nextInt(20) == 0;
            Glossary.Entry subject = objects.get(rnd.nextInt(objects.size()));
            Glossary.Entry activity = activities.get(rnd.nextInt(activities.size()));
            Glossary.Entry qualifier = rnd.nextInt(3) == 0 ? qualifiers.get(rnd.nextInt(qualifiers.size())) : null;
            Glossary.Entry generic = generics.get(rnd.nextInt(generics.size()));
            Glossary.Entry second = rnd.nextInt(2) == 0 ? objects.get(rnd.nextInt(objects.size())) : null;
            String title;
            String description;
            String service;
            if (japanese) {
                service = SERVICES_JA[rnd.nextInt(SERVICES_JA.length)];
                String q = qualifier == null ? "" : pick(rnd, qualifier.japanese()) + "の";
                title = q + pick(rnd, subject.japanese()) + "の" + pick(rnd, activity.japanese());
                description = FILLER_JA[rnd.nextInt(FILLER_JA.length)] + "、" + q + pick(rnd, subject.japanese())
                        + (second == null ? "" : "及び" + pick(rnd, second.japanese())) + "について"
                        + pick(rnd, generic.japanese()) + "を含め" + pick(rnd, activity.japanese()) + "を行う。";
            } else {
                service = SERVICES_EN[rnd.nextInt(SERVICES_EN.length)];
                String q = qualifier == null ? "" : pick(rnd, qualifier.english()) + " ";
                title = cap(pick(rnd, activity.english())) + " " + q + pick(rnd, subject.english());
                description = cap(pick(rnd, activity.english())) + " " + q + pick(rnd, subject.english())
                        + (second == null ? "" : " and " + pick(rnd, second.english())) + " including "
                        + pick(rnd, generic.english()) + " " + FILLER_EN[rnd.nextInt(FILLER_EN.length)] + ".";
            }
            OptionalInt quantity = rnd.nextInt(4) == 0 ? OptionalInt.empty() : OptionalInt.of(1 + rnd.nextInt(400));
            Optional<YearMonth> needBy = rnd.nextInt(5) == 0 ? Optional.empty()
                    : Optional.of(YearMonth.of(2026 + rnd.nextInt(15), 1 + rnd.nextInt(12)));
            out.add(new RequirementProfile(String.format("S%06d", i), nation, service, "", title, description,
                    quantity, needBy));
        }
        return out;
    }

    private static String pick(SplittableRandom rnd, List<String> terms) {
        return terms.get(rnd.nextInt(terms.size()));
    }

    private static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
