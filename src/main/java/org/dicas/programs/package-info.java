/**
 * Cooperative programs and agreements: the co-development, co-production, licensed-production, joint-procurement,
 * FMS/DCS and RDT&amp;E project-arrangement programs that good cooperative opportunities become (partner nations
 * with cost shares summing to 100 %, work-share targets, milestones, status, linked requirements by record id) and
 * the agreements around them (MOU, project arrangement, SoSA, terms of reference) with parties, signed date, forum
 * documents and linked programs. Every program and agreement is a marked record: reads go through the releasability
 * policy's SQL predicate (hidden = 404), writes are audited. Linked records of other modules are referred to by
 * record id only and shown through the record registry when the reader may read them, else counted as withheld.
 * Public API: {@link org.dicas.programs.Programs}, {@link org.dicas.programs.Agreements} and their records and
 * commands; pages, the JSON API ({@code /api/v1/programs}, {@code /api/v1/agreements}) and demo data are internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Programs")
package org.dicas.programs;
