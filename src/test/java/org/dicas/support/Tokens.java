package org.dicas.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.dicas.demo.DemoUsers;

/**
 * API tokens of the demo users, each issued once per run and server (signing in hashes the password, which is slow on
 * purpose), for the tests of the shared context that call the API as these users. A test that revokes a token, or
 * whose subject is signing in, asks for one of its own ({@link Http#token}).
 */
public final class Tokens {

    private static final Map<String, String> ISSUED = new ConcurrentHashMap<>();

    private Tokens() {
    }

    /** The bearer token of the demo user {@code username} at the server on {@code port}. */
    public static String of(int port, String username) {
        return ISSUED.computeIfAbsent(port + "/" + username, k -> new Http(port).token(username, DemoUsers.PASSWORD));
    }
}
