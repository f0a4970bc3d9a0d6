package dev.landline.calls.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Only ASCII digits are read one by one: anything else would be spoken as the caller's code. */
class SpeechDigitsTest {

    @Test
    void asciiDigitsAreReadOneByOne() {
        assertEquals("<say-as interpret-as='digits'>0818</say-as>",
                new Speech(java.util.List.of(new Speech.Digits("0818"))).markup());
    }

    @Test
    void anythingButAsciiDigitsIsRefused() {
        for (var notDigits : new String[] {null, "", "12a", "12 34", "\u0661\u0662", "\uff11\uff12", "-1"}) {
            assertThrows(IllegalArgumentException.class, () -> new Speech.Digits(notDigits), String.valueOf(notDigits));
        }
    }
}
