package dev.landline.time.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The provider's clock is the true one here; the server's clock is skewed by a known amount; each webhook leaves
 * the provider with a whole-second {@code iat} and arrives after some network delay.
 */
class ClockOffsetTest {

    private static final Instant TRUE_START = Instant.parse("2026-12-06T07:00:00.250Z");
    private static final long[] DELAYS_MILLIS = {80, 350, 120, 900, 60, 240, 410};

    private final List<LogRecord> log = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            log.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger logger = Logger.getLogger(ClockOffset.class.getName());

    @BeforeEach
    void listen() {
        logger.addHandler(handler);
    }

    @AfterEach
    void stopListening() {
        logger.removeHandler(handler);
    }

    @Test
    void aServerClockTwentyFiveSecondsAheadIsMeasuredAndBeyondTheLimit() {
        var offset = ClockOffset.withLimit(20);
        webhooks(offset, Duration.ofSeconds(25), 7);
        var estimate = offset.estimate();
        assertWithin(Duration.ofSeconds(25), estimate.offset(), Duration.ofMillis(1500));
        assertTrue(estimate.beyondWarning());
        assertTrue(estimate.beyondLimit(), estimate.describe());
        assertTrue(estimate.describe().contains("ahead of"), estimate.describe());
    }

    @Test
    void aServerClockEightSecondsBehindWarnsButStaysWithinTheLimit() {
        var offset = ClockOffset.withLimit(20);
        webhooks(offset, Duration.ofSeconds(-8), 7);
        var estimate = offset.estimate();
        assertWithin(Duration.ofSeconds(-8), estimate.offset(), Duration.ofMillis(1500));
        assertTrue(estimate.beyondWarning());
        assertFalse(estimate.beyondLimit());
        assertTrue(estimate.describe().contains("behind"), estimate.describe());
    }

    @Test
    void theLimitIsConfigurable() {
        var offset = ClockOffset.withLimit(60);
        webhooks(offset, Duration.ofSeconds(25), 7);
        assertFalse(offset.estimate().beyondLimit());
    }

    @Test
    void aRightClockStaysRightDespiteNetworkDelayWholeSecondIatsAndAWebhookDeliveredLate() {
        var offset = ClockOffset.withLimit(20);
        webhooks(offset, Duration.ZERO, 6);
        // one webhook Vonage queued for two minutes before delivering it
        offset.observe(TRUE_START, TRUE_START.plusSeconds(120));
        var estimate = offset.estimate();
        assertWithin(Duration.ZERO, estimate.offset(), Duration.ofMillis(1500));
        assertFalse(estimate.beyondWarning(), estimate.describe());
        assertTrue(log.stream().noneMatch(r -> r.getLevel() == Level.WARNING), "no warning for a right clock");
    }

    @Test
    void fewerThanThreeWebhooksGiveNoEstimateAndNoAlarm() {
        var offset = ClockOffset.withLimit(20);
        webhooks(offset, Duration.ofSeconds(600), 2);
        var estimate = offset.estimate();
        assertTrue(estimate.offset().isEmpty());
        assertEquals(2, estimate.samples());
        assertFalse(estimate.beyondLimit());
    }

    @Test
    void beyondFiveSecondsTheLogWarnsOnceAndSaysWhenItIsBack() {
        var offset = ClockOffset.withLimit(20);
        webhooks(offset, Duration.ofSeconds(7), 15);
        assertEquals(1, log.stream().filter(r -> r.getLevel() == Level.WARNING).count(), () -> messages());
        assertTrue(messages().contains("ahead of the voice provider's"), messages());
        webhooks(offset, Duration.ZERO, 15);
        assertEquals(1, log.stream().filter(r -> r.getLevel() == Level.WARNING).count(), () -> messages());
        assertTrue(messages().contains("back within 5 s"), messages());
    }

    @Test
    void samplesOlderThanAnHourAreForgotten() {
        var offset = ClockOffset.withLimit(20);
        var nanos = new long[] {0};
        offset.nanoTime = () -> nanos[0];
        webhooks(offset, Duration.ofSeconds(8), 5);
        assertTrue(offset.estimate().beyondWarning());
        nanos[0] = Duration.ofMinutes(61).toNanos();
        assertTrue(offset.estimate().offset().isEmpty(), "an hour later the old samples say nothing");
        assertFalse(offset.estimate().beyondLimit());
        assertFalse(offset.estimate().held());
    }

