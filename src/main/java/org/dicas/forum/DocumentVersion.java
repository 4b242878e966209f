package org.dicas.forum;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.dicas.shared.Marking;

/**
 * One saved state of a document: its number (from 1), title, body and marking as they were then, who saved it and
 * when. Lists carry no body ({@code body} null, left out of JSON); a single version carries it.
 */
public record DocumentVersion(long documentId, int number, String title,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String body, Marking marking, long authorId,
                              String authorName, Instant createdAt) {

    /** The same version without its body, as lists show it. */
    DocumentVersion listed() {
        return new DocumentVersion(documentId, number, title, null, marking, authorId, authorName, createdAt);
    }
}
