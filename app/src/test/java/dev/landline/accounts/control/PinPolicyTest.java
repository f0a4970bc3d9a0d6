package dev.landline.accounts.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PinPolicyTest {

    private final PinPolicy policy = new PinPolicy(6);

    @ParameterizedTest
    @ValueSource(strings = {"480261", "9051732", "258036147", "903174258611"})
    void acceptsSixToTwelveDigitsThatAreNotTrivial(String pin) {
        assertDoesNotThrow(() -> policy.check(pin, "5551"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"48026", "4802", "4802619051734", ""})
    void refusesTooShortOrTooLong(String pin) {
        assertEquals("pin", assertThrows(UnacceptablePin.class, () -> policy.check(pin, "5551")).field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"000000", "777777777", "123456", "456789", "789012", "0123456789", "654321", "210987",
            "9876543210", "121212", "123123", "45674567", "909090909090"})
    void refusesRepeatsAndAscendingOrDescendingRuns(String pin) {
        assertThrows(UnacceptablePin.class, () -> policy.check(pin, "5551"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"48a261", "４８０２６１", "480 261", "-48026"})
    void refusesAnythingButAsciiDigits(String pin) {
        assertThrows(UnacceptablePin.class, () -> policy.check(pin, "5551"));
    }

    @Test
    void refusesAPinThatContainsTheAccountNumber() {
        assertThrows(UnacceptablePin.class, () -> policy.check("905551", "5551"));
        assertThrows(UnacceptablePin.class, () -> policy.check("480261", "94802617"));
    }

    @Test
    void messagesNeverRepeatThePin() {
        for (var pin : new String[] {"123456", "48a261", "48026", "905551"}) {
            var e = assertThrows(UnacceptablePin.class, () -> policy.check(pin, "5551"));
            assertFalse(e.getMessage().contains(pin), e.getMessage());
        }
    }

    @Test
    void theMinimumIsConfigurableButNeverBelowFourDigits() {
        assertDoesNotThrow(() -> new PinPolicy(4).check("4826", "5551"));
        assertThrows(UnacceptablePin.class, () -> new PinPolicy(8).check("4802619", "5551"));
        assertEquals(4, new PinPolicy(2).minLength());
    }
}
