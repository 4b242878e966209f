/**
 * Runtime infrastructure the whole platform stands on: the embedded PostgreSQL (data under
 * {@code DICAS_DATA_DIR}) used unless {@code SPRING_DATASOURCE_URL} points elsewhere, the demo-mode switch,
 * problem+json error responses, and web-wide settings (locale switch, static assets). It holds no business rules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform infrastructure")
package org.dicas.platform;
