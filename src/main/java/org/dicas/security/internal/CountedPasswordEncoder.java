package org.dicas.security.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The sign-in provider's password encoder, counting every password comparison in the meter
 * {@value #METER}: the number the sign-in throttle promises to bound (at most {@code max-failures} per account
 * between successes). Unknown usernames count too: the provider compares against a dummy hash for them, so that
 * their answer takes as long as a real one.
 */
final class CountedPasswordEncoder implements PasswordEncoder {

    static final String METER = "dicas.sign-in.password-checks";

    private final PasswordEncoder encoder;
    private final Counter checks;

    CountedPasswordEncoder(PasswordEncoder encoder, MeterRegistry meters) {
        this.encoder = encoder;
        this.checks = Counter.builder(METER).description("password comparisons made for sign-ins (form and API)")
                .register(meters);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return encoder.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        checks.increment();
        return encoder.matches(rawPassword, encodedPassword);
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return encoder.upgradeEncoding(encodedPassword);
    }
}
