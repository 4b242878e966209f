/**
 * The repair-scheduling engine, plain Java with Timefold Solver (no Spring, no database, no web types): the problem
 * model of the sustainment issue, validation, eligibility, the greedy baseline and the solver. The command line, the
 * benchmarks and the server call it.
 */
@org.springframework.modulith.NamedInterface("engine")
package org.dicas.sustainment.engine;
