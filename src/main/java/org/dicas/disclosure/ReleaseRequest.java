package org.dicas.disclosure;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What a user asks for: nations and/or companies, and why. */
public record ReleaseRequest(@Size(max = 50) List<String> nations, @Size(max = 50) List<Long> companies,
                             @NotBlank @Size(max = 2000) String justification) {
    public ReleaseRequest {
        nations = nations == null ? List.of() : nations;
        companies = companies == null ? List.of() : companies;
    }
}
