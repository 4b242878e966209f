/**
 * The life of the embedded PostgreSQL, in plain Java (no Spring): unpacking the bundled server programs, creating a
 * cluster so that a kill at any moment leaves either none or a whole one, stopping a server left running by a killed
 * earlier run, starting durable by default, and a watchdog that restarts a server that died under the running
 * application (or reports it lost). {@code DatabaseConfiguration} wires it; ADR 0016 says why it is shaped so.
 */
package org.dicas.platform.embedded;
