package org.dicas.search.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code record_change} log (V26): a trigger on {@code record} appends the id of every inserted, updated or
 * deleted row in the writer's transaction. Readers go through it in (transaction id, sequence) order and keep their
 * {@link Position} only below the horizon — the oldest transaction still running — so no entry can appear behind
 * a position once it is taken (a sequence value alone is taken before commit: a late commit would appear behind).
 */
@Component
class ChangeLog {

    /** An advisory-lock key of its own: one node prunes at a time. */
    static final long PRUNE_LOCK = 0x5345_4152_4348_4C47L; // "SEARCHLG"

    /** A place in the log: every entry at or before it has been applied. Ordered by transaction id, then sequence. */
    record Position(long xid, long seq) implements Comparable<Position> {
        static final Position START = new Position(0, 0);

        /** Just below the horizon: every entry of a transaction older than it, whatever its sequence. */
        static Position below(long horizon) {
            return new Position(horizon - 1, Long.MAX_VALUE);
        }

        @Override
        public int compareTo(Position o) {
            int c = Long.compare(xid, o.xid);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }

        String text() {
            return xid + ":" + seq;
        }

        static Optional<Position> parse(String text) {
            try {
                int colon = text.indexOf(':');
                return Optional.of(new Position(Long.parseLong(text.substring(0, colon)),
                        Long.parseLong(text.substring(colon + 1))));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
    }

    /** One entry: its place and the record it names (null: every record). */
    record Entry(Position position, Long recordId) {
    }

    /**
     * Entries after a position, as one statement saw them, and that statement's horizon: every transaction with an
     * id below {@code horizon} had ended, so entries of such transactions will never appear after these.
     */
    record Read(long horizon, List<Entry> entries) {
        boolean settled(Entry e) {
            return e.position().xid() < horizon;
        }
    }

    private final JdbcClient jdbc;

    ChangeLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} entries after {@code after} and the horizon, read in one statement (one snapshot). */
    Read after(Position after, int limit) {
        List<Entry> entries = new ArrayList<>();
        long[] horizon = {0};
        jdbc.sql("""
                        select h.horizon::text, c.xid::text, c.seq, c.record_id
                        from (select pg_snapshot_xmin(pg_current_snapshot()) as horizon) h
                        left join lateral (
                            select xid, seq, record_id from record_change
                            where (xid, seq) > (cast(cast(:xid as text) as xid8), :seq)
                            order by xid, seq limit :limit) c on true
                        order by c.xid, c.seq""")
                .param("xid", Long.toString(after.xid())).param("seq", after.seq()).param("limit", limit)
                .query(rs -> {
                    horizon[0] = Long.parseLong(rs.getString(1));
                    String xid = rs.getString(2);
                    if (xid != null) {
                        entries.add(new Entry(new Position(Long.parseLong(xid), rs.getLong(3)),
                                (Long) rs.getObject(4)));
                    }
                });
        return new Read(horizon[0], entries);
    }

    /** The horizon now: the id of the oldest transaction still running (or the next one). */
    long horizon() {
        return Long.parseLong(jdbc.sql("select pg_snapshot_xmin(pg_current_snapshot())::text").query(String.class).single());
    }

    /** How far the log was pruned: a reader whose position is below this may have missed entries. */
    Optional<Position> pruned() {
        return jdbc.sql("select xid::text, seq from record_change_pruned")
                .query((rs, n) -> new Position(Long.parseLong(rs.getString(1)), rs.getLong(2))).optional();
    }

    /** Number of entries after a position (for the decision between catching up and rebuilding). */
    long countAfter(Position after) {
        return jdbc.sql("select count(*) from record_change where (xid, seq) > (cast(cast(:xid as text) as xid8), :seq)")
                .param("xid", Long.toString(after.xid())).param("seq", after.seq()).query(Long.class).single();
    }

    /**
     * Removes the entries older than {@code keep} whose transactions have ended, and every entry before the last of
     * them, and records how far it went; does nothing when another node is pruning. Returns the entries removed.
     */
    @Transactional
    public int prune(Duration keep) {
        if (!jdbc.sql("select pg_try_advisory_xact_lock(:k)").param("k", PRUNE_LOCK).query(Boolean.class).single()) {
            return 0;
        }
        Optional<Position> cut = jdbc.sql("""
                        select xid::text, seq from record_change
                        where at < now() - make_interval(secs => :keep)
                          and xid < pg_snapshot_xmin(pg_current_snapshot())
                        order by xid desc, seq desc limit 1""")
                .param("keep", keep.toMillis() / 1000.0)
                .query((rs, n) -> new Position(Long.parseLong(rs.getString(1)), rs.getLong(2))).optional();
        if (cut.isEmpty()) {
            return 0;
        }
        String xid = Long.toString(cut.get().xid());
        int removed = jdbc.sql("delete from record_change where (xid, seq) <= (cast(cast(:xid as text) as xid8), :seq)")
                .param("xid", xid).param("seq", cut.get().seq()).update();
        jdbc.sql("""
                        insert into record_change_pruned (xid, seq) values (cast(cast(:xid as text) as xid8), :seq)
                        on conflict (singleton) do update set xid = excluded.xid, seq = excluded.seq, at = now()
                        where (record_change_pruned.xid, record_change_pruned.seq) < (excluded.xid, excluded.seq)""")
                .param("xid", xid).param("seq", cut.get().seq()).update();
        return removed;
    }
}
