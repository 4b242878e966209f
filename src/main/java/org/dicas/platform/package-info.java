/**
 * Runtime infrastructure the whole platform stands on: the embedded PostgreSQL (data under
 * {@code DICAS_DATA_DIR}) used unless {@code SPRING_DATASOURCE_URL} points elsewhere, the demo-mode switch,
 * problem+json error responses, web-wide settings (locale switch, static assets), and what lets several nodes share
 * one database: {@link org.dicas.platform.ClusterOnce} (a scheduled job once per interval in the cluster) and
 * {@link org.dicas.platform.StartupSeeding} (start-up data written by one node at a time). It holds no business rules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform infrastructure")
package org.dicas.platform;
