package org.dicas.requirements;

/** One lead of an import file with where it came from ("line 5" in CSV, "record 3" in JSON), for error messages. */
public record LeadImportRow(String position, LeadCommand command) {
}
