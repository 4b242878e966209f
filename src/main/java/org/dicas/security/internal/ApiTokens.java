package org.dicas.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opaque bearer tokens: 256 random bits handed to the client once; only their SHA-256 is stored, with an expiry,
 * so a stolen database does not yield usable tokens and a token can be revoked.
 */
@Component
class ApiTokens {

    private final JdbcClient jdbc;
    private final TokenHolders holders;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, TokenHolders holders,
              @Value("${dicas.security.token-lifetime:8h}") Duration lifetime) {
        this.jdbc = jdbc;
        this.holders = holders;
        this.lifetime = lifetime;
    }

    String issue(long userId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("insert into api_token (token_hash, user_id, expires_at) values (:h, :u, :e)")
                .param("h", hash(token)).param("u", userId)
                .param("e", java.sql.Timestamp.from(Instant.now().plus(lifetime))).update();
        return token;
    }

    /** Revokes a live token; answers whether there was one. Its holder is forgotten on every node at the commit. */
    @Transactional
    boolean revoke(String token) {
        holders.forgetAfterCommit();
        return jdbc.sql("update api_token set revoked_at = now() where token_hash = :h and revoked_at is null")
                .param("h", hash(token)).update() > 0;
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
