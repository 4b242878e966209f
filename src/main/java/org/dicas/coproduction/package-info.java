/**
 * Missile co-production planning across the allies' production lines: how many rounds of each product can be
 * delivered to which nation by when, with the long-lead components the lines share and the transfer rules between
 * nations; what is short and which capacity would help most. The exact planner lives in {@code engine} (plain Java
 * with Google OR-Tools, no Spring), so the command line, the benchmarks and the server call the same code.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Co-production")
package org.dicas.coproduction;
