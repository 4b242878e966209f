/**
 * Ship and aircraft repair at allied facilities: repair facilities (marked records; capacity data is often PROPIN)
 * with their resources and closed periods, repair jobs (marked records), the foreign-repair rule that decides whether
 * a U.S. ship may be repaired in a foreign yard, the eligibility of each job at each facility, and planning runs with
 * the scheduling solver ({@code planning}, {@code engine}). Reads go through the releasability policy's SQL predicate
 * (a hidden facility or job is not listed and answers 404).
 * Public API: {@link org.dicas.sustainment.RepairFacilities}, {@link org.dicas.sustainment.RepairJobs},
 * {@link org.dicas.sustainment.ForeignRepairRule}, {@link org.dicas.sustainment.RepairEligibility} and their records;
 * pages and the JSON API ({@code /api/v1/sustainment}) are internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sustainment")
package org.dicas.sustainment;
