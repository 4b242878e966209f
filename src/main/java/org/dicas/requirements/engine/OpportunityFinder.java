package org.dicas.requirements.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.dicas.search.text.CapabilityArea;
import org.dicas.search.text.DesignationRegistry;
import org.dicas.search.text.Glossary;
import org.dicas.shared.Sentence;

/**
 * Finds cooperative opportunities among requirements of different nations (method: {@code docs/opportunity-method.md}).
 *
 * <p>Each requirement becomes two sparse TF-IDF vectors: a language-neutral one (glossary concepts in English or
 * Japanese, designators such as SM-3 or T-7A) and a same-language one (English stems or Japanese kuromoji terms not
 * covered by a concept). Candidates come from an inverted index over the features; each candidate is then scored
 * from text similarity, capability area, service domain, timing of need windows and quantity, and judged an
 * opportunity when the score clears a threshold, the two share a subject (an object concept or a designator), the
 * kinds of need agree (acquire vs sustain) and the need windows can be aligned. Immutable and thread-safe once built.
 */
public final class OpportunityFinder {

    /** Score weights (sum 1). */
    static final double W_TEXT = 0.60;
    static final double W_AREA = 0.15;
    static final double W_TIMING = 0.12;
    static final double W_DOMAIN = 0.05;
    static final double W_QUANTITY = 0.08;
    /** Factor applied to the score when the kinds of need differ (repair vs procurement). */
    static final double KIND_MISMATCH_FACTOR = 0.6;
    /** Minimum score of an opportunity. */
    static final double OPPORTUNITY_THRESHOLD = 0.50;
    /** Minimum cosine similarity of the subjects (objects, qualifiers, designators) of an opportunity. */
    static final double MIN_SUBJECT_SIMILARITY = 0.30;
    /** Share of the subject similarity in the language-neutral similarity (the rest: all concepts). */
    static final double SUBJECT_SHARE = 0.5;
    /**
     * Area-profile similarity that lets two requirements whose main areas differ at the top level still be an
     * opportunity (a missile buy for fighters and for air defence).
     */
    static final double MIN_AREA_SIMILARITY = 0.7;
    /** Subject similarity at which the two requirements clearly name the same object, whatever their areas. */
    static final double STRONG_SUBJECT_SIMILARITY = 0.6;
    /** Longest gap between need windows that a shift can still bridge. */
    static final int MAX_GAP_MONTHS = 12;
    /**
     * Pseudo-documents without the feature added to the collection size in the IDF, so that in a small set the set's
     * own main topic (five trainer requirements out of nine) is not treated as a common word.
     */
    static final int BACKGROUND_DOCS = 100;
    /** Share of the same-language similarity added to the neutral one. */
    static final double STEM_SHARE = 0.3;

    private final Glossary glossary;
    private final Profiles profiles;
    /** The trained model that turns the pair's signals into a likelihood; null: the rules alone decide. */
    private final FinderModel model;
    private final List<RequirementProfile> requirements;
    private final Map<String, Integer> indexOf;
    private final Map<String, Integer> featureIds = new HashMap<>();
    private final Map<String, Integer> gramDf = new HashMap<>();
    private final Map<String, Integer> wordDf = new HashMap<>();
    /** Document frequency of the English words the texts read into (§11e). */
    private final Map<String, Integer> glossDf = new HashMap<>();
    private double averageLength = 1;
    private final List<String> featureKeys = new ArrayList<>();
    private int[] df;
    private final int n;
    private final Doc[] docs;
    private int[][] postings;
    /** Per feature id: names a subject (object, qualifier, designator, narrow area)? is an area feature? */
    private boolean[] subjectFeature;
    private boolean[] areaFeature;
    private boolean[] systemFeature;
    private boolean[] objectFeature;
    /** Per requirement: its nation as a small int (upper-cased code; -1 when empty). */
    private final int[] nationIds;
    private float[][] postingWeights;
    private final int postingLimit;

    /** One requirement's weighted features, sorted by feature id, normalised per vector. */
    record Doc(int[] neutralIds, float[] neutralW, int[] stemIds, float[] stemW, double neutralNorm,
               double subjectNorm, String area, Map<String, Double> areaVector, String domain, Profiles.NeedKind kind,
               Map<String, String> literals, int[] modifierIds, boolean namesSystem, Profiles.NeedForm form,
               boolean namesObject, int head, int[] headIds, Systems systems, boolean makes, boolean changes,
               Surface surface, Map<String, Float> titleGrams, Map<String, Float> textGrams,
               Map<String, Float> gloss, Map<String, Float> titleGloss) {
    }

    /**
     * What a named system is and does, in plain words (the registry's description of its role, method §11g): its
     * English content words, the character bigrams of its Japanese description and its head noun ("missile" of
     * "beyond-visual-range air-to-air missile, radar-guided, …"; "engine" of "turbofan jet engine for fighter aircraft").
     */
    record Described(Set<String> words, Set<String> grams, String head) {

        /** A role's description read once (a role's words are the same for every requirement naming its systems). */
        private static final Map<List<String>, Described> READ = new java.util.concurrent.ConcurrentHashMap<>();

        static Described of(String en, String ja) {
            return READ.computeIfAbsent(List.of(en, ja), k -> read(en, ja));
        }

        private static Described read(String en, String ja) {
            JaEnWords english = JaEnWords.shipped();
            String first = en.split(",")[0].split(" (for|of|with|on|against|that|in|from) ")[0].strip();
            String[] parts = first.split("[\\s-]+");
            Set<String> last = parts.length == 0 ? Set.of() : english.english(parts[parts.length - 1]).keySet();
            return new Described(Set.copyOf(english.english(en).keySet()), Set.copyOf(Surface.grams(ja).keySet()),
                    last.isEmpty() ? "" : last.iterator().next());
        }

        /**
         * How much of this description the other text says: the share of its English words the other text's English
         * words (through the word list for Japanese) hold, or of its Japanese bigrams the other's character n-grams
         * hold, whichever is larger.
         */
        double coverage(Surface other) {
            double en = words.isEmpty() ? 0
                    : words.stream().filter(other.gloss()::containsKey).count() / (double) words.size();
            double ja = grams.isEmpty() ? 0
                    : grams.stream().filter(other.textGrams()::containsKey).count() / (double) grams.size();
            return Math.max(en, ja);
        }

        /** The description's head noun is among the other title's English words or its head. */
        boolean headIn(Surface other) {
            return !head.isEmpty() && (other.titleGloss().containsKey(head) || other.glossHead().contains(head));
        }
    }

