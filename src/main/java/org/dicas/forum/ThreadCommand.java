package org.dicas.forum;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record ThreadCommand(Long workingGroupId, @NotBlank @Size(max = 200) String title,
                            @NotBlank @Size(max = 20000) String body, @NotBlank @Size(max = 500) String marking) {
}
