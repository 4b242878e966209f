/**
 * Foreign disclosure: anyone may ask that a record they can read be released to other nations or companies; a
 * disclosure officer of the record's originating nation approves (possibly narrower) or denies. Approval widens the
 * record's REL TO and, for export-controlled records, attaches an authorization. Every step is audited, notified and
 * shown in the record's history. Nobody can release a record of another nation, nor ask for one they cannot read.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Foreign disclosure")
package org.dicas.disclosure;
