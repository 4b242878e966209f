/**
 * Supply-chain resilience (capability C6): supplier networks per program, versioned by import, whose nodes are
 * marked records; analyses (single points of failure, concentration, disruption what-ifs, time-to-survive vs
 * time-to-recover) run by the plain-Java {@code engine} on the whole network, and shown to each user only about the
 * nodes they may read — hidden nodes appear as counts, never by name, company or country.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Supply-chain resilience")
package org.dicas.supplychain;
