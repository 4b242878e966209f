package org.dicas.platform;

import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where the database stands: the write-ahead log's insert position, which moves with every change of any table and with
 * the commit of every transaction that changed anything — by any node sharing the database, or by hand — together with
 * the current snapshot's transaction horizon ({@code pg_current_snapshot()}: the oldest and next transaction ids and
 * those in progress). The log's position alone is not enough: PostgreSQL writes a commit's record to the log, flushes
 * it, and only then makes the transaction visible, so a position read during that flush already counts a commit whose
 * changes the reads that follow cannot see yet; that transaction is still in progress in the snapshot, which changes
 * when it becomes visible. An answer computed only from committed database state, after the position was read, holds
 * for as long as the position is the same; what depends on anything else (the clock, a node's own index) must be in
 * the key beside it (ADR 0048).
 */
@Component
public class WriteAheadLog {

    private final JdbcClient jdbc;

    WriteAheadLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The log's insert position and the snapshot's horizon now, as one text (one statement); empty when the database
     * cannot be asked, in which case nothing may be served from a copy. Read it before what you keep under it.
     */
    public Optional<String> position() {
        try {
            return Optional.of(jdbc.sql("select pg_current_wal_insert_lsn()::text || ' ' || pg_current_snapshot()::text").query(String.class).single());
        } catch (DataAccessException e) {
            return Optional.empty();
        }
    }
}
