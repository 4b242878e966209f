package org.dicas.forum;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record MinutesCommand(@NotNull @Size(max = 50000) String minutes) {
}
