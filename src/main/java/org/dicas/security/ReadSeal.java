package org.dicas.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dicas.shared.Sentence;

/**
 * What one {@code READS_SEALED} chain entry says about a batch of reads: every {@code audit_read} row with an id
 * from {@code first} to {@code last} (ids of other rows and of rolled-back reads leave gaps), how many there are,
 * and the SHA-256 over their hashes in id order. The chain entry's detail is this text, so the chain's hash covers it.
 */
record ReadSeal(long first, long last, long count, String digest) {

    static final String ACTION = "READS_SEALED";
    private static final Pattern DETAIL = Pattern.compile("reads (\\d+)\\.\\.(\\d+): (\\d+) rows, sha256 ([0-9a-f]{64})");

    String detail() {
        return "reads " + first + ".." + last + ": " + count + " rows, sha256 " + digest;
    }

    /**
     * What the seal says to people, in their language when rendered. The detail stays the text above (the verifier
     * reads it back), so the sentence is derived from it when read, for seals written before sentences too.
     */
    Sentence sentence() {
        return Sentence.of("audit.detail.readsSealed", first, last, count, digest);
    }

    static Optional<ReadSeal> parse(String detail) {
        Matcher m = DETAIL.matcher(detail);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ReadSeal(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                Long.parseLong(m.group(3)), m.group(4)));
    }

    boolean covers(long id) {
        return id >= first && id <= last;
    }

    /** The digest of a batch, fed with the rows' hashes in id order. */
    static final class Batch {
        private final MessageDigest sha256 = AuditChain.sha256();
        private long count;

        void add(String rowHash) {
            sha256.update((rowHash + "\n").getBytes(StandardCharsets.US_ASCII));
            count++;
        }

        long count() {
            return count;
        }

        /** The seal of the rows added so far; the batch is spent afterwards. */
        ReadSeal seal(long first, long last) {
            return new ReadSeal(first, last, count, HexFormat.of().formatHex(sha256.digest()));
        }
    }
}
