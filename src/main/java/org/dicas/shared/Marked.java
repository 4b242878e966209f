package org.dicas.shared;

/**
 * Anything shown to a reader that carries a security marking: a record, or a derived item (a notification, a
 * disclosure request, a search hit) marked by the records it shows. Lists of them leave the API as a
 * {@link MarkedList}, whose banner is the high-water mark of its items.
 */
public interface Marked {

    /** The item's own marking (for a record: its banner). */
    Marking marking();

    /**
     * The marking of everything this item shows: its own marking and that of any records embedded in it (e.g. a
     * program with its linked requirements). By default its own marking.
     */
    default Marking highWaterMark() {
        return marking();
    }
}
