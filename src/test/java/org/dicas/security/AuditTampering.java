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
}
