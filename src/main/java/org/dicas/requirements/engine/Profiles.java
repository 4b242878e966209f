package org.dicas.requirements.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dicas.search.text.CapabilityArea;
import org.dicas.search.text.DesignationRegistry;
import org.dicas.search.text.Glossary;
import org.dicas.search.text.Language;
import org.dicas.search.text.TextAnalysis;

/** Turns a requirement's text into raw features: glossary concepts, designators and same-language stems. */
final class Profiles {

    /** The kind of need: what the nation wants to do about the object. */
    enum NeedKind { NONE, ACQUIRE, SUSTAIN, TRAIN, MIXED;

        boolean compatibleWith(NeedKind other) {
            return this == NONE || other == NONE || this == MIXED || other == MIXED || this == other;
        }

        String label() {
            return this == NONE ? "" : name().toLowerCase(Locale.ROOT);
        }
    }

    /** Feature kinds, by key prefix. */
    static final String CONCEPT = "c:";
    static final String DESIGNATOR = "d:";
    static final String EN_STEM = "e:";
    static final String JA_TERM = "j:";
    static final String AREA = "a:";
    /** A system of the designation registry, by its root (the system a block or lot is a variant of). */
    static final String SYSTEM = "s:";
    /** A variant (block, lot, version) of the designation registry. */
    static final String VARIANT = "v:";

    /** Designators: letters then digits (SM-3, PAC-3, T-7A, F-35A, AIM-120, MQ-9B, AN/TPY-2, Type 12). */
    private static final Pattern DESIGNATOR_PATTERN = Pattern.compile(
            "(?<![A-Za-z0-9])((?:[A-Z]{1,5}/)?[A-Z]{1,5}-?\\d{1,4}[A-Z]{0,3}|Type[- ]\\d{2,3}|\\d{2,3}式)(?![A-Za-z0-9])");
    private static final Pattern NOT_DESIGNATOR = Pattern.compile("(?:J?FY|CY|USD|JPY|AUD|EUR|GBP|Q|H|R|M|K)\\d+");

    /** Raw, unweighted features of one text. */
    record Raw(Map<String, Integer> neutral, Map<String, Integer> stems, Language language,
               Map<String, String> literals, Set<String> modifierOnly, Set<String> purposeOnly, String head,
               List<DesignationRegistry.Found> systems) {
    }

    /**
     * The form of what is needed, read from the head of the title: an item (equipment, munitions, a service on them),
     * a study (siting, feasibility, trade study, 調査, 検討 — not 研究, which in Japanese budgets is R&D), a facility
     * (building, hangar, igloo, dry dock, 施設, 建て替え, 格納庫, 弾薬庫) or a software change to fielded systems (a
     * software update, "software-only", ソフトウェア改修; buying a software product is an item). A study of a radar, a magazine for shells or a software update for receivers is not the radar, the
     * shells or the receivers: different forms are different needs.
     */
    enum NeedForm { ITEM, STUDY, FACILITY, SOFTWARE, RESEARCH, PRODUCTION_BASE;

        String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    /** English head words (last word of the title's leading noun phrase, before "of"/"at"/"in") by form. */
    private static final Pattern EN_STUDY_HEAD = Pattern.compile(
            "(?i)\\b(?:stud(?:y|ies)|feasibility|feasibility analysis|options? analysis|trade analysis|siting|"
            + "site survey)$");
    private static final Pattern EN_FACILITY_HEAD = Pattern.compile(
            "(?i)\\b(?:facility|facilities|building|buildings|hangar|hangars|igloo|igloos|dock|docks|drydock|drydocks|"
            + "barracks|warehouse|warehouses|chamber|chambers|test range|test ranges|range instrumentation|"
            + "test facility|test facilities|test site|test sites|wind tunnel|wind tunnels)$");
    /** Research (not development, not a research-and-development programme that ends in a product). */
    private static final Pattern EN_RESEARCH_HEAD = Pattern.compile(
            "(?i)\\b(?:research|basic research|applied research|research and demonstration|research programme|"
            + "research program|research project)$");
    /** Building up the capacity to make an item (a production base, a second source) is not buying the item. */
    private static final Pattern EN_PRODUCTION_BASE_HEAD = Pattern.compile(
            "(?i)\\b(?:production base|production bases|industrial base|manufacturing base|second source|"
            + "second sources|second-source|domestic production base|foundry|foundries)$");
    private static final Pattern EN_SOFTWARE_HEAD = Pattern.compile(
            "(?i)\\bsoftware(?:[- ]only)?\\s+(?:update|updates|upgrade|upgrades|release|releases|refresh|patch|patches|"
            + "modification|modifications)$");
    /** Japanese titles are head-final: the form is read from how the title ends. */
    private static final Pattern JA_STUDY_END = Pattern.compile(
            "(?:調査|検討|調査分析|フィージビリティ・?スタディ)(?:事業|業務|等)?$");
    private static final Pattern JA_FACILITY_END = Pattern.compile(
            "(?:施設|格納庫|弾薬庫|火薬庫|乾ドック|ドック|庁舎|隊舎|宿舎|病棟|建て替え|建替え|建替|掩体"
            + "|試験設備|試験場|試験室|試験装置|風洞|射場|試験評価施設)"
            + "(?:の?(?:整備|建設|新設|建て替え|建替え|改修))?(?:事業|等)?$");
    /** Japanese research: 研究 at the end (研究開発, which ends in a product, is not). */
    private static final Pattern JA_RESEARCH_END = Pattern.compile("(?<!開発)(?:研究|基礎研究|調査研究)(?:事業|等)?$");
    private static final Pattern JA_PRODUCTION_BASE_END = Pattern.compile(
            "(?:生産基盤|製造基盤|産業基盤|国内生産基盤|供給源)(?:の)?(?:強化|維持|整備|確立|構築|拡充|確保|開拓)?(?:事業|等)?$");
    private static final Pattern JA_SOFTWARE_END = Pattern.compile(
            "ソフトウェア(?:の)?(?:改修|更新|アップデート)(?:事業|等)?$");
    /** The description may say so outright ("Study only", "software-only update", ソフトウェアのみ). */
    private static final Pattern STUDY_ONLY = Pattern.compile("(?i)\\bstudy only\\b|調査のみ|検討のみ");
    private static final Pattern SOFTWARE_ONLY = Pattern.compile("(?i)\\bsoftware[- ]only\\b|ソフトウェアのみ");
    private static final Pattern EN_HEAD_END = Pattern.compile("(?i)\\s+(?:of|at|in|on|to)\\s");