    /**
     * The systems of the designation registry a requirement names: root systems, named variants (blocks, lots),
     * families and roles, the name as written per root, and the language of the text.
     */
    record Systems(Set<String> roots, Set<String> variants, Map<String, Set<String>> rootsByFamily,
                   Map<String, Set<String>> familiesByRole, Map<String, String> literals,
                   org.dicas.search.text.Language language, List<Described> described, Set<String> titleItems,
                   Set<String> titleRoots) {

        /**
         * The systems the whole text names ({@code found}) and those its title names ({@code title}: every root, and
         * the roots that are items, not platforms; {@link Profiles#titleSystems}).
         */
        static Systems of(List<DesignationRegistry.Found> found, Profiles.TitleSystems title,
                          org.dicas.search.text.Language language) {
            Set<String> roots = new java.util.TreeSet<>();
            Set<String> variants = new java.util.TreeSet<>();
            Map<String, Set<String>> byFamily = new TreeMap<>();
            Map<String, Set<String>> byRole = new TreeMap<>();
            Map<String, String> literals = new TreeMap<>();
            for (DesignationRegistry.Found f : found) {
                DesignationRegistry.Designation d = f.designation();
                roots.add(d.root());
                if (d.isVariant()) {
                    variants.add(d.id());
                }
                byFamily.computeIfAbsent(d.family(), k -> new java.util.TreeSet<>()).add(d.root());
                byRole.computeIfAbsent(d.role(), k -> new java.util.TreeSet<>()).add(d.family());
                literals.putIfAbsent(d.root(), f.literal());
            }
            Map<String, Described> described = new TreeMap<>();
            for (DesignationRegistry.Found f : found) {
                DesignationRegistry.Designation d = f.designation();
                if (!d.whatEn().isEmpty() || !d.whatJa().isEmpty()) {
                    described.computeIfAbsent(d.role(), k -> Described.of(d.whatEn(), d.whatJa()));
                }
            }
            return new Systems(roots, variants, byFamily, byRole, literals, language, List.copyOf(described.values()),
                    Set.copyOf(title.items()), Set.copyOf(title.roots()));
        }

        /** Roots of a family both name, where neither names a root of it the other names (siblings), else empty. */
        static Optional<List<Set<String>>> siblings(Systems a, Systems b) {
            for (Map.Entry<String, Set<String>> e : a.rootsByFamily().entrySet()) {
                Set<String> other = b.rootsByFamily().get(e.getKey());
                if (other != null && !intersects(e.getValue(), other)) {
                    return Optional.of(List.of(e.getValue(), other));
                }
            }
            return Optional.empty();
        }

        /** Families of one role both name, where they share no family of it (rivals), else empty. */
        static Optional<List<Set<String>>> rivals(Systems a, Systems b) {
            for (Map.Entry<String, Set<String>> e : a.familiesByRole().entrySet()) {
                Set<String> other = b.familiesByRole().get(e.getKey());
                if (other != null && !intersects(e.getValue(), other)) {
                    Set<String> ra = new java.util.TreeSet<>();
                    Set<String> rb = new java.util.TreeSet<>();
                    e.getValue().forEach(fam -> ra.addAll(a.rootsByFamily().get(fam)));
                    other.forEach(fam -> rb.addAll(b.rootsByFamily().get(fam)));
                    return Optional.of(List.of(ra, rb));
                }
            }
            return Optional.empty();
        }
    }

