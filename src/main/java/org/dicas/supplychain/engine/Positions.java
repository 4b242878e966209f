package org.dicas.supplychain.engine;

/**
 * Where the n-th node, input or end item of a {@link NetworkSpec} came from, for error messages: returns a suffix
 * such as {@code " (line 12, column 5)"} or {@code " (nodes.csv line 7)"}, or the empty string when unknown.
 */
interface Positions {

    Positions NONE = new Positions() {
    };

    default String node(int index) {
        return "";
    }

    default String input(int index) {
        return "";
    }

    default String endItem(int index) {
        return "";
    }
}
