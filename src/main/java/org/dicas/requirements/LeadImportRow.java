package org.dicas.requirements;

import org.dicas.shared.Sentence;

/** One lead of an import file with where it came from ("line 5" in CSV, "record 3" in JSON), for error messages. */
public record LeadImportRow(Sentence position, LeadCommand command) {
}
