package org.dicas.forum;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record DecisionCommand(Long agendaItemId, @NotBlank @Size(max = 5000) String text,
                              @NotBlank @Size(max = 500) String marking) {
}
