package org.dicas.requirements;

import java.time.Instant;
import org.dicas.shared.Labelled;
import org.dicas.shared.Marking;

/**
 * An official's judgment of two requirements (lower id first) as one reader sees it: the same need or not, the reason
 * of a rejection and a note, who judged (name and nation) and when. Its marking is the high-water mark of the two
 * requirements' markings limited to the pair's nations that may read both ({@link PairJudgments#markingOf}).
 */
public record PairJudgment(long id, long firstRequirementId, long secondRequirementId, boolean sameNeed,
                           @Labelled("opp.judgment.verdict") Verdict verdict,
                           @Labelled("opp.judgment.reason") JudgmentReason reason, String note, long authorId,
                           String authorName, @Labelled("nation") String nation, Instant judgedAt, Marking marking) {

    /** What the officials said of a pair, as a code with a label in both languages. */
    public enum Verdict {
        SAME_NEED, NOT_SAME_NEED;

        static Verdict of(boolean sameNeed) {
            return sameNeed ? SAME_NEED : NOT_SAME_NEED;
        }
    }

    /** The key of the pair: lower id, a dash, higher id. */
    public String pairKey() {
        return key(firstRequirementId, secondRequirementId);
    }

    /** The key of a pair of requirements in either order. */
    public static String key(long a, long b) {
        return Math.min(a, b) + "-" + Math.max(a, b);
    }

    /**
     * What the finder's lists carry of the latest judgment of a pair the reader may read: which judgment, the verdict,
     * the reason of a rejection (null on a confirmation), when, and its marking (part of the list's high-water mark).
     */
    public record Mark(long id, @Labelled("opp.judgment.verdict") Verdict verdict,
                       @Labelled("opp.judgment.reason") JudgmentReason reason, Instant judgedAt, Marking marking) {
    }

    /** This judgment as a mark on a finder's list. */
    public Mark mark() {
        return new Mark(id, verdict, reason, judgedAt, marking);
    }

    /** The judgment as the finder's model trains on it. */
    public JudgedPair judged() {
        return new JudgedPair(firstRequirementId, secondRequirementId, sameNeed);
    }
}