    private static final Pattern DEVELOPMENT_TITLE = Pattern.compile(
            "(?i)\\bdevelop(?:s|ing|ment)?\\b|\\bR&D\\b|\\bdemonstrat(?:or|ion)s?\\b|\\bprototyp(?:e|es|ing)\\b|開発|試作|実証");

    /** Making more of an item: production, production capacity, a second source, co-production (§11a). */
    static final Pattern MAKES_MORE = Pattern.compile(
            "(?i)\\bproduction\\b|\\bproduce\\b|\\bramp\\b|second[- ]source|co-?production|\\bmanufactur|industrial base|"
            + "\\bsuppliers?\\b|生産|製造|増産|量産|供給源|安定供給");
    /** Changing an item rather than buying it: an upgrade, a development, a recertification, a life extension. */
    static final Pattern CHANGES_ITEM = Pattern.compile(
            "(?i)\\bupgrad|\\bmoderni[sz]|\\brecertif|life[- ]extension|service[- ]life|\\bSLEP\\b|mid[- ]life|"
            + "\\bdevelop|\\bprototyp|\\bdemonstrat|改修|能力向上(?!型)|近代化|延命|寿命延長|開発|試作|再認定");

    /**
     * True when a title speaks of what {@code what} names: {@link #MAKES_MORE} (production, second source, 生産基盤 …)
     * or {@link #CHANGES_ITEM} (upgrade, development, recertification, 改修, 開発 …).
     */
    static boolean titleSpeaksOf(Pattern what, String title) {
        return title != null && what.matcher(title).find();
    }

    /** True when a title states a development (develop, R&D, demonstrator, prototype, 開発, 試作, 実証). */
    static boolean namesDevelopment(String title) {
        return title != null && DEVELOPMENT_TITLE.matcher(title).find();
    }

    /** The form of the need (see {@link NeedForm}). */
    static NeedForm needForm(String title, String description) {
        String t = TextAnalysis.normalize(title == null ? "" : title).strip();
        String d = description == null ? "" : description;
        if (STUDY_ONLY.matcher(d).find()) {
            return NeedForm.STUDY;
        }
        if (SOFTWARE_ONLY.matcher(d).find()) {
            return NeedForm.SOFTWARE;
        }
        if (TextAnalysis.hasJapanese(t)) {
            String end = t.replaceAll("[（(][^)）]*[)）]\\s*$", "").strip();
            if (JA_STUDY_END.matcher(end).find()) {
                return NeedForm.STUDY;
            }
            if (JA_FACILITY_END.matcher(end).find()) {
                return NeedForm.FACILITY;
            }
            if (JA_SOFTWARE_END.matcher(end).find()) {
                return NeedForm.SOFTWARE;
            }
            if (JA_RESEARCH_END.matcher(end).find()) {
                return NeedForm.RESEARCH;
            }
            if (JA_PRODUCTION_BASE_END.matcher(end).find()) {
                return NeedForm.PRODUCTION_BASE;
            }
            return NeedForm.ITEM;
        }
        String phrase = t.substring(0, firstCueOrPunctuation(t));
        Matcher of = EN_HEAD_END.matcher(phrase);
        if (of.find()) {
            phrase = phrase.substring(0, of.start());
        }
        phrase = phrase.strip();
        if (EN_STUDY_HEAD.matcher(phrase).find()) {
            return NeedForm.STUDY;
        }
        if (EN_FACILITY_HEAD.matcher(phrase).find()) {
            return NeedForm.FACILITY;
        }
        if (EN_SOFTWARE_HEAD.matcher(phrase).find()) {
            return NeedForm.SOFTWARE;
        }
        if (EN_RESEARCH_HEAD.matcher(phrase).find()) {
            return NeedForm.RESEARCH;
        }
        if (EN_PRODUCTION_BASE_HEAD.matcher(phrase).find()) {
            return NeedForm.PRODUCTION_BASE;
        }
        return NeedForm.ITEM;
    }

