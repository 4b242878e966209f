package org.dicas.programs;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * Create or update an agreement. {@code parties} are nation codes (at least one); {@code documentIds} are forum
 * document record ids and {@code programIds} program ids, all readable by the author. {@code signedOn} is optional
 * (not yet signed).
 */
public record AgreementCommand(@NotNull Agreement.Type type,
                               @NotBlank @Size(max = 300) String title,
                               @Size(max = 20000) String description,
                               @Size(max = 20) List<String> parties,
                               LocalDate signedOn,
                               @Size(max = 100) List<Long> documentIds,
                               @Size(max = 100) List<Long> programIds,
                               @NotBlank @Size(max = 500) String marking) {

    public AgreementCommand {
        title = title == null ? null : title.strip();
        description = description == null ? "" : description;
        parties = parties == null ? List.of() : List.copyOf(parties);
        documentIds = documentIds == null ? List.of() : List.copyOf(documentIds);
        programIds = programIds == null ? List.of() : List.copyOf(programIds);
    }
}
