package dev.landline.testkit;

import java.time.Instant;

/**
 * The time the server under test believes it is, as far as the tests know: the system clock, unless a test has set
 * the server's clock (through its test-support endpoint) and told this class. Webhook signatures ({@code iat}) and
 * the codes a call may say follow it.
 */
public final class ServerClock {

    private static volatile Instant setAt;

    private ServerClock() {
    }

    /** Called when a test sets the server's clock; null: the server follows the system clock again. */
    public static void setTo(Instant instant) {
        setAt = instant;
    }

    public static Instant now() {
        var at = setAt;
        return at == null ? Instant.now() : at;
    }
}
