package org.dicas.requirements.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.dicas.requirements.engine.RequirementProfile;
import org.dicas.search.text.TextAnalysis;

/**
 * The BM25-only baseline the opportunity finder is compared with: Lucene {@link BM25Similarity} over the raw text
 * (title + description), indexed twice — English analyzer and kuromoji Japanese analyzer — and queried with the
 * requirement's own text analysed both ways (a disjunction of its terms). No glossary, no area, timing or quantity.
 * A candidate's score is normalised by the query's score against itself, so one threshold can serve all queries.
 */
public final class Bm25Baseline implements AutoCloseable {

    /** One ranked candidate of the baseline. */
    public record Hit(String id, double score) {
    }

    private final List<RequirementProfile> requirements;
    private final Directory dir = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    public Bm25Baseline(List<RequirementProfile> requirements) {
        this.requirements = requirements;
        Analyzer analyzer = new PerFieldAnalyzerWrapper(TextAnalysis.englishAnalyzer(),
                Map.of("ja", TextAnalysis.japaneseAnalyzer()));
        IndexWriterConfig cfg = new IndexWriterConfig(analyzer).setSimilarity(new BM25Similarity())
                .setRAMBufferSizeMB(256);
        try (IndexWriter w = new IndexWriter(dir, cfg)) {
            for (int i = 0; i < requirements.size(); i++) {
                String text = TextAnalysis.normalize(requirements.get(i).text());
                Document d = new Document();
                d.add(new StoredField("i", i));
                d.add(new TextField("en", text, Field.Store.NO));
                d.add(new TextField("ja", text, Field.Store.NO));
                w.addDocument(d);
            }
            w.forceMerge(1);
            reader = DirectoryReader.open(w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        searcher = new IndexSearcher(reader);
        searcher.setSimilarity(new BM25Similarity());
    }

    private Query query(RequirementProfile p) {
        String text = TextAnalysis.normalize(p.text());
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int clauses = 0;
        for (String t : new java.util.LinkedHashSet<>(TextAnalysis.englishTerms(text))) {
            if (clauses++ < 500) {
                b.add(new TermQuery(new Term("en", t)), BooleanClause.Occur.SHOULD);
            }
        }
        for (String t : new java.util.LinkedHashSet<>(TextAnalysis.japaneseTerms(text))) {
            if (clauses++ < 1000) {
                b.add(new TermQuery(new Term("ja", t)), BooleanClause.Occur.SHOULD);
            }
        }
        return b.build();
    }

    /** The best {@code top} requirements of other nations for requirement {@code index}, normalised scores. */
    public List<Hit> candidatesFor(int index, int top) {
        RequirementProfile p = requirements.get(index);
        try {
            Query q = query(p);
            TopDocs self = searcher.search(q, 1);
            double norm = self.scoreDocs.length == 0 ? 1 : Math.max(1e-9, self.scoreDocs[0].score);
            List<Hit> out = new ArrayList<>(top);
            int want = top + 20;
            TopDocs docs = searcher.search(q, want);
            for (ScoreDoc sd : docs.scoreDocs) {
                int i = reader.storedFields().document(sd.doc).getField("i").numericValue().intValue();
                RequirementProfile c = requirements.get(i);
                if (i == index || c.nation().equalsIgnoreCase(p.nation())) {
                    continue;
                }
                out.add(new Hit(c.id(), Math.min(1.0, sd.score / norm)));
                if (out.size() == top) {
                    break;
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Candidates for every requirement, in parallel. */
    public Map<String, List<Hit>> matchAll(int top) {
        List<List<Hit>> lists = IntStream.range(0, requirements.size()).parallel()
                .mapToObj(i -> candidatesFor(i, top)).toList();
        Map<String, List<Hit>> out = new LinkedHashMap<>();
        for (int i = 0; i < requirements.size(); i++) {
            out.put(requirements.get(i).id(), lists.get(i));
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        reader.close();
        dir.close();
    }
}
