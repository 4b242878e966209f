package org.dicas.requirements.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The finder's boosted trees (method §11k) add what one weight per signal cannot say: a signal that matters only when
 * another holds. Exclusive-or is the smallest such case — no sum of one term per signal separates it, so trees of one
 * split (a sum of per-signal terms) get two of its four cells wrong, and trees of two levels learn all four. The
 * cells are uneven (40, 10, 40, 10 examples) so that the first split has something to gain: a greedy tree, like
 * XGBoost's, does not split perfectly balanced exclusive-or at its root.
 */
class TreesTest {

    private static List<FinderModel.Example> exclusiveOr() {
        List<FinderModel.Example> data = new ArrayList<>();
        for (int a = 0; a <= 1; a++) {
            for (int b = 0; b <= 1; b++) {
                for (int copy = 0; copy < (b == 0 ? 40 : 10); copy++) {
                    data.add(new FinderModel.Example("xor", "a" + copy, "b" + copy, (a ^ b) == 1, 1.0,
                            new double[] {a, b}));
                }
            }
        }
        return data;
    }

    @Test
    void twoLevelsLearnASignalThatMattersOnlyWhenAnotherHolds() {
        List<FinderModel.Example> data = exclusiveOr();
        Trees trees = Trees.boost(data, new double[data.size()], 50, 2);
        assertThat(trees.size()).isEqualTo(50);
        assertThat(trees.score(new double[] {0, 1})).isGreaterThan(0.5);
        assertThat(trees.score(new double[] {1, 0})).isGreaterThan(0.5);
        assertThat(trees.score(new double[] {0, 0})).isLessThan(-0.5);
        assertThat(trees.score(new double[] {1, 1})).isLessThan(-0.5);
    }

    @Test
    void oneSplitPerTreeCannotSayIt() {
        List<FinderModel.Example> data = exclusiveOr();
        Trees stumps = Trees.boost(data, new double[data.size()], 50, 1);
        // a sum of one term per signal learns "a" alone: right on the two large cells, wrong on the two small ones
        assertThat(stumps.score(new double[] {1, 0})).isPositive();
        assertThat(stumps.score(new double[] {0, 0})).isNegative();
        assertThat(stumps.score(new double[] {0, 1})).as("a shared need, scored apart").isNegative();
        assertThat(stumps.score(new double[] {1, 1})).as("no shared need, scored together").isPositive();
    }

    @Test
    void theSameDataGiveTheSameTrees() {
        List<FinderModel.Example> data = exclusiveOr();
        Trees one = Trees.boost(data, new double[data.size()], 20, 3);
        Trees two = Trees.boost(data, new double[data.size()], 20, 3);
        for (double[] x : new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {0.5, 0.2}}) {
            assertThat(one.score(x)).isEqualTo(two.score(x));
        }
        assertThat(Trees.boost(data, new double[data.size()], 0, 3).score(new double[] {0, 1})).isZero();
    }
}