    private final Glossary glossary;

    private final DesignationRegistry registry;

    /**
     * Roles of the designation registry whose systems carry, fire or field other items: aircraft, ships and their
     * combat systems, land vehicles and launchers. An item named "for" one of them is told apart from another item,
     * not from another platform (§11u).
     */
    static final Set<String> PLATFORM_ROLES = Set.of("FIGHTER", "FIGHTER_NG", "FIGHTER_LIGHT", "TRAINER_JET",
            "TRAINER_BASIC", "MPA", "AEW", "SIGINT_AIRCRAFT", "EW_AIRCRAFT", "TANKER", "AIRLIFT_TAC", "AIRLIFT_STRAT",
            "TILTROTOR", "HELO_MARITIME", "HELO_UTILITY", "HELO_HEAVY", "HELO_ATTACK", "UAV_MALE", "UAV_HALE", "CCA",
            "DDG_AAW", "FFG", "FFG_ASW", "CORVETTE", "LIGHT_CARRIER", "CARRIER", "SSK", "SSN", "NAVAL_CMS", "MBT", "IFV",
            "APC_WHEELED", "WHEELED_FSV", "SPH_TRACKED", "SPH_WHEELED", "HOWITZER_TOWED", "MLRS", "BMD_ASHORE",
            "AMPHIB_VEHICLE");

    /**
     * The registry systems a title names, by root: all of them, platforms included ({@code roots}: F-35A and F-35B are
     * both the F-35), and those that are items, not platforms ({@code items}, {@link #PLATFORM_ROLES}).
     */
    record TitleSystems(Set<String> roots, Set<String> items) {
    }

    /** The systems a title names ({@link TitleSystems}): the title is read once per text. */
    TitleSystems titleSystems(String title) {
        Set<String> roots = new java.util.TreeSet<>();
        Set<String> items = new java.util.TreeSet<>();
        for (DesignationRegistry.Found f : registry.systemsIn(title)) {
            String root = f.designation().root();
            roots.add(root);
            registry.designation(root).filter(d -> !PLATFORM_ROLES.contains(d.role())).ifPresent(d -> items.add(d.id()));
        }
        return new TitleSystems(roots, items);
    }

    Profiles(Glossary glossary, DesignationRegistry registry) {
        this.glossary = glossary;
        this.registry = registry;
    }

