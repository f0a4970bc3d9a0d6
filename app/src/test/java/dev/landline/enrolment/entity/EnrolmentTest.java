package dev.landline.enrolment.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnrolmentTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration LIFETIME = Duration.ofMinutes(15);

    @Test
    void anExportIsCompleteOnlyWhenEveryCodeWasScannedInAnyOrder() {
        var enrolment = Enrolment.ofExport("e", 1, 5, 3, NOW, LIFETIME);
        enrolment.markScanned(2);
        enrolment.markScanned(0);
        assertEquals(List.of(0, 2), enrolment.scanned());
        assertFalse(enrolment.complete());
        assertEquals(Enrolment.PartFit.ALREADY_SCANNED, enrolment.fit(5, 3, 2));
        assertEquals(Enrolment.PartFit.FITS, enrolment.fit(5, 3, 1));
        enrolment.markScanned(1);
        assertTrue(enrolment.complete());
        assertThrows(IllegalArgumentException.class, () -> enrolment.markScanned(1));
        assertThrows(IllegalArgumentException.class, () -> enrolment.markScanned(3));
    }

    @Test
    void aSingleUriIsCompleteAndTakesNoParts() {
        var enrolment = Enrolment.ofUri("e", 1, NOW, LIFETIME);
        assertTrue(enrolment.complete());
        assertEquals(List.of(), enrolment.scanned());
        assertEquals(Enrolment.PartFit.NOT_AN_EXPORT, enrolment.fit(5, 3, 1));
    }

    @Test
    void itExpiresFifteenMinutesAfterItsLastChange() {
        var enrolment = Enrolment.ofExport("e", 1, 5, 2, NOW, LIFETIME);
        assertFalse(enrolment.expired(NOW.plus(LIFETIME).minusSeconds(1)));
        assertTrue(enrolment.expired(NOW.plus(LIFETIME)));
        enrolment.touch(NOW.plusSeconds(600), LIFETIME);
        assertFalse(enrolment.expired(NOW.plus(LIFETIME)));
        assertEquals(NOW.plusSeconds(600).plus(LIFETIME), enrolment.expiresAt());
    }

    @Test
    void itBelongsToOneCallerOnly() {
        var enrolment = Enrolment.ofUri("e", 7, NOW, LIFETIME);
        assertTrue(enrolment.belongsTo(7));
        assertFalse(enrolment.belongsTo(8));
    }
}
