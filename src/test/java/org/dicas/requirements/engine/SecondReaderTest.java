package org.dicas.requirements.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * How far two careful readers agree on which requirements are one need (method §11za): the spent blind sets AJ–AS
 * read a second time by someone who saw the requirements file alone — its definition of the same need included, no
 * label, engine, glossary, registry or other set (as instructed: docs/blind-set-commission.md). The pairs that reading
 * finds, against the author's labels. They agree on every pair (370 of 370): the finder's targets (F1 ≥ 0.90) lie well under what a
 * reader achieves, so the gap to them is the engine's, not noise in the labels. (Reader and authors are helpers of
 * one kind, so they may share habits of reading; the method section says so.)
 */
class SecondReaderTest {

    @Test
    void aSecondReaderFindsExactlyTheAuthorsPairsInTheTenLatestCommissionedSets() {
        int agreed = 0;
        int authors = 0;
        int readers = 0;
        for (String set : List.of("blind-aj", "blind-ak", "blind-al", "blind-am", "blind-an", "blind-ao",
                "blind-ap", "blind-aq", "blind-ar", "blind-as")) {
            LabelledSet author = LabelledSet.load(set, "devset/requirements-" + set + ".json",
                    "devset/requirements-" + set + "-labels.json");
            LabelledSet reader = LabelledSet.load(set, "devset/requirements-" + set + ".json",
                    "devset/second-reader/requirements-" + set + "-labels.json");
            Set<Set<String>> both = new HashSet<>(author.truePairs());
            both.retainAll(reader.truePairs());
            System.out.printf("%s: author %d pairs, second reader %d, both %d%n", set, author.truePairs().size(),
                    reader.truePairs().size(), both.size());
            agreed += both.size();
            authors += author.truePairs().size();
            readers += reader.truePairs().size();
            assertThat(reader.truePairs()).as(set).isEqualTo(author.truePairs());
        }
        assertThat(authors).isEqualTo(10 * 37);
        assertThat(agreed).isEqualTo(readers).isEqualTo(authors);
    }
}
