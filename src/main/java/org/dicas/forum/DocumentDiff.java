package org.dicas.forum;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;
import org.dicas.shared.Marking;

/**
 * What changed between two versions of a document, line by line (Myers' diff, java-diff-utils): every line of the
 * newer version and every removed line of the older, in order, each marked kept, added or removed. It shows both
 * versions' text, so it carries their high-water mark.
 */
public record DocumentDiff(long documentId, DocumentVersion from, DocumentVersion to, List<Line> lines,
                           Marking marking) {

    public enum Change { KEPT, ADDED, REMOVED }

    /** One line of the diff; {@code fromLine}/{@code toLine} its number (from 1) in either version, or 0. */
    public record Line(@org.dicas.shared.Labelled("document.diff.change") Change change, int fromLine, int toLine,
                       String text) {
    }

    static DocumentDiff between(DocumentVersion from, DocumentVersion to) {
        List<String> a = from.body().lines().toList();
        List<String> b = to.body().lines().toList();
        Patch<String> patch = DiffUtils.diff(a, b);
        List<Line> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        for (AbstractDelta<String> d : patch.getDeltas()) {
            for (; i < d.getSource().getPosition(); i++, j++) {
                lines.add(new Line(Change.KEPT, i + 1, j + 1, a.get(i)));
            }
            for (String removed : d.getSource().getLines()) {
                lines.add(new Line(Change.REMOVED, ++i, 0, removed));
            }
            for (String added : d.getTarget().getLines()) {
                lines.add(new Line(Change.ADDED, 0, ++j, added));
            }
        }
        for (; i < a.size(); i++, j++) {
            lines.add(new Line(Change.KEPT, i + 1, j + 1, a.get(i)));
        }
        return new DocumentDiff(from.documentId(), from.listed(), to.listed(), List.copyOf(lines),
                Marking.highWaterMark(List.of(from.marking(), to.marking())));
    }
}
