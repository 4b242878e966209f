package org.dicas.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.dicas.security.WriteDecision;

/** The one assertion of the write-rule table tests: the expected decision, and a rejection's code in both bundles. */
public final class RuleTable {

    /** The expected value of a row that allows. */
    public static final String ALLOWED = "";

    private static final Properties ENGLISH = bundle("messages.properties");
    private static final Properties JAPANESE = bundle("messages_ja.properties");

    private RuleTable() {
    }

    /** {@code expected} is {@link #ALLOWED} or the code of the rejection. */
    public static void assertDecision(WriteDecision decision, String expected) {
        assertThat(decision.allowed()).as("allowed (" + decision + ")").isEqualTo(expected.isEmpty());
        assertThat(decision.code()).isEqualTo(expected);
        if (!decision.allowed()) {
            assertThat(decision.reason()).isNotBlank();
            assertThat(ENGLISH).as("English text of " + decision.code()).containsKey(decision.code());
            assertThat(JAPANESE).as("Japanese text of " + decision.code()).containsKey(decision.code());
        }
    }

    private static Properties bundle(String name) {
        Properties p = new Properties();
        try (InputStream in = RuleTable.class.getResourceAsStream("/messages/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return p;
    }
}
