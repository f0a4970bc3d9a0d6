package dev.landline.accounts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"447700900123", "+44 7700 900123", "0044-7700-900123", "+44 (7700) 900.123",
        "+44 (0)7700 900123", "+44(0)7700900123", "0044 (0) 7700 900123", "+(44) (0)7700 900123",
        "+44\u00a07700\u202f900123", "+44 7700\u2013900123", "+44 7700/900123"})
    void writtenFormsBecomeTheDigitsVonageSends(String written) {
        assertEquals(Optional.of("447700900123"), PhoneNumbers.parse(written));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+39 06 1234 5678", "0039 06-1234-5678", "390612345678"})
    void aBareZeroAfterTheCountryCodeIsPartOfTheNumber(String written) {
        assertEquals(Optional.of("390612345678"), PhoneNumbers.parse(written));
    }

    @ParameterizedTest
    @ValueSource(strings = {"(0)7700 900123", "07700 900123"})
    void aNationalNumberKeepsItsTrunkZero(String written) {
        assertEquals(Optional.of("07700900123"), PhoneNumbers.parse(written));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "call me", "12345", "+1234567890123456", "44 7700 90012x", "٤٤٧٧٠٠٩٠٠١٢٣"})
    void anythingElseIsNotAPhoneNumber(String written) {
        assertTrue(PhoneNumbers.parse(written).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"anonymous", "Anonymous", "client:alice", "client:12345678", "sip:+447700900123@example.com",
        "sip:447700900123@10.0.0.1", "restricted", "unknown", "+"})
    void whatTwilioSendsForACallerWithoutANumberIsNotAPhoneNumber(String from) {
        assertTrue(PhoneNumbers.parse(from).isEmpty(), from);
    }
}
