package org.dicas.search;

import org.dicas.shared.Marking;

/** One record found: its kind (e.g. {@code document}), id, title, marking, page link and a text snippet. */
public record SearchHit(String type, long id, String title, Marking marking, String link, String snippet) {
}
