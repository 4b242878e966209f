package org.dicas.platform;

/**
 * Something a node keeps in memory and reads in place of the database (rows and pages of lists, ADR 0049 and 0050),
 * which it forgets when the database notifies it of a change. A page served again from its rendered copy (ADR 0048)
 * follows the database's position, and also these: a copy is served only while every generation is what it was before
 * the page was rendered, so a page rendered from what a node kept is not served after the node forgot it.
 */
public interface KeptInMemory {

    /** A number that moves (up) every time what is kept is forgotten. */
    long generation();
}
