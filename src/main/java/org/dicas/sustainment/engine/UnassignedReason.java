package org.dicas.sustainment.engine;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Why a job is unassigned, naming the rule that excluded it: a message key of the platform's bundle
 * ({@code messages/messages*.properties}, English and Japanese) with its arguments. The command line prints the English
 * sentence from the same bundle.
 */
record UnassignedReason(String key, List<String> args) {

    static final String KIND = "plan.reason.kind";
    static final String LENGTH = "plan.reason.length";
    static final String CERTIFICATION = "plan.reason.certification";
    static final String FOREIGN_REPAIR = "plan.reason.foreignRepair";
    static final String HORIZON = "plan.reason.horizon";
    static final String CLOSED = "plan.reason.closed";
    static final String CAPACITY = "plan.reason.capacity";
    static final String NOT_PLACED = "plan.reason.notPlaced";

    private static final ResourceBundle ENGLISH = ResourceBundle.getBundle("messages.messages", Locale.ROOT,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    UnassignedReason {
        args = List.copyOf(args);
    }

    static UnassignedReason of(String key, String... args) {
        return new UnassignedReason(key, List.of(args));
    }

    /** The reason as a sentence, for every language. */
    org.dicas.shared.Sentence sentence() {
        return new org.dicas.shared.Sentence(key, List.copyOf(args));
    }

    /** The sentence in English, as the UI's English bundle writes it. */
    String english() {
        return new MessageFormat(ENGLISH.getString(key), Locale.ROOT).format(args.toArray());
    }
}
