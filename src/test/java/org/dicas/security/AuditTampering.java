package org.dicas.security;

import org.springframework.jdbc.core.simple.JdbcClient;

/** What someone with the database owner's rights can do to the audit: switch a table's refusing trigger off. */
final class AuditTampering {

    private AuditTampering() {
    }

    /** Runs {@code edit} with UPDATE and DELETE allowed on {@code table}, then refuses them again. */
    static void withTriggerOff(JdbcClient jdbc, String table, Runnable edit) {
        jdbc.sql("alter table " + table + " disable trigger " + table + "_append_only").update();
        try {
            edit.run();
        } finally {
            jdbc.sql("alter table " + table + " enable trigger " + table + "_append_only").update();
        }
    }

    /** Forges {@code table} with its trigger off, runs {@code check}, and always undoes the forgery. */
    static void whileForged(JdbcClient jdbc, String table, Runnable forge, Runnable undo, Runnable check) {
        withTriggerOff(jdbc, table, () -> {
            forge.run();
            try {
                check.run();
            } finally {
                undo.run();
            }
        });
    }
}
