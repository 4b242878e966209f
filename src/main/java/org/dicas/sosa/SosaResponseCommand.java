package org.dicas.sosa;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * The firm's response, recorded by the receiving nation. ACCEPTED and PARTIALLY_ACCEPTED need a promised delivery
 * date (not in the past); ACCEPTED promises the requested quantity unless another is given, PARTIALLY_ACCEPTED
 * needs a promised quantity. DECLINED promises nothing and needs a note giving the reason.
 */
public record SosaResponseCommand(@NotNull SosaRequest.Response response, LocalDate promisedDate,
                                  @Positive @Max(1_000_000_000) Integer promisedQuantity,
                                  @Size(max = 4000) String note) {

    public SosaResponseCommand {
        note = note == null ? "" : note;
    }
}