    @Test
    void anEstimateBeyondTheLimitIsHeldWhenItsSamplesExpireSoTheIdleNodeStaysNotReady() {
        var offset = ClockOffset.withLimit(20);
        var nanos = new long[] {0};
        offset.nanoTime = () -> nanos[0];
        webhooks(offset, Duration.ofSeconds(30), 5);
        assertTrue(offset.estimate().beyondLimit());
        assertFalse(offset.estimate().held(), "measured, not held, while the samples are fresh");
        // not ready: the load balancer sends no more webhooks, and the samples age out
        nanos[0] = Duration.ofMinutes(61).toNanos();
        var held = offset.estimate();
        assertTrue(held.beyondLimit(), "still not ready an hour later: " + held.describe());
        assertTrue(held.held(), held.describe());
        assertWithin(Duration.ofSeconds(30), held.offset(), Duration.ofMillis(1500));
        assertTrue(held.describe().contains("held"), held.describe());
        nanos[0] = Duration.ofDays(3).toNanos();
        assertTrue(offset.estimate().beyondLimit(), "days later too");
        // one or two webhooks are not enough to replace it
        webhooks(offset, Duration.ZERO, 2);
        assertTrue(offset.estimate().beyondLimit(), "two fresh samples do not replace it");
        webhooks(offset, Duration.ZERO, 3);
        assertFalse(offset.estimate().beyondLimit(), "three fresh samples that agree do");
        assertFalse(offset.estimate().held());
        nanos[0] = Duration.ofDays(4).toNanos();
        assertTrue(offset.estimate().offset().isEmpty(), "a right estimate is not held");
    }

    @Test
    void anAdministratorWhoFixedTheClockClearsTheHeldEstimateAndTheNextWebhooksMeasureAgain() {
        var offset = ClockOffset.withLimit(20);
        var nanos = new long[] {0};
        offset.nanoTime = () -> nanos[0];
        webhooks(offset, Duration.ofSeconds(-45), 7);
        nanos[0] = Duration.ofHours(2).toNanos();
        assertTrue(offset.estimate().held());
        offset.forget();
        assertFalse(offset.estimate().beyondLimit(), "ready again");
        assertTrue(offset.estimate().offset().isEmpty(), "nothing measured yet");
        // had the clock not been fixed after all, three webhooks say so again
        webhooks(offset, Duration.ofSeconds(-45), 3);
        assertTrue(offset.estimate().beyondLimit());
    }

    @Test
    void aCorrectedClockIsTrustedAgainOnceMostRecentWebhooksAgree() {
        var offset = ClockOffset.withLimit(20);
        webhooks(offset, Duration.ofSeconds(40), 15);
        assertTrue(offset.estimate().beyondLimit());
        webhooks(offset, Duration.ZERO, 8);
        assertFalse(offset.estimate().beyondLimit(), offset.estimate().describe());
    }

    /** {@code count} webhooks, one a second of true time, to a server whose clock is {@code skew} off. */
    private static void webhooks(ClockOffset offset, Duration skew, int count) {
        var server = Clock.offset(Clock.fixed(TRUE_START, ZoneOffset.UTC), skew);
        for (int i = 0; i < count; i++) {
            var sent = TRUE_START.plusSeconds(i);
            var iat = Instant.ofEpochSecond(sent.getEpochSecond());
            var arrivedByServerClock = Clock.offset(server, Duration.ofSeconds(i).plusMillis(DELAYS_MILLIS[i % 7]))
                    .instant();
            offset.observe(iat, arrivedByServerClock);
        }
    }

    private static void assertWithin(Duration expected, Optional<Duration> actual, Duration tolerance) {
        assertTrue(actual.isPresent(), "an estimate");
        assertTrue(actual.get().minus(expected).abs().compareTo(tolerance) <= 0,
                () -> "expected about " + expected + " but was " + actual.get());
    }

    private String messages() {
        return log.stream().map(LogRecord::getMessage).toList().toString();
    }
}
