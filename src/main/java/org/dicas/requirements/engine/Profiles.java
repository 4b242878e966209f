package org.dicas.requirements.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dicas.search.text.CapabilityArea;
import org.dicas.search.text.Glossary;
import org.dicas.search.text.Language;
import org.dicas.search.text.TextAnalysis;

/** Turns a requirement's text into raw features: glossary concepts, designators and same-language stems. */
final class Profiles {

    /** The kind of need: what the nation wants to do about the object. */
    enum NeedKind { NONE, ACQUIRE, SUSTAIN, MIXED;

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

    /** Designators: letters then digits (SM-3, PAC-3, T-7A, F-35A, AIM-120, MQ-9B, AN/TPY-2, Type 12). */
    private static final Pattern DESIGNATOR_PATTERN = Pattern.compile(
            "(?<![A-Za-z0-9])((?:[A-Z]{1,5}/)?[A-Z]{1,5}-?\\d{1,4}[A-Z]{0,3}|Type[- ]\\d{2,3}|\\d{2,3}式)(?![A-Za-z0-9])");
    private static final Pattern NOT_DESIGNATOR = Pattern.compile("(?:J?FY|CY|USD|JPY|AUD|EUR|GBP|Q|H|R|M|K)\\d+");

    /** Raw, unweighted features of one text. */
    record Raw(Map<String, Integer> neutral, Map<String, Integer> stems, Language language,
               Map<String, String> literals) {
    }

    private final Glossary glossary;

    Profiles(Glossary glossary) {
        this.glossary = glossary;
    }

    Raw raw(RequirementProfile p) {
        String text = TextAnalysis.normalize(p.text());
        Map<String, Integer> neutral = new LinkedHashMap<>();
        Map<String, String> literals = new HashMap<>();
        List<Glossary.Match> matches = glossary.matchesIn(text);
        boolean[] covered = new boolean[text.length()];
        for (Glossary.Match m : matches) {
            String key = CONCEPT + m.conceptId();
            neutral.merge(key, 1, Integer::sum);
            literals.putIfAbsent(key, m.literal());
            for (int i = m.start(); i < m.end() && i < covered.length; i++) {
                covered[i] = true;
            }
        }
        Matcher d = DESIGNATOR_PATTERN.matcher(text);
        while (d.find()) {
            String norm = d.group(1).toUpperCase(Locale.ROOT).replaceAll("[- /]", "").replace("TYPE", "");
            if (d.group(1).endsWith("式")) {
                norm = norm.substring(0, norm.length() - 1);
            }
            if (NOT_DESIGNATOR.matcher(norm).matches()) {
                continue;
            }
            if (d.group(1).startsWith("Type") || d.group(1).endsWith("式")) {
                norm = "TYPE" + norm.replaceAll("\\D", "");
            }
            String key = DESIGNATOR + norm;
            neutral.merge(key, 1, Integer::sum);
            literals.putIfAbsent(key, d.group(1));
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
        return new Raw(neutral, stems, lang, literals);
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

    /** The glossary entry of a concept feature key, or null. */
    Glossary.Entry entry(String key) {
        return key.startsWith(CONCEPT) ? glossary.entry(key.substring(CONCEPT.length())).orElse(null) : null;
    }

    /** How much a feature says about the need (before IDF). */
    double roleWeight(String key) {
        if (key.startsWith(DESIGNATOR)) {
            return 1.2;
        }
        if (key.startsWith(EN_STEM) || key.startsWith(JA_TERM)) {
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

    /** True for features that name what is needed (objects, qualifiers, designators): evidence of a shared need. */
    boolean isSubject(String key) {
        if (key.startsWith(DESIGNATOR)) {
            return true;
        }
        Glossary.Entry e = entry(key);
        return e != null && (e.role() == Glossary.Role.OBJECT || e.role() == Glossary.Role.QUALIFIER);
    }

    /** Need kind from activity concepts: SUSTAINMENT activities vs acquisition activities. */
    NeedKind needKind(Map<String, Integer> neutral) {
        int sustain = 0;
        int acquire = 0;
        for (Map.Entry<String, Integer> f : neutral.entrySet()) {
            Glossary.Entry e = entry(f.getKey());
            if (e == null || e.role() != Glossary.Role.ACTIVITY) {
                continue;
            }
            String top = CapabilityArea.topLevel(e.area());
            if (top.equals("SUSTAINMENT")) {
                sustain += f.getValue();
            } else if (top.equals("ACQUISITION") || top.equals("INDUSTRIAL_BASE")) {
                acquire += f.getValue();
            }
        }
        if (sustain == 0 && acquire == 0) {
            return NeedKind.NONE;
        }
        return sustain > acquire ? NeedKind.SUSTAIN : acquire > sustain ? NeedKind.ACQUIRE : NeedKind.MIXED;
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

    /** Area inferred from weighted concepts: the second-level (or top-level) area with the largest weight. */
    String inferArea(Map<String, Double> conceptWeights) {
        Map<String, Double> byArea = new HashMap<>();
        for (Map.Entry<String, Double> f : conceptWeights.entrySet()) {
            Glossary.Entry e = entry(f.getKey());
            if (e == null || e.role() == Glossary.Role.ORG || e.role() == Glossary.Role.PROCESS
                    || CapabilityArea.topLevel(e.area()).equals("ACQUISITION")) {
                continue;
            }
            double w = f.getValue();
            if (e.role() == Glossary.Role.ACTIVITY && CapabilityArea.topLevel(e.area()).equals("SUSTAINMENT")) {
                w *= 2.5; // repairing an aircraft is a sustainment need, not an air one
            }
            byArea.merge(e.area(), w, Double::sum);
            if (e.area().indexOf('.') > 0) {
                byArea.merge(CapabilityArea.topLevel(e.area()), w * 0.5, Double::sum);
            }
        }
        // Prefer the best second-level area; its top level only when no second-level area stands out.
        String best = "";
        double bestW = 0;
        for (Map.Entry<String, Double> a : byArea.entrySet()) {
            double w = a.getValue() + (a.getKey().indexOf('.') > 0 ? 1e-9 : 0);
            if (w > bestW || (w == bestW && a.getKey().compareTo(best) < 0)) {
                best = a.getKey();
                bestW = w;
            }
        }
        if (best.indexOf('.') < 0) {
            // a top-level area won: use the strongest child if any
            String top = best;
            String child = "";
            double childW = 0;
            for (Map.Entry<String, Double> a : byArea.entrySet()) {
                if (a.getKey().startsWith(top + ".") && a.getValue() > childW) {
                    child = a.getKey();
                    childW = a.getValue();
                }
            }
            if (!child.isEmpty()) {
                best = child;
            }
        }
        return best;
    }
}
