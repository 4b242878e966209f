/**
 * Demo data. Owns the demo users (password {@link org.dicas.demo.DemoUsers#PASSWORD}, all flagged {@code demo})
 * with their organizations, and the demo forum content: working groups, the 2024 plenaries and working-group
 * meetings with agendas, minutes, decisions and action items, a few upcoming meetings, discussion threads and
 * library documents, under a spread of markings. Everything is loaded only in demo mode
 * ({@link org.dicas.platform.DemoMode}), once, into an empty directory, in one transaction, and only through the
 * public services of the security and forum modules so that every record carries a marking its author could read.
 * Names of people and companies here are fictional; only the facts in the domain brief are public.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package org.dicas.demo;
