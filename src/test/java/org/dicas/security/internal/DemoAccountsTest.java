package org.dicas.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.dicas.PlatformTest;
import org.dicas.platform.DemoMode;
import org.dicas.security.Directory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Demo accounts exist only for demo mode: with demo mode off, they cannot sign in even if the database holds them. */
@PlatformTest
class DemoAccountsTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Directory directory;

    @Test
    void demoAccountsAreDisabledWhenDemoModeIsOff() {
        assertThat(new UserAccounts(directory, new DemoMode(true), new TokenHolders(new DatabaseChanges(null, System::nanoTime), java.time.Duration.ZERO, System::nanoTime, new io.micrometer.core.instrument.simple.SimpleMeterRegistry())).loadUserByUsername("jp.atla").isEnabled()).isTrue();
        assertThat(new UserAccounts(directory, new DemoMode(false), new TokenHolders(new DatabaseChanges(null, System::nanoTime), java.time.Duration.ZERO, System::nanoTime, new io.micrometer.core.instrument.simple.SimpleMeterRegistry())).loadUserByUsername("jp.atla").isEnabled()).isFalse();
    }
}
