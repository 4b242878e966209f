package org.dicas.search.engine;

import org.dicas.shared.ReadableIds;
import java.io.IOException;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * Matches the documents whose record id is in a reader's {@link ReadableIds}. Used as a FILTER clause next to the
 * text query, so Lucene only ever scores, counts and ranks readable records: the two-phase check (one doc-values
 * read and one bit test) runs only on documents the text clauses already matched, and top-K is taken afterwards.
 * Never cached by Lucene's query cache (the set belongs to one reader at one moment).
 */
final class ReadableFilter extends Query {

    private final ReadableIds readable;

    ReadableFilter(ReadableIds readable) {
        this.readable = readable;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return new ConstantScoreWeight(this, boost) {
            @Override
            public Scorer scorer(LeafReaderContext context) throws IOException {
                NumericDocValues ids = DocValues.getNumeric(context.reader(), BilingualIndex.ID);
                DocIdSetIterator approximation = DocIdSetIterator.all(context.reader().maxDoc());
                TwoPhaseIterator check = new TwoPhaseIterator(approximation) {
                    @Override
                    public boolean matches() throws IOException {
                        return ids.advanceExact(approximation.docID()) && readable.contains(ids.longValue());
                    }

                    @Override
                    public float matchCost() {
                        return 4;
                    }
                };
                return new ConstantScoreScorer(this, score(), scoreMode, check);
            }

            @Override
            public boolean isCacheable(LeafReaderContext ctx) {
                return false;
            }
        };
    }

    @Override
    public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
    }

    @Override
    public String toString(String field) {
        return "readable(" + readable.size() + " records)";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReadableFilter f && f.readable == readable;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(readable);
    }
}