    private OpportunityFinder(List<RequirementProfile> requirements, Glossary glossary, DesignationRegistry registry,
                              FinderModel model) {
        this.glossary = glossary;
        this.profiles = new Profiles(glossary, registry);
        this.model = model;
        this.requirements = List.copyOf(requirements);
        this.n = this.requirements.size();
        this.indexOf = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            if (indexOf.put(this.requirements.get(i).id(), i) != null) {
                throw new IllegalArgumentException("duplicate requirement id " + this.requirements.get(i).id());
            }
        }
        Profiles.Raw[] raws = new Profiles.Raw[n];
        IntStream.range(0, n).parallel().forEach(i -> raws[i] = profiles.raw(this.requirements.get(i)));
        Surface[] surfaces = new Surface[n];
        IntStream.range(0, n).parallel().forEach(i -> surfaces[i] = Surface.of(this.requirements.get(i).title(),
                this.requirements.get(i).description()));
        long words = 0;
        for (Surface s : surfaces) {
            s.textGrams().keySet().forEach(g -> gramDf.merge(g, 1, Integer::sum));
            s.titleGrams().keySet().forEach(g -> gramDf.merge("t" + g, 1, Integer::sum));
            s.words().keySet().forEach(w -> wordDf.merge(w, 1, Integer::sum));
            s.gloss().keySet().forEach(w -> glossDf.merge(w, 1, Integer::sum));
            words += s.length();
        }
        this.averageLength = n == 0 ? 1 : Math.max(1, words / (double) n);
        int[] counts = new int[16];
        for (Profiles.Raw r : raws) {
            for (String k : r.neutral().keySet()) {
                counts = count(k, counts);
            }
            for (String k : r.stems().keySet()) {
                counts = count(k, counts);
            }
        }
        this.df = Arrays.copyOf(counts, featureKeys.size());
        this.docs = new Doc[n];
        IntStream.range(0, n).parallel().forEach(i -> docs[i] = doc(this.requirements.get(i), raws[i], surfaces[i]));
        this.postingLimit = n <= 5000 ? Integer.MAX_VALUE : Math.max(2000, n / 25);
        buildPostings();
        this.subjectFeature = new boolean[featureKeys.size()];
        this.areaFeature = new boolean[featureKeys.size()];
        this.systemFeature = new boolean[featureKeys.size()];
        this.objectFeature = new boolean[featureKeys.size()];
        for (int f = 0; f < featureKeys.size(); f++) {
            systemFeature[f] = profiles.isSystem(featureKeys.get(f));
            objectFeature[f] = profiles.isObject(featureKeys.get(f));
            subjectFeature[f] = profiles.isSubject(featureKeys.get(f));
            areaFeature[f] = featureKeys.get(f).startsWith(Profiles.AREA);
        }
        Map<String, Integer> nations = new HashMap<>();
        this.nationIds = new int[n];
        for (int i = 0; i < n; i++) {
            String nation = this.requirements.get(i).nation().toUpperCase(Locale.ROOT);
            nationIds[i] = nation.isEmpty() ? -1 : nations.computeIfAbsent(nation, k -> nations.size());
        }
        int size = n;
        this.accumulators = ThreadLocal.withInitial(() -> new Accumulator(size));
    }

    private int[] count(String key, int[] counts) {
        Integer id = featureIds.get(key);
        if (id == null) {
            id = featureKeys.size();
            featureIds.put(key, id);
            featureKeys.add(key);
            if (id >= counts.length) {
                counts = Arrays.copyOf(counts, counts.length * 2);
            }
        }
        counts[id]++;
        return counts;
    }

    /**
     * Builds the rule engine over a set of requirements with the shipped glossary and designation registry (ids must
     * be unique): the score and flag are the rules' (§3 of the method); the rules are also the model's signals.
     */
    public static OpportunityFinder over(List<RequirementProfile> requirements) {
        return over(requirements, Glossary.shipped());
    }

    public static OpportunityFinder over(List<RequirementProfile> requirements, Glossary glossary) {
        return new OpportunityFinder(requirements, glossary, DesignationRegistry.shipped(), null);
    }

    /**
     * Builds the finder whose score is the trained model's likelihood of a shared need and whose flag is that
     * likelihood at or above the model's threshold (the rules are its features, not vetoes).
     */
    public static OpportunityFinder over(List<RequirementProfile> requirements, FinderModel model) {
        return new OpportunityFinder(requirements, Glossary.shipped(), DesignationRegistry.shipped(),
                java.util.Objects.requireNonNull(model, "model"));
    }

    /** The model that scores pairs, when there is one (empty: the rules alone). */
    public Optional<FinderModel> model() {
        return Optional.ofNullable(model);
    }

    public int size() {
        return n;
    }

    public List<RequirementProfile> requirements() {
        return requirements;
    }

    public Optional<RequirementProfile> requirement(String id) {
        Integer i = indexOf.get(id);
        return i == null ? Optional.empty() : Optional.of(requirements.get(i));
    }

    // ---------------------------------------------------------------- features

    private double idf(String key) {
        Integer id = featureIds.get(key);
        int d = id == null ? 0 : df[id];
        double docs = n + BACKGROUND_DOCS;
        return Math.log(1 + (docs - d + 0.5) / (d + 0.5));
    }

    private Doc doc(RequirementProfile p, Profiles.Raw raw) {
        return doc(p, raw, Surface.of(p.title(), p.description()));
    }

    /** Set IDF of a character n-gram (titles' n-grams prefixed {@code t}) or a BM25 word token. */
    private double surfaceIdf(Map<String, Integer> dfs, String key) {
        int d = dfs.getOrDefault(key, 0);
        double docs = n + BACKGROUND_DOCS;
        return Math.log(1 + (docs - d + 0.5) / (d + 0.5));
    }

    private Map<String, Float> gramVector(Map<String, Integer> grams, String prefix) {
        return vector(gramDf, grams, prefix);
    }

    /** Log-TF × set-IDF vector of counted keys (n-grams, or English words read through the word list), unit length. */
    private Map<String, Float> vector(Map<String, Integer> dfs, Map<String, Integer> grams, String prefix) {
        Map<String, Float> v = new HashMap<>(grams.size() * 2);
        double norm = 0;
        for (Map.Entry<String, Integer> e : grams.entrySet()) {
            double w = (1 + Math.log(e.getValue())) * surfaceIdf(dfs, prefix + e.getKey());
            v.put(e.getKey(), (float) w);
            norm += w * w;
        }
        double root = Math.sqrt(norm);
        if (root > 0) {
            v.replaceAll((k, w) -> (float) (w / root));
        }
        return v;
    }

    private static double cosine(Map<String, Float> a, Map<String, Float> b) {
        Map<String, Float> small = a.size() <= b.size() ? a : b;
        Map<String, Float> large = small == a ? b : a;
        double dot = 0;
        for (Map.Entry<String, Float> e : small.entrySet()) {
            Float w = large.get(e.getKey());
            if (w != null) {
                dot += e.getValue() * w;
            }
        }
        return clamp(dot);
    }

    /** BM25 of a's words in b, relative to a's own (1: b holds a's words as a does), averaged both ways. */
    private double bm25(Surface a, Surface b) {
        return 0.5 * (bm25Relative(a, b) + bm25Relative(b, a));
    }

    private double bm25Relative(Surface q, Surface d) {
        double self = bm25Of(q, q);
        return self <= 0 ? 0 : clamp(bm25Of(q, d) / self);
    }

    private double bm25Of(Surface q, Surface d) {
        double k1 = 1.2;
        double bb = 0.75;
        double norm = k1 * (1 - bb + bb * d.length() / averageLength);
        double s = 0;
        for (String t : q.words().keySet()) {
            Integer tf = d.words().get(t);
            if (tf != null) {
                s += surfaceIdf(wordDf, t) * tf * (k1 + 1) / (tf + norm);
            }
        }
        return s;
    }

    private Doc doc(RequirementProfile p, Profiles.Raw raw, Surface surface) {
        Map<String, Double> neutral = weigh(raw.neutral());
        for (String k : raw.modifierOnly()) {
            neutral.computeIfPresent(k, (key, w) -> w * Profiles.MODIFIER_WEIGHT);
        }
        Map<String, Double> stems = weigh(raw.stems());
        double norm = Math.sqrt(neutral.values().stream().mapToDouble(w -> w * w).sum());
        double subjectNorm = Math.sqrt(neutral.entrySet().stream().filter(e -> profiles.isSubject(e.getKey()))
                .mapToDouble(e -> e.getValue() * e.getValue()).sum());
        double stemNorm = Math.sqrt(stems.values().stream().mapToDouble(w -> w * w).sum());
        TreeMap<Integer, Float> nt = new TreeMap<>();
        for (Map.Entry<String, Double> e : neutral.entrySet()) {
            Integer id = featureIds.get(e.getKey());
            if (id != null) {
                nt.put(id, (float) (e.getValue() / norm));
            }
        }
        TreeMap<Integer, Float> st = new TreeMap<>();
        for (Map.Entry<String, Double> e : stems.entrySet()) {
            Integer id = featureIds.get(e.getKey());
            if (id != null) {
                st.put(id, (float) (e.getValue() / stemNorm));
            }
        }
        Profiles.NeedKind kind = profiles.needKind(raw.neutral());
        Map<String, Double> areaVector = p.capabilityArea().isEmpty() ? profiles.areaVector(neutral, kind)
                : Profiles.areaVectorOf(p.capabilityArea());
        // The head object of the title decides the area when the glossary knows it ("naval anti-ship missile" whose
        // description names the ships that launch it is a munition, not a ship).
        // Only for a need to buy or train: repairing a vehicle stays a sustainment need (Profiles.areaVector).
        boolean buying = kind == Profiles.NeedKind.ACQUIRE || kind == Profiles.NeedKind.TRAIN;
        Glossary.Entry headEntry = raw.head() == null || !buying ? null : profiles.entry(raw.head());
        String area = !p.capabilityArea().isEmpty() ? p.capabilityArea()
                : headEntry != null && headEntry.area().indexOf('.') > 0 ? headEntry.area()
                : Profiles.bestArea(areaVector);
        Integer headId = raw.head() == null ? null : featureIds.get(raw.head());
        int[] headIds = raw.neutral().keySet().stream().filter(k -> !raw.modifierOnly().contains(k))
                .filter(profiles::isObject).map(featureIds::get).filter(java.util.Objects::nonNull)
                .mapToInt(Integer::intValue).sorted().toArray();
        int[] modifierIds = raw.purposeOnly().stream().filter(profiles::isSubject).map(featureIds::get)
                .filter(java.util.Objects::nonNull).mapToInt(Integer::intValue).sorted().toArray();
        return new Doc(keys(nt), values(nt), keys(st), values(st), norm, subjectNorm, area, areaVector,
                profiles.serviceDomain(p.service()), kind, raw.literals(), modifierIds,
                raw.neutral().keySet().stream().anyMatch(profiles::isSystem),
                Profiles.needForm(p.title(), p.description()),
                raw.neutral().keySet().stream().anyMatch(profiles::isObject), headId == null ? -1 : headId, headIds,
                Systems.of(raw.systems(), profiles.titleSystems(p.title()), raw.language()),
                Profiles.titleSpeaksOf(Profiles.MAKES_MORE, p.title()),
                Profiles.titleSpeaksOf(Profiles.CHANGES_ITEM, p.title()), surface, gramVector(surface.titleGrams(), "t"),
                gramVector(surface.textGrams(), ""), vector(glossDf, surface.gloss(), ""),
                vector(glossDf, surface.titleGloss(), ""));
    }

    private Map<String, Double> weigh(Map<String, Integer> tf) {
        Map<String, Double> w = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : tf.entrySet()) {
            double rw = profiles.roleWeight(e.getKey());
            if (rw > 0) {
                w.put(e.getKey(), (1 + Math.log(e.getValue())) * idf(e.getKey()) * rw);
            }
        }
        return w;
    }

    private static int[] keys(TreeMap<Integer, Float> m) {
        return m.keySet().stream().mapToInt(Integer::intValue).toArray();
    }

    private static float[] values(TreeMap<Integer, Float> m) {
        float[] v = new float[m.size()];
        int i = 0;
        for (float f : m.values()) {
            v[i++] = f;
        }
        return v;
    }

    private void buildPostings() {
        int f = featureKeys.size();
        int[] len = new int[f];
        for (Doc d : docs) {
            for (int id : d.neutralIds()) {
                len[id]++;
            }
            for (int id : d.stemIds()) {
                len[id]++;
            }
        }
        postings = new int[f][];
        postingWeights = new float[f][];
        for (int i = 0; i < f; i++) {
            postings[i] = new int[len[i]];
            postingWeights[i] = new float[len[i]];
        }
        int[] fill = new int[f];
        for (int di = 0; di < n; di++) {
            Doc d = docs[di];
            for (int k = 0; k < d.neutralIds().length; k++) {
                int id = d.neutralIds()[k];
                postings[id][fill[id]] = di;
                postingWeights[id][fill[id]++] = d.neutralW()[k];
            }
            for (int k = 0; k < d.stemIds().length; k++) {
                int id = d.stemIds()[k];
                postings[id][fill[id]] = di;
                postingWeights[id][fill[id]++] = d.stemW()[k] * (float) STEM_SHARE;
            }
        }
    }

    // ---------------------------------------------------------------- candidates

    private static final class Accumulator {
        final float[] acc;
        final int[] touched;
        int size;

        Accumulator(int n) {
            acc = new float[n];
            touched = new int[n];
        }
    }

    private final ThreadLocal<Accumulator> accumulators;

    /** Candidate documents for a query doc, by an approximate dot product over the inverted index. */
    private int[] candidateDocs(Doc q, int self, int excludeNation, int want, int minimum) {
        Accumulator a = accumulators.get();
        accumulate(a, q.neutralIds(), q.neutralW(), 1f);
        accumulate(a, q.stemIds(), q.stemW(), (float) STEM_SHARE);
        int[] result = topByValue(a.touched, a.size, a.acc, want, self, excludeNation);
        if (result.length < minimum) {
            // Too few share a term: fill up with other requirements (area, timing and quantity still rank them).
            int[] filled = Arrays.copyOf(result, Math.min(minimum, n));
            int f = result.length;
            for (int d = 0; d < n && f < filled.length; d++) {
                if (d != self && (excludeNation < 0 || nationIds[d] != excludeNation) && a.acc[d] == 0) {
                    filled[f++] = d;
                }
            }
            result = Arrays.copyOf(filled, f);
        }
        for (int k = 0; k < a.size; k++) {
            a.acc[a.touched[k]] = 0;
        }
        a.size = 0;
        return result;
    }

    /**
     * The {@code want} entries of {@code docs[0..m)} with the largest {@code value[doc]} (a bounded min-heap),
     * leaving out {@code self} and requirements of {@code excludeNation} (when ≥ 0).
     */
    private int[] topByValue(int[] docs, int m, float[] value, int want, int self, int excludeNation) {
        int[] heap = new int[want];
        int size = 0;
        for (int k = 0; k < m; k++) {
            int d = docs[k];
            if (d == self || (excludeNation >= 0 && nationIds[d] == excludeNation)) {
                continue;
            }
            if (size < want) {
                heap[size] = d;
                int i = size++;
                while (i > 0) {
                    int parent = (i - 1) >>> 1;
                    if (value[heap[parent]] <= value[heap[i]]) {
                        break;
                    }
                    int t = heap[parent];
                    heap[parent] = heap[i];
                    heap[i] = t;
                    i = parent;
                }
            } else if (value[d] > value[heap[0]]) {
                heap[0] = d;
                int i = 0;
                while (true) {
                    int l = 2 * i + 1;
                    int r = l + 1;
                    int smallest = i;
                    if (l < size && value[heap[l]] < value[heap[smallest]]) {
                        smallest = l;
                    }
                    if (r < size && value[heap[r]] < value[heap[smallest]]) {
                        smallest = r;
                    }
                    if (smallest == i) {
                        break;
                    }
                    int t = heap[smallest];
                    heap[smallest] = heap[i];
                    heap[i] = t;
                    i = smallest;
                }
            }
        }
        return Arrays.copyOf(heap, size);
    }

    private void accumulate(Accumulator a, int[] ids, float[] w, float scale) {
        for (int k = 0; k < ids.length; k++) {
            int[] p = postings[ids[k]];
            if (p.length > postingLimit) {
                continue;
            }
            float[] pw = postingWeights[ids[k]];
            float qw = w[k] * scale;
            for (int j = 0; j < p.length; j++) {
                int d = p[j];
                if (a.acc[d] == 0) {
                    a.touched[a.size++] = d;
                }
                a.acc[d] += qw * pw[j] + 1e-9f;
            }
        }
    }


    /** Candidates of other nations for a requirement of the set, best first (at most {@code top}). */
    public List<Candidate> candidatesFor(String requirementId, int top) {
        Integer i = indexOf.get(requirementId);
        if (i == null) {
            throw new IllegalArgumentException("unknown requirement " + requirementId);
        }
        if (top <= 0) {
            return List.of();
        }
        RequirementProfile p = requirements.get(i);
        Doc q = docs[i];
        int[] cands = candidateDocs(q, i, nationIds[i], Math.max(4 * top, 40), top);
        return rank(p, q, cands, top);
    }

    /** Matches an outside text (a lead) against the set: any nation, best first. */
    public List<Candidate> match(RequirementProfile outsider, int top) {
        if (top <= 0) {
            return List.of();
        }
        Doc q = doc(outsider, profiles.raw(outsider));
        int[] cands = candidateDocs(q, -1, -1, Math.max(4 * top, 40), top);
        return rank(outsider, q, cands, top);
    }

    private List<Candidate> rank(RequirementProfile p, Doc q, int[] cands, int top) {
        // Score every candidate (numbers only), then explain the best `top`.
        double[] scores = new double[cands.length];
        Integer[] order = new Integer[cands.length];
        for (int k = 0; k < cands.length; k++) {
            scores[k] = score(p, q, requirements.get(cands[k]), docs[cands[k]], false).score;
            order[k] = k;
        }
        Arrays.sort(order, (x, y) -> {
            int c = Double.compare(scores[y], scores[x]);
            return c != 0 ? c : requirements.get(cands[x]).id().compareTo(requirements.get(cands[y]).id());
        });
        List<Candidate> out = new ArrayList<>(Math.min(top, cands.length));
        for (int k = 0; k < Math.min(top, cands.length); k++) {
            int c = cands[order[k]];
            Scored s = score(p, q, requirements.get(c), docs[c], true);
            out.add(new Candidate(requirements.get(c).id(), s.score, s.opportunity, s.explanation));
        }
        return List.copyOf(out);
    }

    /** Candidates for every requirement, in parallel (keys in set order). */
    public Map<String, List<Candidate>> matchAll(int top) {
        List<List<Candidate>> lists = IntStream.range(0, n).parallel()
                .mapToObj(i -> candidatesFor(requirements.get(i).id(), top)).toList();
        Map<String, List<Candidate>> out = new LinkedHashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            out.put(requirements.get(i).id(), lists.get(i));
        }
        return out;
    }

    // ---------------------------------------------------------------- scoring

    private record Scored(double score, boolean opportunity, Explanation explanation, Signals signals) {
    }

    /** The rules' signals of a pair of the set (what the model is trained on). */
    Signals signals(String idA, String idB) {
        Integer a = indexOf.get(idA);
        Integer b = indexOf.get(idB);
        if (a == null || b == null) {
            throw new IllegalArgumentException("unknown requirement " + (a == null ? idA : idB));
        }
        return score(requirements.get(a), docs[a], requirements.get(b), docs[b], false).signals();
    }

    /** The engine's full view of one pair of the set. */
    public Assessment assess(String idA, String idB) {
        Integer a = indexOf.get(idA);
        Integer b = indexOf.get(idB);
        if (a == null || b == null) {
            throw new IllegalArgumentException("unknown requirement " + (a == null ? idA : idB));
        }
        RequirementProfile pa = requirements.get(a);
        RequirementProfile pb = requirements.get(b);
        Scored s = score(pa, docs[a], pb, docs[b], true);
        int qa = pa.quantity().orElse(0);
        int qb = pb.quantity().orElse(0);
        OptionalDouble savings = qa > 0 && qb > 0
                ? OptionalDouble.of(LearningCurve.defaults().savings(qa, qb)) : OptionalDouble.empty();
        return new Assessment(idA, idB, s.score, s.opportunity, s.explanation, s.explanation.timing().aligned(),
                savings, qa, qb);
    }

    private Scored score(RequirementProfile pa, Doc a, RequirementProfile pb, Doc b, boolean explain) {
        List<MatchedTerm> shared = new ArrayList<>();
        double neutralDot = 0;
        double subjectDot = 0;
        boolean sharedSystem = false;
        boolean sharedObject = false;
        int sharedObjects = 0;
        int i = 0;
        int j = 0;
        while (i < a.neutralIds().length && j < b.neutralIds().length) {
            int x = a.neutralIds()[i];
            int y = b.neutralIds()[j];
            if (x < y) {
                i++;
            } else if (x > y) {
                j++;
            } else {
                double c = a.neutralW()[i] * (double) b.neutralW()[j];
                neutralDot += c;
                if (subjectFeature[x]) {
                    subjectDot += c * a.neutralNorm() * b.neutralNorm();
                    sharedSystem |= systemFeature[x];
                    sharedObject |= objectFeature[x];
                    if (objectFeature[x]) {
                        sharedObjects++;
                    }
                }
                if (explain && !areaFeature[x]) {
                    shared.add(term(featureKeys.get(x), c, a, b));
                }
                i++;
                j++;
            }
        }
        double stemDot = 0;
        i = 0;
        j = 0;
        List<MatchedTerm> sharedStems = new ArrayList<>();
        while (i < a.stemIds().length && j < b.stemIds().length) {
            int x = a.stemIds()[i];
            int y = b.stemIds()[j];
            if (x < y) {
                i++;
            } else if (x > y) {
                j++;
            } else {
                double c = a.stemW()[i] * (double) b.stemW()[j];
                stemDot += c;
                if (explain) {
                    sharedStems.add(term(featureKeys.get(x), c * STEM_SHARE, a, b));
                }
                i++;
                j++;
            }
        }
        double subject = a.subjectNorm() > 0 && b.subjectNorm() > 0
                ? clamp(subjectDot / (a.subjectNorm() * b.subjectNorm())) : 0;
        double neutral = SUBJECT_SHARE * subject + (1 - SUBJECT_SHARE) * clamp(neutralDot);
        double text = clamp(neutral + STEM_SHARE * clamp(stemDot) * (1 - neutral));
        shared.sort(Comparator.comparingDouble(MatchedTerm::weight).reversed());
        sharedStems.sort(Comparator.comparingDouble(MatchedTerm::weight).reversed());
        shared.addAll(sharedStems.subList(0, Math.min(5, sharedStems.size())));

        double areaFit = areaFit(a.areaVector(), b.areaVector());
        TimingOverlap timing = TimingOverlap.of(pa.needBy(), pb.needBy());
        double timingFit = timing.fit();
        double quantityFit = quantityFit(pa, pb);
        double domainFit = domainFit(a.domain(), b.domain());
        boolean kindOk = a.kind().compatibleWith(b.kind());
        double score = W_TEXT * text + W_AREA * areaFit + W_TIMING * timingFit + W_DOMAIN * domainFit
                + W_QUANTITY * quantityFit;
        if (!kindOk) {
            score *= KIND_MISMATCH_FACTOR;
        }
        score = clamp(score);
        boolean timingOk = !timing.known() || timing.overlapMonths() > 0 || timing.gapMonths() <= MAX_GAP_MONTHS;
        // Parts or service for different systems: the shared subject is only a part or a service (spare parts,
        // overhaul) while each requirement names a system the other does not.
        boolean differentSystems = a.namesSystem() && b.namesSystem() && !sharedSystem;
        // A field (CBRN, anti-jam: a qualifier) is not a thing: when both name objects and share only qualifiers, the
        // shared subject must be strong (chemical detectors and decontamination systems are both CBRN, but different
        // items; "unmanned mine countermeasures" shared in full is one need).
        boolean fieldOnly = a.namesObject() && b.namesObject() && !sharedObject
                && subject < STRONG_SUBJECT_SIMILARITY;
        // Heads that do not meet: each title names a known head object, and neither head is named by the other as
        // what it needs (only, if at all, as what it is for): ejection seats for trainers are not the trainer.
        // Heads of one narrow capability area meet (an ELINT aircraft and an ISR aircraft are one kind of platform).
        boolean headsApart = a.head() >= 0 && b.head() >= 0
                && Arrays.binarySearch(b.headIds(), a.head()) < 0 && Arrays.binarySearch(a.headIds(), b.head()) < 0
                && !headArea(a).equals(headArea(b));
        boolean subjectOk = subject >= MIN_SUBJECT_SIMILARITY && !differentSystems && !fieldOnly && !headsApart;
        // The areas are inferred from the same words: a strong shared subject outweighs an area disagreement that
        // incidental words caused ("carried externally", "transportable"); only a weak subject needs area agreement.
        boolean areaOk = CapabilityArea.topLevel(a.area()).equals(CapabilityArea.topLevel(b.area()))
                || areaFit >= MIN_AREA_SIMILARITY
                || (subject >= STRONG_SUBJECT_SIMILARITY && !activityArea(a.area()) && !activityArea(b.area()));
        // Same object for different uses (batteries for radios vs batteries for submarines): both name what the
        // object is for, and neither use appears anywhere in the other requirement.
        boolean purposeOk = !(a.modifierIds().length > 0 && b.modifierIds().length > 0
                && !intersects(a.modifierIds(), b.neutralIds()) && !intersects(b.modifierIds(), a.neutralIds()));
        // A study, a facility or a software update is not the item it is about (a radar siting study vs buying the
        // radar; ammunition igloos vs the shells; a receiver software update vs new antennas).
        // Research and development are one continuum: research is compatible with a development (an item whose title
        // says develop, R&D, demonstrator, prototype, 開発, 試作, 実証), never with a supply or a buy.
        boolean formOk = a.form() == b.form()
                || (a.form() == Profiles.NeedForm.RESEARCH && b.form() == Profiles.NeedForm.ITEM
                        && Profiles.namesDevelopment(pb.title()))
                || (b.form() == Profiles.NeedForm.RESEARCH && a.form() == Profiles.NeedForm.ITEM
                        && Profiles.namesDevelopment(pa.title()));
        // Quantities three orders apart (4 igloos vs 20,000 shells) are not one buy.
        boolean quantityOk = grossQuantityRatio(pa, pb) < GROSS_QUANTITY_RATIO;
        boolean ruleOpportunity = score >= OPPORTUNITY_THRESHOLD && subjectOk && kindOk && timingOk && areaOk
                && purposeOk && formOk && quantityOk;
        Systems sa = a.systems();
        Systems sb = b.systems();
        boolean sameSystem = intersects(sa.roots(), sb.roots());
        boolean variantConflict = sameSystem && !sa.variants().isEmpty() && !sb.variants().isEmpty()
                && !intersects(sa.variants(), sb.variants());
        // Siblings and rivals are read among what is needed, not what it is for (§11u): when both titles name one item
        // that is not a platform (MIDS terminals, a Mk 45 gun, M795 shells), the other systems the texts name are the
        // platforms it is for (an F-16 and an F/A-18; two destroyer classes), rivals perhaps, but not the need. A
        // shared platform (SM-3 and SM-6, both for Aegis destroyers; AIM-120D and Meteor, both for the F-35A) is
        // context, and the items beside it are still told apart.
        boolean titlesShareAnItem = intersects(sa.titleItems(), sb.titleItems());
        Optional<List<Set<String>>> siblingRoots = titlesShareAnItem ? Optional.empty() : Systems.siblings(sa, sb);
        Optional<List<Set<String>>> rivalRoots = titlesShareAnItem ? Optional.empty() : Systems.rivals(sa, sb);
        boolean siblings = siblingRoots.isPresent();
        boolean rivals = rivalRoots.isPresent();
        boolean otherSystems = !sa.roots().isEmpty() && !sb.roots().isEmpty() && !sameSystem && !siblings && !rivals;
        // Words in common say little when the registry tells the two named systems apart as siblings of one family,
        // rivals for one role or other blocks of one system (AIM-120 and Meteor air-to-air missiles for fighters):
        // the surface similarities then count for nothing; the other features still do.
        boolean designatorsApart = Surface.designatorsApart(a.surface(), b.surface());
        double alike = variantConflict || siblings || rivals ? 0 : 1;
        double glossText = cosine(a.gloss(), b.gloss());
        // Named on one side, described on the other (§11g): one side names a registry system and the other names
        // none; how much of the system's plain-words description the other side's text says, and whether its head
        // noun (missile, engine, tank) is the other title's.
        double described = 0;
        boolean describedHead = false;
        if (sa.roots().isEmpty() != sb.roots().isEmpty()) {
            Systems named = sa.roots().isEmpty() ? sb : sa;
            Surface other = sa.roots().isEmpty() ? a.surface() : b.surface();
            for (Described d : named.described()) {
                described = Math.max(described, d.coverage(other));
                describedHead |= d.headIn(other);
            }
        }
        // One system (or designator), other blocks, increments, batches or phases written on each side (SM-3 Block
        // IB vs Block IIA), where the registry holds neither block (§11g).
        boolean blocksApart = (sameSystem || Surface.sharedDesignator(a.surface(), b.surface()))
                && Surface.blocksApart(a.surface(), b.surface());
        Signals signals = new Signals(score, ruleOpportunity, text, subject, clamp(neutralDot), clamp(stemDot),
                areaFit, timingFit, quantityFit, domainFit, kindOk, timingOk, areaOk, purposeOk, formOk, quantityOk,
                differentSystems, fieldOnly, headsApart,
                CapabilityArea.topLevel(a.area()).equals(CapabilityArea.topLevel(b.area())) && !a.area().isEmpty(),
                a.area().equals(b.area()) && a.area().indexOf('.') > 0, sameSystem, variantConflict, siblings, rivals,
                otherSystems, sharedObjects, sa.language() != sb.language(),
                timing.known() && timing.overlapMonths() <= 0 ? timing.gapMonths() : 0, !timing.known(),
                a.kind() == b.kind() && a.kind() != Profiles.NeedKind.NONE, a.form() == b.form(),
                (sharedObjects > 0 || sameSystem) && a.makes() != b.makes(),
                (sharedObjects > 0 || sameSystem) && a.changes() != b.changes(),
                alike * cosine(a.titleGrams(), b.titleGrams()), alike * cosine(a.textGrams(), b.textGrams()),
                alike * bm25(a.surface(), b.surface()), Surface.sharedDesignator(a.surface(), b.surface()),
                designatorsApart, Surface.sharedMeasure(a.surface(), b.surface()),
                Surface.measureConflict(a.surface(), b.surface()), Surface.loanwords(a.surface(), b.surface()),
                alike > 0 && Surface.sameHead(a.surface(), b.surface()), alike * glossText,
                alike * cosine(a.titleGloss(), b.titleGloss()), sa.language() != sb.language() ? alike * glossText : 0,
                alike > 0 && Surface.glossHead(a.surface(), b.surface()), described, describedHead,
                blocksApart, !sa.titleRoots().isEmpty() && sa.titleRoots().equals(sb.titleRoots()));
        double likelihood = model == null ? Double.NaN : model.likelihood(signals);
        boolean opportunity = model == null ? ruleOpportunity : likelihood >= model.threshold();
        double shown = model == null ? score : likelihood;
        if (!explain) {
            return new Scored(round(shown), opportunity, null, signals);
        }
        Sentence summary = summary(shared, text, a, b, timing, quantityFit, pa, pb, ruleOpportunity, subjectOk,
                kindOk, timingOk, areaOk, purposeOk, score, differentSystems, formOk, quantityOk);
        List<Sentence> names = names(sa, sb, true);
        List<Sentence> briefly = names(sa, sb, false);
        List<Sentence> apart = apart(sa, sb, variantConflict, siblingRoots, rivalRoots);
        List<Sentence> top = model == null ? List.of() : model.topFeatures(signals, 3);
        if (model != null) {
            summary = modelSummary(likelihood, model.threshold(), opportunity,
                    facts(shared, text, a, b, timing, pa, pb), briefly, apart, top);
        }
        Explanation e = new Explanation(shared, round(text), a.area(), a.area().equals(b.area()), timing,
                round(quantityFit),
                summary, b.area(), a.kind().label(), b.kind().label(),
                !a.domain().isEmpty() && a.domain().equals(b.domain()), round(areaFit), areaLabel(a.area()),
                areaLabel(b.area()), Sentence.label("opp.needKind", a.kind()), Sentence.label("opp.needKind", b.kind()),
                model == null ? null : round(likelihood), model == null ? "" : model.version(), round(score),
                ruleOpportunity, names, apart, top, briefly);
        return new Scored(round(shown), opportunity, e, signals);
    }

    private static boolean intersects(Set<String> x, Set<String> y) {
        for (String s : x) {
            if (y.contains(s)) {
                return true;
            }
        }
        return false;
    }

    /**
     * For every system both requirements name: all its names ("AIM-120 = AMRAAM = 中距離空対空誘導弾",
     * {@code bothLanguages}) for the explanation's list, or the designators and the name in the reader's language for
     * the one-line summary.
     */
    private List<Sentence> names(Systems sa, Systems sb, boolean bothLanguages) {
        List<Sentence> out = new ArrayList<>();
        for (String root : sa.roots()) {
            if (!sb.roots().contains(root)) {
                continue;
            }
            // each language's reader reads the system's name in their language, beside the designators both texts
            // used (AIM-120 = AMRAAM / AIM-120 = 中距離空対空誘導弾)
            Set<String> english = new LinkedHashSet<>();
            Set<String> japanese = new LinkedHashSet<>();
            for (String literal : java.util.Arrays.asList(sa.literals().get(root), sb.literals().get(root))) {
                if (literal != null && DESIGNATOR_LIKE.matcher(literal).matches()) {
                    english.add(literal);
                    japanese.add(literal);
                }
            }
            profiles.designation(Profiles.SYSTEM + root).ifPresent(d -> {
                english.add(d.englishName());
                japanese.add(d.japaneseName() == null || d.japaneseName().isBlank() ? d.englishName()
                        : d.japaneseName());
            });
            english.removeIf(x -> x == null || x.isBlank());
            japanese.removeIf(x -> x == null || x.isBlank());
            if (bothLanguages) { // the explanation's list of names says the equivalence across the languages
                Set<String> all = new LinkedHashSet<>();
                all.add(sa.literals().get(root));
                all.add(sb.literals().get(root));
                all.addAll(english);
                all.addAll(japanese);
                all.removeIf(x -> x == null || x.isBlank());
                out.add(Sentence.of("opp.explain.sameSystem", String.join(" = ", all)));
            } else { // the one-line summary stays in the reader's language
                out.add(Sentence.of("opp.explain.sameSystem", Sentence.of("opp.explain.concept",
                        String.join(" = ", english), String.join(" = ", japanese))));
            }
        }
        return out;
    }

    /** Why named systems are different needs: other blocks of one system, siblings of one family, rivals. */
    private List<Sentence> apart(Systems sa, Systems sb, boolean variantConflict,
                                 Optional<List<Set<String>>> siblings, Optional<List<Set<String>>> rivals) {
        List<Sentence> out = new ArrayList<>();
        if (variantConflict) {
            out.add(Sentence.of("opp.explain.variants", nameOf(sa.variants()), nameOf(sb.variants())));
        }
        siblings.ifPresent(r -> out.add(Sentence.of("opp.explain.siblings", nameOf(r.get(0)), nameOf(r.get(1)))));
        if (siblings.isEmpty()) {
            rivals.ifPresent(r -> out.add(Sentence.of("opp.explain.rivals", nameOf(r.get(0)), nameOf(r.get(1)))));
        }
        return out;
    }

    /** A designator written the same in every language: AIM-120, PAC-3, T-7A, GPI (no words). */
    private static final java.util.regex.Pattern DESIGNATOR_LIKE = java.util.regex.Pattern.compile("[A-Z0-9][A-Z0-9-]*");

    /**
     * The systems' names in the reader's language, as a list a sentence joins as its language joins lists (、 or
     * ", "); a system without a Japanese name keeps its English one.
     */
    private Sentence nameOf(Set<String> ids) {
        List<String> english = new ArrayList<>();
        List<String> japanese = new ArrayList<>();
        for (String id : ids) {
            Optional<DesignationRegistry.Designation> d = profiles.designation(Profiles.SYSTEM + id);
            String en = d.map(DesignationRegistry.Designation::englishName).orElse(id);
            String ja = d.map(DesignationRegistry.Designation::japaneseName).filter(x -> !x.isBlank()).orElse(en);
            english.add(en);
            japanese.add(ja);
        }
        return Sentence.of("opp.explain.concept", english, japanese);
    }

    private static Sentence modelSummary(double likelihood, double threshold, boolean opportunity, Sentence rules,
                                         List<Sentence> names, List<Sentence> apart, List<Sentence> top) {
        String percent = String.format(Locale.ROOT, "%.0f%%", likelihood * 100);
        Sentence said = rules;
        for (Sentence s : names) {
            said = Sentence.of("opp.explain.and", said, s);
        }
        for (Sentence s : apart) {
            said = Sentence.of("opp.explain.and", said, s);
        }
        if (!top.isEmpty()) {
            said = Sentence.of("opp.explain.and", said, Sentence.of("opp.explain.topFeatures", top));
        }
        return Sentence.of(opportunity ? "opp.explain.model.likely" : "opp.explain.model.unlikely", percent, said,
                String.format(Locale.ROOT, "%.0f%%", threshold * 100));
    }

    /** The capability area of a document's title head (empty when it has none). */
    private String headArea(Doc d) {
        Glossary.Entry e = d.head() < 0 ? null : profiles.entry(featureKeys.get(d.head()));
        return e == null ? "" : e.area();
    }

    private MatchedTerm term(String key, double weight, Doc a, Doc b) {
        Glossary.Entry e = profiles.entry(key);
        if (e != null) {
            String literal = a.literals().getOrDefault(key, "");
            return new MatchedTerm(e.id(), e.englishTerm(), e.japaneseTerm(), literal, round(weight));
        }
        String literal = a.literals().get(key);
        if (literal == null) {
            literal = key.substring(2);
        }
        Optional<DesignationRegistry.Designation> system = profiles.designation(key);
        if (system.isPresent()) { // a registry system: named in the reader's language, as a concept is
            String en = system.get().englishName();
            String ja = system.get().japaneseName();
            return new MatchedTerm(key, en == null || en.isBlank() ? literal : en, ja == null ? "" : ja, literal,
                    round(weight));
        }
        return new MatchedTerm("", "", "", literal, round(weight));
    }

    /** True when two sorted id arrays share an element. */
    private static boolean intersects(int[] x, int[] y) {
        int i = 0;
        int j = 0;
        while (i < x.length && j < y.length) {
            if (x[i] == y[j]) {
                return true;
            }
            if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        return false;
    }

    /** Cosine of two area vectors (second-level and top-level codes); 0.5 when either is unknown. */
    static double areaFit(Map<String, Double> a, Map<String, Double> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0.5;
        }
        double dot = 0;
        for (Map.Entry<String, Double> e : a.entrySet()) {
            Double w = b.get(e.getKey());
            if (w != null) {
                dot += e.getValue() * w;
            }
        }
        return clamp(dot);
    }

    /**
     * Sustainment and training are areas of activity, not of objects: a requirement that lands there is about
     * doing something to the object (repair it, train on it), so a shared object does not bridge that difference.
     */
    static boolean activityArea(String area) {
        String top = CapabilityArea.topLevel(area);
        return top.equals("SUSTAINMENT") || top.equals("TRAINING");
    }

    static double domainFit(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0.5;
        }
        if (a.equals(b)) {
            return 1.0;
        }
        return a.equals("JOINT") || b.equals("JOINT") ? 0.5 : 0.0;
    }

    /** Ratio of the larger to the smaller quantity at which two requirements are not one buy. */
    static final double GROSS_QUANTITY_RATIO = 50;

    /** Larger over smaller quantity; 1 when either is unknown or not positive. */
    static double grossQuantityRatio(RequirementProfile a, RequirementProfile b) {
        if (a.quantity().isEmpty() || b.quantity().isEmpty()) {
            return 1;
        }
        int qa = a.quantity().getAsInt();
        int qb = b.quantity().getAsInt();
        if (qa <= 0 || qb <= 0) {
            return 1;
        }
        return Math.max(qa, qb) / (double) Math.min(qa, qb);
    }

    static double quantityFit(RequirementProfile a, RequirementProfile b) {
        if (a.quantity().isEmpty() || b.quantity().isEmpty()) {
            return 0.5;
        }
        int qa = a.quantity().getAsInt();
        int qb = b.quantity().getAsInt();
        if (qa <= 0 || qb <= 0) {
            return qa == qb ? 1.0 : 0.0;
        }
        return Math.min(qa, qb) / (double) Math.max(qa, qb);
    }

    /** What the two share, their areas, timing and quantities: the facts both summaries start from. */
    private Sentence facts(List<MatchedTerm> shared, double text, Doc a, Doc b, TimingOverlap timing,
                           RequirementProfile pa, RequirementProfile pb) {
        List<Object> labels = shared.stream().filter(t -> t.weight() > 0).limit(4).map(MatchedTerm::sentence).toList();
        String similarity = String.format(Locale.ROOT, "%.2f", text);
        Sentence said = labels.isEmpty() ? Sentence.of("opp.explain.noTerms", similarity)
                : Sentence.of("opp.explain.terms", labels, similarity);
        said = Sentence.of("opp.explain.and", said, a.area().equals(b.area()) && !a.area().isEmpty()
                ? Sentence.of("opp.explain.sameArea", areaLabel(a.area()))
                : Sentence.of("opp.explain.areas", areaLabel(a.area()), areaLabel(b.area())));
        Sentence when;
        if (timing.known()) {
            when = timing.overlapMonths() > 0 ? Sentence.of("opp.explain.overlap", timing.overlapMonths())
                    : Sentence.of("opp.explain.gap", timing.gapMonths());
        } else {
            when = Sentence.of("opp.explain.timingUnknown");
        }
        said = Sentence.of("opp.explain.and", said, when);
        if (pa.quantity().isPresent() && pb.quantity().isPresent()) {
            said = Sentence.of("opp.explain.and", said,
                    Sentence.of("opp.explain.quantities", pa.quantity().getAsInt(), pb.quantity().getAsInt()));
        }
        return said;
    }

    private Sentence summary(List<MatchedTerm> shared, double text, Doc a, Doc b, TimingOverlap timing,
                             double quantityFit, RequirementProfile pa, RequirementProfile pb, boolean opportunity,
                             boolean subjectOk, boolean kindOk, boolean timingOk, boolean areaOk, boolean purposeOk,
                             double score, boolean differentSystems, boolean formOk, boolean quantityOk) {
        Sentence said = facts(shared, text, a, b, timing, pa, pb);
        if (opportunity) {
            return Sentence.of("opp.explain.likely", said);
        }
        List<Sentence> why = new ArrayList<>();
        if (!kindOk) {
            why.add(Sentence.of("opp.explain.why.kind", Sentence.label("opp.needKind", a.kind()),
                    Sentence.label("opp.needKind", b.kind())));
        }
        if (!formOk) {
            why.add(Sentence.of("opp.explain.why.kind", Sentence.label("opp.needForm", a.form()),
                    Sentence.label("opp.needForm", b.form())));
        }
        if (!subjectOk) {
            why.add(differentSystems ? Sentence.of("opp.explain.why.differentSystems")
                    : Sentence.of("opp.explain.why.noSubject"));
        }
        if (!quantityOk) {
            why.add(Sentence.of("opp.explain.why.quantities"));
        }
        if (!timingOk) {
            why.add(Sentence.of("opp.explain.why.timing"));
        }
        if (!areaOk) {
            why.add(Sentence.of("opp.explain.why.areas"));
        }
        if (!purposeOk) {
            why.add(Sentence.of("opp.explain.why.purpose"));
        }
        if (score < OPPORTUNITY_THRESHOLD) {
            why.add(Sentence.of("opp.explain.why.score", String.format(Locale.ROOT, "%.2f", score),
                    String.format(Locale.ROOT, "%.2f", OPPORTUNITY_THRESHOLD)));
        }
        return Sentence.of("opp.explain.notJudged", said, why);
    }

    /** A capability area by its name in the reader's language ({@code AIR.TRAINER}: Trainer aircraft / 練習機). */
    private Sentence areaLabel(String area) {
        if (area.isEmpty()) {
            return Sentence.of("opp.explain.areaUnknown");
        }
        return profiles.capabilityArea(area)
                .map(c -> Sentence.of("opp.explain.areaName", c.nameEn(), c.nameJa(), c.code()))
                .orElseGet(() -> Sentence.of("opp.explain.areaCode", area));
    }

    static double clamp(double x) {
        return x < 0 ? 0 : x > 1 ? 1 : x;
    }

    static double round(double x) {
        return Math.round(x * 10000) / 10000.0;
    }

    // ---------------------------------------------------------------- groups

    /** Groups of requirements of three or more nations in which every pair is flagged an opportunity. */
    public List<OpportunityGroup> groups() {
        return groups(matchAll(10));
    }

    /** Groups from precomputed candidates (e.g. the result of {@link #matchAll}). */
    public List<OpportunityGroup> groups(Map<String, List<Candidate>> candidates) {
        Map<Set<String>, OpportunityGroup> found = new ConcurrentHashMap<>();
        for (Map.Entry<String, List<Candidate>> e : candidates.entrySet()) {
            List<Candidate> flagged = e.getValue().stream().filter(Candidate::opportunity).toList();
            if (flagged.size() < 2) {
                continue;
            }
            List<String> members = new ArrayList<>(List.of(e.getKey()));
            Set<String> nations = new LinkedHashSet<>();
            nations.add(nationOf(e.getKey()));
            for (Candidate c : flagged) {
                String nation = nationOf(c.id());
                if (nations.contains(nation)) {
                    continue;
                }
                boolean allFlagged = members.stream().allMatch(m -> assess(m, c.id()).opportunity());
                if (allFlagged) {
                    members.add(c.id());
                    nations.add(nation);
                }
            }
            if (nations.size() >= 3) {
                List<String> sorted = members.stream().sorted().toList();
                found.computeIfAbsent(new LinkedHashSet<>(sorted), k -> group(sorted));
            }
        }
        List<OpportunityGroup> out = new ArrayList<>(found.values());
        out.sort(Comparator.comparingDouble(OpportunityGroup::meanScore).reversed()
                .thenComparing(g -> g.requirementIds().get(0)));
        // drop groups contained in a larger one
        List<OpportunityGroup> kept = new ArrayList<>();
        for (OpportunityGroup g : out) {
            boolean contained = kept.stream().anyMatch(k -> k.requirementIds().containsAll(g.requirementIds()));
            if (!contained) {
                kept.add(g);
            }
        }
        return kept;
    }

    private String nationOf(String id) {
        return requirements.get(indexOf.get(id)).nation().toUpperCase(Locale.ROOT);
    }

    private OpportunityGroup group(List<String> members) {
        List<Assessment> pairs = new ArrayList<>();
        Map<String, Integer> areas = new TreeMap<>();
        for (int x = 0; x < members.size(); x++) {
            areas.merge(docs[indexOf.get(members.get(x))].area(), 1, Integer::sum);
            for (int y = x + 1; y < members.size(); y++) {
                pairs.add(assess(members.get(x), members.get(y)));
            }
        }
        String area = areas.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
        double mean = round(pairs.stream().mapToDouble(Assessment::score).average().orElse(0));
        List<String> nations = members.stream().map(this::nationOf).toList();
        return new OpportunityGroup(members, nations, area, mean, pairs);
    }

    /** The capability area used for a requirement of the set (given, or inferred from its concepts). */
    public String capabilityAreaOf(String id) {
        Integer i = indexOf.get(id);
        if (i == null) {
            throw new IllegalArgumentException("unknown requirement " + id);
        }
        return docs[i].area();
    }
}