    Raw raw(RequirementProfile p) {
        String title = TextAnalysis.normalize(p.title());
        String text = TextAnalysis.normalize(p.text());
        Map<String, Integer> neutral = new LinkedHashMap<>();
        Map<String, String> literals = new HashMap<>();
        // Features seen only in a modifier position ("batteries for radios", 無線機用の蓄電池): they narrow the need
        // but are not what is needed, and weigh less (MODIFIER_WEIGHT).
        Map<String, Boolean> headSeen = new HashMap<>();
        // The title states the need: its concepts count twice.
        boolean[] titleNegated = negated(title);
        boolean[] titleModifier = modifiers(title);
        boolean[] titlePurpose = purposes(title);
        Set<String> purpose = new HashSet<>();
        Set<String> premodifiers = new HashSet<>();
        List<Glossary.Match> titleMatches = glossary.matchesIn(title);
        String titleHeadKey = null;
        // English noun phrase: the last object before the first cue or punctuation is the head, objects before it
        // name what it is for ("Black Hawk aircrew simulator", "T-7A ground-based training system").
        int phraseEnd = firstCueOrPunctuation(title);
        Set<Integer> titleObjectStarts = japaneseObjectStarts(titleMatches);
        Glossary.Match lastObject = null;
        for (Glossary.Match m : titleMatches) {
            if (m.language() == Language.EN && m.start() < phraseEnd && isObject(m)) {
                lastObject = m;
            }
        }
        for (Glossary.Match m : titleMatches) {
            if (dropped(m, titleNegated) || excluded(m, title)) {
                continue;
            }
            if (lastObject != null && m != lastObject && m.language() == Language.EN && m.start() < phraseEnd
                    && isObject(m) && m.end() <= lastObject.start()) {
                neutral.merge(CONCEPT + m.conceptId(), 1, Integer::sum);
                headSeen.merge(CONCEPT + m.conceptId(), false, Boolean::logicalOr);
                purpose.add(CONCEPT + m.conceptId());
                premodifiers.add(CONCEPT + m.conceptId());
                continue;
            }
            neutral.merge(CONCEPT + m.conceptId(), 1, Integer::sum);
            boolean japaneseModifier = modifiesNextObject(m, titleObjectStarts, title);
            boolean titleHead = !inSpan(m, titleModifier, title) && !japaneseModifier;
            headSeen.merge(CONCEPT + m.conceptId(), titleHead, Boolean::logicalOr);
            // The head object of the title: the English phrase's last object, the Japanese title's last unmarked one.
            // Only a system, platform or weapon is a head here (a service such as sustainment or spare parts is not).
            if (titleHead && isObject(m) && (m.language() == Language.JA || m == lastObject)) {
                titleHeadKey = isSystem(CONCEPT + m.conceptId()) ? CONCEPT + m.conceptId() : null;
            }
            if (inPurpose(m, titlePurpose, title) || japaneseModifier) {
                purpose.add(CONCEPT + m.conceptId());
            }
        }
        List<Glossary.Match> matches = glossary.matchesIn(text);
        boolean[] covered = new boolean[text.length()];
        boolean[] negatedSpan = negated(text);
        boolean[] modifierSpan = modifiers(text);
        int titleLength = text.startsWith(title) ? title.length() : 0;
        Set<Integer> objectStarts = japaneseObjectStarts(matches);
        for (Glossary.Match m : matches) {
            for (int i = m.start(); i < m.end() && i < covered.length; i++) {
                covered[i] = true;
            }
            if (dropped(m, negatedSpan) || excluded(m, text)) {
                continue;
            }
            String key = CONCEPT + m.conceptId();
            neutral.merge(key, 1, Integer::sum);
            literals.putIfAbsent(key, m.literal());
            boolean inTitle = titleLength > 0 && m.end() <= titleLength;
            boolean modifier = inSpan(m, modifierSpan, text) || (inTitle && premodifiers.contains(key))
                    || modifiesNextObject(m, objectStarts, text);
            headSeen.merge(key, !modifier, Boolean::logicalOr);
        }
        // Related subjects share their narrow capability area: an area feature per subject concept.
        Map<String, Integer> areas = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> f : neutral.entrySet()) {
            Glossary.Entry e = entry(f.getKey());
            if (e != null && isSubject(f.getKey()) && e.area().indexOf('.') > 0) {
                areas.merge(AREA + e.area(), f.getValue(), Integer::sum);
                headSeen.merge(AREA + e.area(), headSeen.getOrDefault(f.getKey(), true), Boolean::logicalOr);
                if (purpose.contains(f.getKey())) {
                    purpose.add(AREA + e.area());
                }
            }
        }
        neutral.putAll(areas);
        Matcher d = DESIGNATOR_PATTERN.matcher(text);
        while (d.find()) {
            String norm = d.group(1).toUpperCase(Locale.ROOT).replaceAll("[- /]", "").replace("TYPE", "");
            if (d.group(1).endsWith("式")) {
                norm = norm.substring(0, norm.length() - 1);
            }
            if (NOT_DESIGNATOR.matcher(norm).matches()) {
                continue;
            }
            if (covered[d.start(1)] && covered[d.end(1) - 1]) {
                continue; // already counted as a glossary concept (T-4 is a trainer aircraft)
            }
            if (d.group(1).startsWith("Type") || d.group(1).endsWith("式")) {
                norm = "TYPE" + norm.replaceAll("\\D", "");
            }
            String key = DESIGNATOR + norm;
            neutral.merge(key, 1, Integer::sum);
            literals.putIfAbsent(key, d.group(1));
        }
        // Systems of the designation registry, by any of their names (AIM-120 = AMRAAM = 中距離空対空ミサイル(AMRAAM)):
        // the root system is one language-neutral feature, a named block or lot another.
        List<DesignationRegistry.Found> systems = registry.systemsIn(text);
        for (DesignationRegistry.Found f : systems) {
            String key = SYSTEM + f.designation().root();
            neutral.merge(key, 1, Integer::sum);
            literals.putIfAbsent(key, f.literal());
            if (f.designation().isVariant()) {
                neutral.merge(VARIANT + f.designation().id(), 1, Integer::sum);
                literals.putIfAbsent(VARIANT + f.designation().id(), f.literal());
            }
        }
        StringBuilder rest = new StringBuilder(text);
        for (int i = 0; i < covered.length; i++) {
            if (covered[i]) {
                rest.setCharAt(i, ' ');
            }
        }
        Language lang = Language.detect(text);
        Map<String, Integer> stems = new LinkedHashMap<>();
        if (lang == Language.JA) {
            for (String t : TextAnalysis.japaneseTerms(rest.toString())) {
                if (t.length() >= 2 && !isNumber(t) && TextAnalysis.hasJapanese(t)) {
                    stems.merge(JA_TERM + t, 1, Integer::sum);
                }
            }
        } else {
            for (String t : TextAnalysis.englishTerms(rest.toString())) {
                if (t.length() >= 3 && !isNumber(t)) {
                    stems.merge(EN_STEM + t, 1, Integer::sum);
                }
            }
        }
        Set<String> modifierOnly = new HashSet<>();
        headSeen.forEach((k, head) -> {
            if (!head) {
                modifierOnly.add(k);
            }
        });
        // The use that distinguishes two needs is the one the title states ("batteries for soldier radios").
        Set<String> purposeOnly = new HashSet<>(modifierOnly);
        purposeOnly.retainAll(purpose);
        return new Raw(neutral, stems, lang, literals, modifierOnly, purposeOnly, titleHeadKey, systems);
    }

