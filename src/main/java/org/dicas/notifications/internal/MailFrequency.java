package org.dicas.notifications.internal;

/** How often a user wants notices by e-mail: never, one e-mail per notice, or one digest a day. */
public enum MailFrequency {
    NONE, IMMEDIATE, DAILY
}
