/**
 * The supply-chain resilience engine, plain Java (no Spring, no database, no web types): network model and
 * validation, compact int-array (CSR) structures, operational status under disruptions, single points of failure,
 * concentration (HHI), time-to-survive vs time-to-recover. The command line, the benchmarks and the server call it.
 */
@org.springframework.modulith.NamedInterface("engine")
package org.dicas.supplychain.engine;
