package org.dicas.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dicas.PlatformTest;
import org.dicas.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A signed-in page request does not rewrite its session's row when only the last-access time moved, and less than a
 * minute ago; an older last access, and every other change, is still written.
 */
@PlatformTest
class SessionLastAccessTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    record Row(String sessionId, long lastAccess, long expiry, String principal) {
    }

    List<Row> sessionsOf(String username) {
        return jdbc.sql("""
                        select session_id, last_access_time, expiry_time, principal_name from spring_session
                        where principal_name = :u""")
                .param("u", username)
                .query((rs, n) -> new Row(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4))).list();
    }

    /** Signs a new browser in and answers the session row sign-in wrote for it. */
    Row signIn(Http browser, String username) {
        List<String> before = sessionsOf(username).stream().map(Row::sessionId).toList();
        browser.signIn(username, "demo");
        List<Row> added = sessionsOf(username).stream().filter(r -> !before.contains(r.sessionId())).toList();
        assertThat(added).as("sign-in wrote one session with its principal").hasSize(1);
        return added.get(0);
    }

    Row session(String sessionId) {
        return jdbc.sql("select session_id, last_access_time, expiry_time, principal_name from spring_session "
                        + "where session_id = :s")
                .param("s", sessionId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4))).single();
    }

    @Test
    void aRequestSoonAfterTheLastOneLeavesTheSessionRowAlone() throws Exception {
        Http browser = new Http(port);
        Row signedIn = signIn(browser, "jp.msdf");

        Thread.sleep(20);
        assertThat(browser.get("/", null).status()).isEqualTo(200);
        assertThat(browser.get("/working-groups", null).status()).isEqualTo(200);

        assertThat(session(signedIn.sessionId())).isEqualTo(signedIn);
    }

    @Test
    void aLastAccessOlderThanTheGranularityIsWrittenWithItsExpiry() {
        Http browser = new Http(port);
        Row signedIn = signIn(browser, "us.navy");
        long twoMinutes = 120_000;
        jdbc.sql("update spring_session set last_access_time = last_access_time - :d, expiry_time = expiry_time - :d "
                        + "where session_id = :s")
                .param("d", twoMinutes).param("s", signedIn.sessionId()).update();

        assertThat(browser.get("/", null).status()).isEqualTo(200);

        Row after = session(signedIn.sessionId());
        assertThat(after.lastAccess()).isGreaterThan(signedIn.lastAccess() - twoMinutes)
                .isGreaterThanOrEqualTo(signedIn.lastAccess());
        assertThat(after.expiry() - after.lastAccess()).isEqualTo(signedIn.expiry() - signedIn.lastAccess());
    }
}