    /** Weight of a feature met only in a modifier position, relative to the head of the need. */
    static final double MODIFIER_WEIGHT = 0.6;

    /** English words after which, up to the end of the clause, nouns say what the need is for, not what it is. */
    private static final Pattern EN_MODIFIER = Pattern.compile(
            "(?i)\\b(?:with|including|combining|against|to (?:counter|defeat|detect|protect)|countering|defeating)"
            + "\\b[^.;:()\\n]*");
    /** English words after which, up to the end of the clause, nouns name the use: what the object is for. */
    private static final Pattern EN_PURPOSE = Pattern.compile(
            "(?i)(?:\\bfor(?<!\\b(?:request|requests|proposal|proposals|plan|plans|program|programme|requirement|"
            + "requirements|need|needs|funding|budget|contract|contracts|demand|tender|solicitation|rfp|rfi|bid|"
            + "option|options|candidate|candidates|search|source|sources|responsible|responsibility)\\sfor)|"
            + "\\b(?:mounted on|carried on|on board|onboard|aboard|to support|supporting|used by|used with|"
            + "compatible with|carried by|fitted to|installed (?:on|in)|integrated (?:on|with|into)))\\b[^.;:()\\n]*");
    /** A parenthesis gives detail (components, an example, an abbreviation), not the need itself. */
    private static final Pattern PARENTHESIS = Pattern.compile("[(（][^)）]*[)）]");
    /** Japanese: a noun directly followed by 用 / 向け / 搭載 names what the object is for (携帯無線機用の蓄電池). */
    private static final Pattern JA_MODIFIER_END = Pattern.compile("^(?:用|向け|に搭載|へ搭載|搭載|の搭載|専用)");

    /** Japanese purpose clause: what comes before 〜するため(に) says why, not what is needed (安全を確保するため). */
    private static final Pattern JA_PURPOSE_END = Pattern.compile("(?:する|の)ために?");

