package org.dicas.security.internal;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dicas.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The throttle's slot accounting against the real database, step by step as concurrent sign-ins would interleave
 * (admit = slot reserved before the password check; failed / succeeded = that check finished).
 */
@PlatformTest
class SignInThrottleReservationTest {

    @Autowired
    SignInThrottle throttle;

    @Test
    void theEleventhAttemptIsRefusedWhileTenAreStillBeingChecked() {
        String user = "reservation.inflight";
        for (int i = 0; i < 10; i++) {
            throttle.admit(user);
        }
        assertThatThrownBy(() -> throttle.admit(user)).isInstanceOf(SignInThrottle.SignInThrottledException.class);
    }

    @Test
    void failuresStillInFlightWhenASuccessFinishesStayCounted() {
        String user = "reservation.success";
        for (int i = 0; i < 5; i++) {
            throttle.admit(user); // four attacker guesses and the account holder's sign-in, all being checked
        }
        throttle.succeeded(user); // the holder's check finishes first
        for (int i = 0; i < 4; i++) {
            throttle.failed(user); // the four guesses finish after it: they are failures since that success
        }
        for (int i = 0; i < 6; i++) {
            throttle.admit(user);
        }
        assertThatThrownBy(() -> throttle.admit(user)).isInstanceOf(SignInThrottle.SignInThrottledException.class);
    }

    @Test
    void aSuccessForgivesTheFailuresThatFinishedBeforeIt() {
        String user = "reservation.forgive";
        for (int i = 0; i < 9; i++) {
            throttle.admit(user);
            throttle.failed(user);
        }
        throttle.admit(user);
        throttle.succeeded(user);
        for (int i = 0; i < 10; i++) {
            throttle.admit(user);
        }
        assertThatThrownBy(() -> throttle.admit(user)).isInstanceOf(SignInThrottle.SignInThrottledException.class);
    }

    @Test
    void aSuccessInTheLastSlotLiftsTheLock() {
        String user = "reservation.last";
        for (int i = 0; i < 9; i++) {
            throttle.admit(user);
            throttle.failed(user);
        }
        throttle.admit(user); // the tenth slot starts the cooling-off period...
        throttle.succeeded(user); // ...but it was the right password
        assertThatNoException().isThrownBy(() -> throttle.admit(user));
        throttle.failed(user);
    }
}
