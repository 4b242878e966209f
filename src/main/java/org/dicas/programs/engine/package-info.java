/**
 * The work-share balancing engine, plain Java with Google OR-Tools CP-SAT (no Spring, no database, no web types):
 * the problem of issue 13 (nations with cost shares and a tolerance, work packages with export controls and
 * performer options, releases, performer capacities), its validation, the exact model, the "cheapest option, then
 * repair" baseline and the proof of infeasibility. The command line, the benchmark and the program pages call it.
 */
@org.springframework.modulith.NamedInterface("engine")
package org.dicas.programs.engine;
