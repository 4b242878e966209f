/**
 * The co-production planning engine, plain Java with Google OR-Tools (no Spring, no database, no web types): the
 * problem model of the co-production contract, strict JSON in and out, validation, the greedy earliest-due-first
 * baseline, the lexicographic exact planner and the capacity bottlenecks from the LP relaxation's duals.
 */
@org.springframework.modulith.NamedInterface("engine")
package org.dicas.coproduction.engine;
