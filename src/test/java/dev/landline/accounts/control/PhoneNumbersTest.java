package dev.landline.accounts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"447700900123", "+44 7700 900123", "0044-7700-900123", "+44 (7700) 900.123"})
    void writtenFormsBecomeTheDigitsVonageSends(String written) {
        assertEquals(Optional.of("447700900123"), PhoneNumbers.parse(written));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "call me", "12345", "+1234567890123456", "44 7700 90012x", "٤٤٧٧٠٠٩٠٠١٢٣"})
    void anythingElseIsNotAPhoneNumber(String written) {
        assertTrue(PhoneNumbers.parse(written).isEmpty());
    }
}