    /** Positions of a text in a modifier phrase. */
    static boolean[] modifiers(String text) {
        boolean[] out = new boolean[text.length()];
        // the purpose clause runs back from 〜ため to the start of its clause (linear: found by its end)
        Matcher purpose = JA_PURPOSE_END.matcher(text);
        while (purpose.find()) {
            int start = purpose.start();
            while (start > 0 && "。、，．；\n".indexOf(text.charAt(start - 1)) < 0) {
                start--;
            }
            for (int i = start; i < purpose.end(); i++) {
                out[i] = true;
            }
        }
        for (Pattern p : List.of(EN_MODIFIER, PARENTHESIS, EN_PURPOSE)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                for (int i = m.start(); i < m.end(); i++) {
                    out[i] = true;
                }
            }
        }
        return out;
    }

    /** Positions of a text in a purpose phrase ("for soldier radios"). */
    static boolean[] purposes(String text) {
        boolean[] out = new boolean[text.length()];
        Matcher m = EN_PURPOSE.matcher(text);
        while (m.find()) {
            for (int i = m.start(); i < m.end(); i++) {
                out[i] = true;
            }
        }
        return out;
    }

    private static boolean inSpan(Glossary.Match m, boolean[] span, String text) {
        if (m.language() == Language.JA) {
            // Japanese puts the modifier first and marks it: 潜水艦用の蓄電池, 戦闘機搭載型ポッド.
            int end = Math.min(m.end(), text.length());
            return JA_MODIFIER_END.matcher(text.substring(end, Math.min(text.length(), end + 4))).find()
                    || (m.start() < span.length && span[m.start()]);
        }
        return m.start() < span.length && span[m.start()];
    }

    private static boolean inPurpose(Glossary.Match m, boolean[] span, String text) {
        if (m.language() == Language.JA) {
            int end = Math.min(m.end(), text.length());
            return JA_MODIFIER_END.matcher(text.substring(end, Math.min(text.length(), end + 4))).find();
        }
        return m.start() < span.length && span[m.start()];
    }

    /**
     * Japanese head rule: in 「AのB」 or the compound 「AB」 the last noun is the head, so an object directly followed
     * (or followed after の) by another object only says what that object belongs to (潜水艦の蓄電池, 練習機シミュレーター).
     */
    private boolean modifiesNextObject(Glossary.Match m, Set<Integer> objectStarts, String text) {
        if (m.language() != Language.JA || !isObject(m)) {
            return false;
        }
        // The next object may follow after の and a short prefix written in kanji or katakana (の充電式蓄電池), but
        // not after another particle (と, や: coordination) or punctuation.
        int limit = Math.min(text.length(), m.end() + 5);
        int next = m.end();
        while (true) {
            if (objectStarts.contains(next)) {
                return true;
            }
            if (next >= limit || !(text.charAt(next) == 'の' || isKanjiOrKatakana(text.charAt(next)))) {
                return false;
            }
            next++;
        }
    }

    /** Start offsets of the Japanese object matches of a text. */
    private Set<Integer> japaneseObjectStarts(List<Glossary.Match> matches) {
        Set<Integer> starts = new HashSet<>();
        for (Glossary.Match o : matches) {
            if (o.language() == Language.JA && isObject(o)) {
                starts.add(o.start());
            }
        }
        return starts;
    }

    private static boolean isKanjiOrKatakana(char c) {
        return (c >= '\u4e00' && c <= '\u9fff') || (c >= '\u30a0' && c <= '\u30ff');
    }

    private boolean isObject(Glossary.Match m) {
        Glossary.Entry e = glossary.entry(m.conceptId()).orElse(null);
        return e != null && e.role() == Glossary.Role.OBJECT;
    }

    /** Where the leading noun phrase of an English title ends: at a cue word or punctuation. */
    private static int firstCueOrPunctuation(String title) {
        int end = title.length();
        for (Pattern p : List.of(EN_MODIFIER, EN_PURPOSE, PARENTHESIS, Pattern.compile("[.,;:—–]|\\s-\\s"))) {
            Matcher m = p.matcher(title);
            if (m.find()) {
                end = Math.min(end, m.start());
            }
        }
        return end;
    }

    /** Clause-level negation cues: the clause's activities are what the requirement does NOT ask for. */
    private static final Pattern EN_NEGATION = Pattern.compile(
            "(?i)\\b(?:(?:not|no)\\b(?!\\s+(?:later|earlier|less|more|fewer|greater|longer|sooner|only|exceeding)\\b)"
            + "|nor\\b|excluding\\b|excludes\\b|excluded\\b|except\\b|other than\\b|out of scope\\b"
            + "|outside the scope\\b)");
    private static final Pattern JA_NEGATION = Pattern.compile("含まない|含めない|含まず|を除く|を除き|は除く|対象外|行わない|行わず|ではない|ではなく");

    /** Positions of a text inside a negated clause (clauses end at . ; : , 。 、 ； and line breaks). */
    static boolean[] negated(String text) {
        boolean[] out = new boolean[text.length()];
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '.';
            boolean end = c == '.' || c == ';' || c == ':' || c == ',' || c == '。' || c == '、' || c == '；'
                    || c == '\n' || c == '，';
            if (end) {
                // "1.5" is not the end of a clause
                boolean decimal = c == '.' && i > 0 && i + 1 < text.length() && Character.isDigit(text.charAt(i - 1))
                        && Character.isDigit(text.charAt(i + 1));
                if (decimal) {
                    continue;
                }
                String clause = text.substring(start, Math.min(i, text.length()));
                if (EN_NEGATION.matcher(clause).find() || JA_NEGATION.matcher(clause).find()) {
                    for (int k = start; k < i && k < out.length; k++) {
                        out[k] = true;
                    }
                }
                start = i + 1;
            }
        }
        return out;
    }

    /** A thing the need is free of: "rare-earth-free magnets", "without rare earths", レアアースを使用しない. */
    private static final Pattern JA_EXCLUDED_AFTER = Pattern.compile("^(?:を|は)?(?:使用しない|使わない|用いない|含まない)|^フリー");
    private static final Pattern EN_EXCLUDED_AFTER = Pattern.compile("(?i)^[- ]free\\b");
    private static final Pattern EN_EXCLUDED_BEFORE = Pattern.compile("(?i)\\b(?:without|free of|free from)\\s+(?:any\\s+)?$");

    /** True for a concept the text says the need is free of: it is not a feature of the need. */
    static boolean excluded(Glossary.Match m, String text) {
        int end = Math.min(m.end(), text.length());
        String after = text.substring(end, Math.min(text.length(), end + 8));
        if (m.language() == Language.JA) {
            return JA_EXCLUDED_AFTER.matcher(after).find();
        }
        String before = text.substring(Math.max(0, m.start() - 20), Math.min(m.start(), text.length()));
        return EN_EXCLUDED_AFTER.matcher(after).find() || EN_EXCLUDED_BEFORE.matcher(before).find();
    }

    /** A negated activity ("new acquisition not included", "no aircraft are procured") is not a need. */
    private boolean dropped(Glossary.Match m, boolean[] negatedSpan) {
        if (m.start() >= negatedSpan.length || !negatedSpan[m.start()]) {
            return false;
        }
        Glossary.Entry e = glossary.entry(m.conceptId()).orElse(null);
        return e != null && e.role() == Glossary.Role.ACTIVITY;
    }

    private static boolean isNumber(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!Character.isDigit(c) && c != '.' && c != ',') {
                return false;
            }
        }
        return true;
    }

    /** A capability area of the taxonomy, with its names in both languages. */
    Optional<CapabilityArea> capabilityArea(String code) {
        return glossary.capabilityArea(code);
    }

    /** The glossary entry of a concept feature key, or null. */
    Glossary.Entry entry(String key) {
        return key.startsWith(CONCEPT) ? glossary.entry(key.substring(CONCEPT.length())).orElse(null) : null;
    }

    /** How much a feature says about the need (before IDF). */
    double roleWeight(String key) {
        if (key.startsWith(DESIGNATOR) || key.startsWith(SYSTEM)) {
            return 1.2;
        }
        if (key.startsWith(VARIANT)) {
            return 0.6;
        }
        if (key.startsWith(EN_STEM) || key.startsWith(JA_TERM)) {
            return 0.5;
        }
        if (key.startsWith(AREA)) {
            return 0.5;
        }
        Glossary.Entry e = entry(key);
        if (e == null) {
            return 0;
        }
        return switch (e.role()) {
            case OBJECT -> 1.0;
            case QUALIFIER -> 0.8;
            case ACTIVITY -> 0.5;
            case GENERIC -> 0.3;
            case ORG, PROCESS -> 0.12;
        };
    }

    static boolean registryKey(String key) {
        return key.startsWith(SYSTEM) || key.startsWith(VARIANT);
    }

    /** The registry row of a system or variant feature key, or null. */
    Optional<DesignationRegistry.Designation> designation(String key) {
        return registryKey(key) ? registry.designation(key.substring(2)) : Optional.empty();
    }

    /** True for features that name what is needed (objects, qualifiers, designators): evidence of a shared need. */
    boolean isSubject(String key) {
        if (key.startsWith(DESIGNATOR) || key.startsWith(AREA) || registryKey(key)) {
            return true;
        }
        Glossary.Entry e = entry(key);
        return e != null && (e.role() == Glossary.Role.OBJECT || e.role() == Glossary.Role.QUALIFIER);
    }

    /** True for features that name a thing: a designator or an OBJECT concept (not a qualifier, field or area). */
    boolean isObject(String key) {
        if (key.startsWith(DESIGNATOR) || registryKey(key)) {
            return true;
        }
        Glossary.Entry e = entry(key);
        return e != null && e.role() == Glossary.Role.OBJECT;
    }

    /**
     * True for subject features that name a system, platform or weapon (not a part, a service or the acquisition
     * itself): spare parts, repair or maintenance shared by two requirements are no shared need when each names a
     * different system they are for ("Radar spare parts" vs F-35A用補用部品).
     */
    boolean isSystem(String key) {
        if (key.startsWith(DESIGNATOR) || registryKey(key)) {
            return true;
        }
        String area;
        if (key.startsWith(AREA)) {
            area = key.substring(AREA.length());
        } else {
            Glossary.Entry e = entry(key);
            if (e == null || (e.role() != Glossary.Role.OBJECT && e.role() != Glossary.Role.QUALIFIER)) {
                return false;
            }
            area = e.area();
        }
        String top = CapabilityArea.topLevel(area);
        return !top.equals("SUSTAINMENT") && !top.equals("ACQUISITION");
    }

    /**
     * Need kind from the concepts that say what is to be done: SUSTAINMENT concepts (repair, overhaul, spare parts;
     * not generic ones, not the supplies of SUSTAINMENT.LOGISTICS such as fuel or generators) count as sustain, ACTIVITY concepts of ACQUISITION or INDUSTRIAL_BASE (procure, replace,
     * develop, produce, build) as acquire, ACTIVITY concepts of TRAINING as train. The largest count wins; a tie
     * is MIXED (compatible with every kind); none is NONE.
     */
    NeedKind needKind(Map<String, Integer> neutral) {
        int sustain = 0;
        int acquire = 0;
        int train = 0;
        for (Map.Entry<String, Integer> f : neutral.entrySet()) {
            Glossary.Entry e = entry(f.getKey());
            if (e == null) {
                continue;
            }
            String top = CapabilityArea.topLevel(e.area());
            Glossary.Role role = e.role();
            int n = f.getValue();
            // Supplies (fuel, generators, test equipment) are objects of the logistics area: buying them is not
            // sustaining something; repair, overhaul and spare parts are.
            boolean supply = e.area().equals("SUSTAINMENT.LOGISTICS") && role == Glossary.Role.OBJECT;
            if (top.equals("SUSTAINMENT") && role != Glossary.Role.GENERIC && role != Glossary.Role.ORG
                    && role != Glossary.Role.PROCESS && !supply) {
                sustain += n;
            } else if (role == Glossary.Role.ACTIVITY && (top.equals("ACQUISITION") || top.equals("INDUSTRIAL_BASE"))) {
                acquire += n;
            } else if (role == Glossary.Role.ACTIVITY && top.equals("TRAINING")) {
                train += n;
            }
        }
        int max = Math.max(sustain, Math.max(acquire, train));
        if (max == 0) {
            return NeedKind.NONE;
        }
        int winners = (sustain == max ? 1 : 0) + (acquire == max ? 1 : 0) + (train == max ? 1 : 0);
        if (winners > 1) {
            return NeedKind.MIXED;
        }
        return sustain == max ? NeedKind.SUSTAIN : acquire == max ? NeedKind.ACQUIRE : NeedKind.TRAIN;
    }

    /** Service domain (AIR, MARITIME, LAND, SPACE or JOINT; empty when unknown) from the service's glossary concepts. */
    String serviceDomain(String service) {
        if (service == null || service.isBlank()) {
            return "";
        }
        for (String id : glossary.conceptsIn(service)) {
            Glossary.Entry e = glossary.entry(id).orElseThrow();
            String top = CapabilityArea.topLevel(e.area());
            if (top.equals("AIR") || top.equals("MARITIME") || top.equals("LAND") || top.equals("SPACE")) {
                return top;
            }
        }
        return "JOINT";
    }

    /**
     * Area vector inferred from weighted concepts: each concept adds its weight to its area code and to the top-level
     * code (services, acquisition vocabulary and the cross-cutting ACQUISITION area do not count; sustainment
     * activities count 2.5 times — repairing an aircraft is a sustainment need, not an air one). Unit length.
     */
    Map<String, Double> areaVector(Map<String, Double> conceptWeights) {
        return areaVector(conceptWeights, NeedKind.NONE);
    }

    /**
     * Area vector for a need of a known kind. The sustainment boost applies only when the need is not an acquisition
     * or training one: "Buy torpedoes to restore war reserve inventory" buys torpedoes (the head object decides the
     * area); incidental sustainment words in the description do not make it a sustainment need.
     */
    Map<String, Double> areaVector(Map<String, Double> conceptWeights, NeedKind kind) {
        boolean sustainmentNeed = kind == NeedKind.SUSTAIN || kind == NeedKind.MIXED || kind == NeedKind.NONE;
        Map<String, Double> byArea = new HashMap<>();
        for (Map.Entry<String, Double> f : conceptWeights.entrySet()) {
            Glossary.Entry e = entry(f.getKey());
            if (e == null || e.role() == Glossary.Role.ORG || e.role() == Glossary.Role.PROCESS
                    || CapabilityArea.topLevel(e.area()).equals("ACQUISITION")) {
                continue;
            }
            double w = f.getValue();
            if (CapabilityArea.topLevel(e.area()).equals("SUSTAINMENT") && e.role() != Glossary.Role.GENERIC) {
                w *= sustainmentNeed ? 2.5 : 0.5;
            }
            byArea.merge(e.area(), w, Double::sum);
            if (e.area().indexOf('.') > 0) {
                byArea.merge(CapabilityArea.topLevel(e.area()), w, Double::sum);
            }
        }
        return unit(byArea);
    }

    /** The area vector of a given code: the code and its top level. */
    static Map<String, Double> areaVectorOf(String code) {
        Map<String, Double> m = new HashMap<>();
        m.put(code, 1.0);
        m.merge(CapabilityArea.topLevel(code), 1.0, Double::sum);
        return unit(m);
    }

    private static Map<String, Double> unit(Map<String, Double> m) {
        double norm = Math.sqrt(m.values().stream().mapToDouble(w -> w * w).sum());
        if (norm == 0) {
            return Map.of();
        }
        Map<String, Double> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k, v / norm));
        return out;
    }

    /** The area named by a vector: the heaviest top level, then its heaviest second-level code if any. */
    static String bestArea(Map<String, Double> vector) {
        String top = "";
        double topW = 0;
        for (Map.Entry<String, Double> e : vector.entrySet()) {
            if (e.getKey().indexOf('.') < 0 && (e.getValue() > topW
                    || (e.getValue() == topW && e.getKey().compareTo(top) < 0))) {
                top = e.getKey();
                topW = e.getValue();
            }
        }
        String best = top;
        double bestW = 0;
        for (Map.Entry<String, Double> e : vector.entrySet()) {
            if (e.getKey().startsWith(top + ".") && (e.getValue() > bestW
                    || (e.getValue() == bestW && e.getKey().compareTo(best) < 0))) {
                best = e.getKey();
                bestW = e.getValue();
            }
        }
        return best;
    }
}
