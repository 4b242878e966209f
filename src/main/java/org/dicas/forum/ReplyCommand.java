package org.dicas.forum;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record ReplyCommand(Long parentId, @NotBlank @Size(max = 20000) String body,
                           @NotBlank @Size(max = 500) String marking) {
}
