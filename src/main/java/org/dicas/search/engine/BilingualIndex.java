package org.dicas.search.engine;

import org.dicas.shared.ReadableIds;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.Bits;
import org.dicas.search.text.Glossary;
import org.dicas.search.text.TextAnalysis;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.SortField;

/**
 * The bilingual Lucene index of every record. One document per record with:
 * <ul>
 *   <li>{@code en}, {@code en_title}: English-analysed (lower case, stop words, Porter stems) title and text;</li>
 *   <li>{@code ja}, {@code ja_title}: kuromoji-analysed (search mode: compounds also split) title and text;</li>
 *   <li>{@code concept}, {@code concept_title}: ids of the glossary concepts mentioned, in either language;</li>
 *   <li>{@code lit3}, {@code lit12}: case-folded character trigrams (with positions) and uni/bigrams of
 *       "title text", for literal substring matches;</li>
 *   <li>{@code id}, {@code updated}: doc values (the readable filter and change detection), {@code key} for updates,
 *       and the stored kind, title, text, marking, link and container.</li>
 * </ul>
 * Thread-safe: one writer, near-real-time searchers refreshed after each change. The index records its schema
 * (field layout and glossary fingerprint) in the commit; {@link #open} starts a fresh index when it differs.
 */
public final class BilingualIndex implements Closeable {

    /** Bump when fields or analysis change: an index of another schema is rebuilt. */
    public static final String SCHEMA = "dicas-search/2";

    private static final String SCHEMA_KEY = "schema";
    static final String ID = "id";
    static final String KEY = "key";
    static final String UPDATED = "updated";
    static final String EN = "en";
    static final String EN_TITLE = "en_title";
    static final String JA = "ja";
    static final String JA_TITLE = "ja_title";
    static final String CONCEPT = "concept";
    static final String CONCEPT_TITLE = "concept_title";
    static final String LIT3 = "lit3";
    static final String LIT12 = "lit12";
    static final String KIND = "kind";
    static final String TITLE = "title";
    static final String TEXT = "text";
    static final String MARKING = "marking";
    static final String LINK = "link";
    static final String CONTAINER = "container";

