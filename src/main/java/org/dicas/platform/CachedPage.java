package org.dicas.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a page handler whose HTML may be served again, unrendered, to the same signed-in session for the same address
 * and language while nothing has been written to the database since it was rendered (ADR 0048). Put it only on a page
 * whose content comes from the committed database, the reader's session, the address, the language and the clock — not
 * from anything held in one node's memory (a running solver, the search index) or from a file. A page that writes
 * anything while it is rendered (an audited read, a notice marked seen) is never served from the cache: its own write
 * moves the database's position, so the next look-up finds its copy out of date.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CachedPage {
}
