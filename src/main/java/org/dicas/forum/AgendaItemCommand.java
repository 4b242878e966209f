package org.dicas.forum;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A new agenda item; {@code linkedRecordId} (optional) names a record the author may read. */
public record AgendaItemCommand(@Min(1) @Max(999) Integer position, @NotBlank @Size(max = 300) String title,
                                @Size(max = 20000) String description, @Size(max = 200) String presenter,
                                Boolean industrySession, @NotBlank @Size(max = 500) String marking,
                                Long linkedRecordId) {
    public AgendaItemCommand {
        description = description == null ? "" : description;
        presenter = presenter == null ? "" : presenter;
        industrySession = industrySession != null && industrySession;
    }

    public AgendaItemCommand(Integer position, String title, String description, String presenter,
                             Boolean industrySession, String marking) {
        this(position, title, description, presenter, industrySession, marking, null);
    }
}