    private static final FieldType TRIGRAMS = literalType(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
    private static final FieldType SHORT_GRAMS = literalType(IndexOptions.DOCS);

    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Glossary glossary;
    private final boolean created;
    private final String schema;
    private final Map<String, String> committed;

    private BilingualIndex(IndexWriter writer, Glossary glossary, boolean created, String schema,
                           Map<String, String> committed) throws IOException {
        this.writer = writer;
        this.glossary = glossary;
        this.created = created;
        this.schema = schema;
        this.committed = Map.copyOf(committed);
        this.searchers = new SearcherManager(writer, null);
    }

    /**
     * Opens the index in the directory, or creates an empty one when there is none or when it was written with
     * another schema or glossary ({@link #created()} tells). {@code glossary} may be null (no concept expansion).
     */
    public static BilingualIndex open(Directory directory, Glossary glossary) throws IOException {
        String schema = schemaOf(glossary);
        Map<String, String> committed = DirectoryReader.indexExists(directory)
                ? SegmentInfos.readLatestCommit(directory).getUserData() : Map.of();
        boolean reusable = schema.equals(committed.get(SCHEMA_KEY));
        IndexWriterConfig config = new IndexWriterConfig(analyzer())
                .setOpenMode(reusable ? IndexWriterConfig.OpenMode.APPEND : IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(64);
        IndexWriter writer = new IndexWriter(directory, config);
        writer.setLiveCommitData(Map.of(SCHEMA_KEY, schema).entrySet());
        if (!reusable) {
            writer.commit();
        }
        return new BilingualIndex(writer, glossary, !reusable, schema, reusable ? committed : Map.of());
    }

    /** The schema string an index built with this glossary carries. */
    public static String schemaOf(Glossary glossary) {
        return SCHEMA + " glossary=" + fingerprint(glossary);
    }

    static String fingerprint(Glossary glossary) {
        if (glossary == null) {
            return "none";
        }
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Glossary.Entry e : glossary.entries()) {
                md.update((e.id() + "\t" + String.join("|", e.english()) + "\t" + String.join("|", e.japanese()) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when {@link #open} found no usable index and started an empty one. */
    public boolean created() {
        return created;
    }

    public String schema() {
        return schema;
    }

    public Glossary glossary() {
        return glossary;
    }

    /** Adds or replaces these records. Call {@link #refresh} to make them searchable. */
    public void upsert(Collection<IndexedRecord> records) throws IOException {
        for (IndexedRecord r : records) {
            writer.updateDocument(new Term(KEY, Long.toString(r.id())), document(r));
        }
    }

    public void delete(Collection<Long> ids) throws IOException {
        for (long id : ids) {
            writer.deleteDocuments(new Term(KEY, Long.toString(id)));
        }
    }

    /** The number of segments searches go through (each term of a query is looked up in every one). */
    public int segments() throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            return s.getIndexReader().leaves().size();
        } finally {
            searchers.release(s);
        }
    }

    /**
     * The version of what searches see now: it grows whenever a refresh makes a change of the index visible, and stays
     * the same while searches see the same documents.
     */
    public long version() throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            return ((DirectoryReader) s.getIndexReader()).getVersion();
        } finally {
            searchers.release(s);
        }
    }

    /** Merges the index into one segment and makes that visible; deleted documents are dropped on the way. */
    public void compact() throws IOException {
        writer.forceMerge(1);
        searchers.maybeRefreshBlocking();
    }

    /** Makes changes so far visible to searches. */
    public void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    /** Makes changes so far durable. */
    public void commit() throws IOException {
        if (writer.hasUncommittedChanges()) {
            writer.commit();
        }
    }

    /**
     * Makes changes so far durable together with {@code data} (e.g. how far a change log was applied), which the
     * next {@link #open} of this index gives back in {@link #committed}. Without document changes nothing is written
     * unless {@code evenWithoutChanges} (data alone moving is not worth a commit every few seconds).
     */
    public void commit(Map<String, String> data, boolean evenWithoutChanges) throws IOException {
        if (!evenWithoutChanges && !writer.hasUncommittedChanges()) {
            return;
        }
        Map<String, String> all = new HashMap<>(data);
        all.put(SCHEMA_KEY, schema);
        writer.setLiveCommitData(all.entrySet());
        writer.commit();
    }

    /** A value committed with the documents ({@link #commit(Map)}) as this index was opened; empty when none. */
    public java.util.Optional<String> committed(String key) {
        return java.util.Optional.ofNullable(committed.get(key));
    }

    /** Number of records in the (refreshed) index. */
    public int size() throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            return s.getIndexReader().numDocs();
        } finally {
            searchers.release(s);
        }
    }

