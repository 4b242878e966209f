package org.dicas.sosa;

import jakarta.validation.constraints.Size;

/** The receiving nation's acknowledgement, with an optional note (e.g. who at the SoSA office handles it). */
public record SosaAcknowledgement(@Size(max = 2000) String note) {

    public SosaAcknowledgement {
        note = note == null ? "" : note;
    }
}
