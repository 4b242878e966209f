package org.dicas.requirements;

import java.time.LocalDate;

/**
 * A new or changed requirement. {@code nation} defaults to the author's; {@code status} (a
 * {@link RequirementStatus} name) to DRAFT; at least one of {@code titleEn}, {@code titleJa} is required;
 * {@code quantity} is optional and positive. Checked by {@link Requirements}, which names the offending field.
 */
public record RequirementCommand(String nation, String service, String capabilityArea, String titleEn,
                                 String titleJa, String descriptionEn, String descriptionJa, Integer quantity,
                                 LocalDate needBy, String status, String marking) {
}