    /** Record id → last-change time (microseconds) of every record in the (refreshed) index. */
    public Map<Long, Long> versions() throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            Map<Long, Long> out = new HashMap<>();
            for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                NumericDocValues ids = leaf.reader().getNumericDocValues(ID);
                NumericDocValues updated = leaf.reader().getNumericDocValues(UPDATED);
                Bits live = leaf.reader().getLiveDocs();
                if (ids == null || updated == null) {
                    continue;
                }
                for (int doc = ids.nextDoc(); doc != NumericDocValues.NO_MORE_DOCS; doc = ids.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        out.put(ids.longValue(), updated.advanceExact(doc) ? updated.longValue() : 0L);
                    }
                }
            }
            return out;
        } finally {
            searchers.release(s);
        }
    }

    /**
     * The best {@code limit} records matching the query among those in {@code readable} (null: all), best first
     * (BM25 score; equal scores in index order). Readability is a filter clause of the Lucene query itself.
     */
    public List<Found> search(BilingualQuery query, ReadableIds readable, int limit) throws IOException {
        if (query.isEmpty() || limit <= 0) {
            return List.of();
        }
        IndexSearcher s = searchers.acquire();
        try {
            return found(s, s.search(query.forReader(readable), limit).scoreDocs, 0, query);
        } finally {
            searchers.release(s);
        }
    }

    /**
     * One page of the records matching the query among those in {@code readable} (null: all): at most {@code limit}
     * from position {@code offset} (from 0), best first, equal scores by record id — so the pages of one index
     * neither overlap nor skip. Ask {@link #count} for the total.
     */
    public List<Found> search(BilingualQuery query, ReadableIds readable, long offset, int limit) throws IOException {
        if (query.isEmpty() || limit <= 0 || offset >= Integer.MAX_VALUE - limit) {
            return List.of();
        }
        IndexSearcher s = searchers.acquire();
        try {
            Sort bestThenId = new Sort(SortField.FIELD_SCORE, new SortField(ID, SortField.Type.LONG));
            TopDocs top = s.search(query.forReader(readable), (int) offset + limit, bestThenId, true);
            return found(s, top.scoreDocs, (int) offset, query);
        } finally {
            searchers.release(s);
        }
    }

    private List<Found> found(IndexSearcher s, ScoreDoc[] docs, int from, BilingualQuery query) throws IOException {
        StoredFields stored = s.storedFields();
        List<Found> out = new ArrayList<>(Math.max(0, docs.length - from));
        for (int i = from; i < docs.length; i++) {
            Document d = stored.document(docs[i].doc);
            out.add(new Found(d.getField(ID).numericValue().longValue(), d.get(KIND), d.get(TITLE), d.get(MARKING),
                    d.get(LINK), Snippets.around(d.get(TEXT), query, glossary), docs[i].score));
        }
        return out;
    }

    /**
     * One page of the records matching the query among those in {@code readable}, as {@link #search(BilingualQuery,
     * ReadableIds, long, int)} orders them, but only their ids, scores and indexed versions: no stored field is read
     * and no snippet made, for a caller that shows the records as they are now.
     */
    public Ranking ranked(BilingualQuery query, ReadableIds readable, long offset, int limit) throws IOException {
        if (query.isEmpty() || limit <= 0) {
            return new Ranking(List.of(), 0);
        }
        IndexSearcher s = searchers.acquire();
        try {
            Query q = query.forReader(readable);
            // the page and the exact total in one pass; never more slots than documents (a far page costs no memory)
            int wanted = (int) Math.min(offset + limit, Math.max(1, s.getIndexReader().maxDoc()));
            Sort bestThenId = new Sort(SortField.FIELD_SCORE, new SortField(ID, SortField.Type.LONG));
            TopFieldDocs top = s.search(q, new TopFieldCollectorManager(bestThenId, wanted, null, Integer.MAX_VALUE));
            ScoreDoc[] docs = top.scoreDocs;
            if (offset >= docs.length) {
                return new Ranking(List.of(), top.totalHits.value);
            }
            List<LeafReaderContext> leaves = s.getIndexReader().leaves();
            List<Ranked> out = new ArrayList<>(docs.length - (int) offset);
            for (int i = (int) offset; i < docs.length; i++) {
                int doc = docs[i].doc;
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                NumericDocValues ids = DocValues.getNumeric(leaf.reader(), ID);
                NumericDocValues updated = DocValues.getNumeric(leaf.reader(), UPDATED);
                long id = ids.advanceExact(doc - leaf.docBase) ? ids.longValue() : -1;
                long version = updated.advanceExact(doc - leaf.docBase) ? updated.longValue() : 0;
                // sorted by score first: the score is the first sort value, no second pass to compute it
                out.add(new Ranked(id, version, (Float) ((FieldDoc) docs[i]).fields[0]));
            }
            return new Ranking(out, top.totalHits.value);
        } finally {
            searchers.release(s);
        }
    }

    /** A page of ranked records and the number of readable matches in all (exact), from one pass over the index. */
    public record Ranking(List<Ranked> page, long total) {
    }

    /** A plain-text snippet of {@code text} around what the query matches (as the stored-field search makes them). */
    public String snippet(String text, BilingualQuery query) {
        return Snippets.around(text, query, glossary);
    }

    /** Ids of the best {@code limit} readable matches, without reading stored fields or making snippets. */
    public long[] topIds(BilingualQuery query, ReadableIds readable, int limit) throws IOException {
        if (query.isEmpty() || limit <= 0) {
            return new long[0];
        }
        IndexSearcher s = searchers.acquire();
        try {
            TopDocs top = s.search(query.forReader(readable), limit);
            long[] out = new long[top.scoreDocs.length];
            List<LeafReaderContext> leaves = s.getIndexReader().leaves();
            for (int i = 0; i < out.length; i++) {
                int doc = top.scoreDocs[i].doc;
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                NumericDocValues ids = DocValues.getNumeric(leaf.reader(), ID);
                out[i] = ids.advanceExact(doc - leaf.docBase) ? ids.longValue() : -1;
            }
            return out;
        } finally {
            searchers.release(s);
        }
    }

    /** Number of readable records matching the query (null readable: all), for tests and benchmarks. */
    public int count(BilingualQuery query, ReadableIds readable) throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            return s.count(query.forReader(readable));
        } finally {
            searchers.release(s);
        }
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
    }

    Document document(IndexedRecord r) {
        Document d = new Document();
        d.add(new StringField(KEY, Long.toString(r.id()), Field.Store.NO));
        d.add(new NumericDocValuesField(ID, r.id()));
        d.add(new StoredField(ID, r.id()));
        d.add(new NumericDocValuesField(UPDATED, r.updatedMicros()));
        d.add(new StoredField(KIND, r.kind()));
        d.add(new StoredField(TITLE, r.title()));
        d.add(new StoredField(TEXT, r.text()));
        d.add(new StoredField(MARKING, r.marking()));
        d.add(new StoredField(LINK, r.link()));
        d.add(new StoredField(CONTAINER, r.containerId()));
        String title = TextAnalysis.normalize(r.title());
        String text = TextAnalysis.normalize(r.text());
        d.add(new TextField(EN_TITLE, title, Field.Store.NO));
        d.add(new TextField(EN, title, Field.Store.NO));
        d.add(new TextField(EN, text, Field.Store.NO));
        d.add(new TextField(JA_TITLE, title, Field.Store.NO));
        d.add(new TextField(JA, title, Field.Store.NO));
        d.add(new TextField(JA, text, Field.Store.NO));
        if (glossary != null) {
            Set<String> inTitle = conceptsOf(title);
            for (String c : inTitle) {
                d.add(new StringField(CONCEPT_TITLE, c, Field.Store.NO));
            }
            Set<String> all = new java.util.LinkedHashSet<>(inTitle);
            all.addAll(conceptsOf(text));
            for (String c : all) {
                d.add(new StringField(CONCEPT, c, Field.Store.NO));
            }
        }
        String literal = r.title() + " " + r.text();
        d.add(new Field(LIT3, literal, TRIGRAMS));
        d.add(new Field(LIT12, literal, SHORT_GRAMS));
        return d;
    }

    /**
     * The concepts a text mentions, including those nested inside a longer term: the glossary matches the longest
     * term (滑空段階迎撃ミサイル is "glide phase interceptor"), but a record about that is also about an interceptor and
     * a missile, so each matched term is matched again without its first and without its last character until no
     * new term appears. Queries keep the longest match only, so a query for the narrow concept stays narrow.
     */
    Set<String> conceptsOf(String text) {
        Set<String> out = new java.util.LinkedHashSet<>();
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Glossary.Match m : glossary.matchesIn(text)) {
            out.add(m.conceptId());
            todo.add(m.literal());
        }
        while (!todo.isEmpty()) {
            String literal = todo.poll();
            int n = literal.codePointCount(0, literal.length());
            if (n < 2 || !seen.add(literal)) {
                continue;
            }
            String withoutFirst = literal.substring(literal.offsetByCodePoints(0, 1));
            String withoutLast = literal.substring(0, literal.offsetByCodePoints(literal.length(), -1));
            for (String part : List.of(withoutFirst, withoutLast)) {
                for (Glossary.Match m : glossary.matchesIn(part)) {
                    out.add(m.conceptId());
                    if (m.literal().length() < literal.length()) {
                        todo.add(m.literal());
                    }
                }
            }
        }
        return out;
    }

    private static FieldType literalType(IndexOptions options) {
        FieldType t = new FieldType();
        t.setTokenized(true);
        t.setOmitNorms(true);
        t.setIndexOptions(options);
        t.freeze();
        return t;
    }

    private static Analyzer grams(int min, int max) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer t = new NGramTokenizer(min, max);
                return new TokenStreamComponents(t, new LowerCaseFilter(t));
            }
        };
    }

    static Analyzer analyzer() {
        Analyzer en = TextAnalysis.englishAnalyzer();
        Analyzer ja = TextAnalysis.japaneseAnalyzer();
        return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), Map.of(EN, en, EN_TITLE, en, JA, ja, JA_TITLE, ja,
                LIT3, grams(3, 3), LIT12, grams(1, 2)));
    }
}
