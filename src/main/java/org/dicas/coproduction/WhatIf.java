package org.dicas.coproduction;

import java.util.List;
import java.util.Locale;
import org.dicas.shared.Sentence;

/**
 * One change to a plan's problem, tried against its baseline: more capacity on a line ({@code amount} units in every
 * period), a transfer rule that only a what-if allows ({@code subject} its position), or a disrupted component
 * ({@code amount} percent of its capacity lost in every period — the supply-network node it is linked to is down), or
 * a disrupted country: every component whose linked supply-network node is in that country loses {@code amount}
 * percent.
 */
public record WhatIf(@org.dicas.shared.Labelled(value = "coproduction.whatIf", lowerCase = true, suffix = ".button") Kind kind, String subject, int amount) {

    public enum Kind { ADD_LINE_CAPACITY, ALLOW_TRANSFER, DISRUPT_COMPONENT, DISRUPT_COUNTRY }

    /** The message key that describes it (arguments: subject, amount). */
    public String messageKey() {
        return "coproduction.whatIf." + kind.name().toLowerCase(Locale.ROOT);
    }

    /** What it tries, as a sentence (a disrupted country by its name in the reader's language). */
    public Sentence sentence() {
        return new Sentence(messageKey(), List.of(kind == Kind.DISRUPT_COUNTRY ? Sentence.nation(subject)
                : subject == null ? "" : subject, amount));
    }
}
