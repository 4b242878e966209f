package org.dicas.supplychain.engine;

import org.dicas.shared.Sentence;

/**
 * Where the n-th node, input or end item of a {@link NetworkSpec} came from, for error messages: a sentence such as
 * "line 12, column 5" ({@code network.at.line}) or "nodes.csv line 7" ({@code network.at.fileLine}), or null when
 * unknown.
 */
interface Positions {

    Positions NONE = new Positions() {
    };

    default Sentence node(int index) {
        return null;
    }

    default Sentence input(int index) {
        return null;
    }

    default Sentence endItem(int index) {
        return null;
    }
}
