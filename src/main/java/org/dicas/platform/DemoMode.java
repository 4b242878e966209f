package org.dicas.platform;

/**
 * Whether demo data and demo users are loaded and may sign in. On for the embedded database unless
 * {@code DICAS_DEMO=false}; off for an external database unless {@code DICAS_DEMO=true}.
 */
public record DemoMode(boolean enabled) {
}
