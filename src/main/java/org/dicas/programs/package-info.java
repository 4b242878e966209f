/**
 * Cooperative programs and agreements: the co-development, co-production, licensed-production, joint-procurement,
 * FMS/DCS and RDT&amp;E project-arrangement programs that good cooperative opportunities become (partner nations
 * with cost shares summing to 100 %, work-share targets, milestones, status, linked requirements by record id) and
 * the agreements around them (MOU, project arrangement, SoSA, terms of reference) with parties, signed date, forum
 * documents and linked programs. Every program and agreement is a marked record: reads go through the releasability
 * policy's SQL predicate (hidden = 404), writes are audited. Linked records of other modules are referred to by
 * record id only and shown through the record registry when the reader may read them, else counted as withheld.
 * A program's work share (issue 13, ADR 0022): work packages (marked records placed in the program) with the firms
 * able to perform them (each option a marked record whose cost is PROPIN of the firm), releases and a tolerance per
 * program, balanced by the CP-SAT engine of {@code programs.engine} with what-ifs; who writes and balances is decided
 * by {@link org.dicas.programs.WorkShareWriteRules}.
 * Public API: {@link org.dicas.programs.Programs}, {@link org.dicas.programs.Agreements} and their records and
 * commands; pages, the JSON API ({@code /api/v1/programs}, {@code /api/v1/agreements},
 * {@code /api/v1/programs/{id}/work-packages}), the work-share services and demo data are internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Programs")
package org.dicas.programs;
