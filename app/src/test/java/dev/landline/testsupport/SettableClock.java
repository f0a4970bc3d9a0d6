package dev.landline.testsupport;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Test deployments only: replaces the system clock so a test can stand at any instant. Unset, it follows the
 * system clock.
 */
@ApplicationScoped
@Alternative
@Priority(1000)
public class SettableClock {

    private volatile Instant fixed;

    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            var at = fixed;
            return at == null ? Instant.now() : at;
        }
    };

    @Produces
    Clock clock() {
        return clock;
    }

    public void set(Instant instant) {
        this.fixed = instant;
    }
}
