package org.dicas.forum;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record DocumentCommand(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 100000) String body,
                              @NotBlank @Size(max = 500) String marking, Long workingGroupId) {
}
