package org.dicas.sosa;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The requesting nation closes a request with a note on its outcome. */
public record SosaClosure(@NotBlank @Size(max = 4000) String outcome) {
}
