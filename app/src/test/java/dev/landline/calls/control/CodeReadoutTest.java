package dev.landline.calls.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.landline.accounts.control.SeedCipher;
import dev.landline.accounts.entity.Caller;
import dev.landline.accounts.entity.OtpAccount;
import dev.landline.codes.control.Algorithm;
import dev.landline.codes.control.CodeGenerator;
import dev.landline.codes.control.OtpParameters;
import dev.landline.secrets.control.ServerKeys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The call-flow decision "which code to read" at fixed instants, from the sealed seed to the spoken text. */
class CodeReadoutTest {

    private static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern DIGITS = Pattern.compile("<say-as interpret-as='digits'>([0-9]+)</say-as>");
    private final SeedCipher cipher = new SeedCipher(ServerKeys.of("dW5pdC10ZXN0IHNlZWQga2V5LCAzMiBieXRlcyBvayE=",
            "dGVzdCBwZXBwZXIgdGVzdCBwZXBwZXIgMzIgYnl0ZXM="));

    @Test
    void atRfcTimeFiftyNineOneSecondBeforeTheBoundaryTheNextStepIsRead() throws Exception {
        // t=59 is the last second of step 1; step 2 (t=60..89) is HOTP(K, 2) = 359152 (RFC 4226 App. D)
        var spoken = readoutAt(Instant.ofEpochSecond(59)).speak(account(OtpParameters.totpDefaults()), "en-GB").speech().markup();
        assertEquals(List.of("359152", "359152"), codes(spoken), spoken);
        assertTrue(spoken.contains("valid in 1 second"), spoken);
    }

    @Test
    void exactlyOnTheBoundaryTheNewStepIsReadForItsWholePeriod() throws Exception {
        var spoken = readoutAt(Instant.ofEpochSecond(60)).speak(account(OtpParameters.totpDefaults()), "en-GB").speech().markup();
        assertEquals(List.of("359152", "359152"), codes(spoken));
        assertTrue(spoken.contains("valid for 30 seconds"), spoken);
    }

    @Test
    void midStepTheCurrentCodeIsRead() throws Exception {
        var spoken = readoutAt(Instant.ofEpochSecond(2000000000))
                .speak(account(OtpParameters.totpDefaults()), "en-GB").speech().markup();
        assertEquals(List.of("279037", "279037"), codes(spoken), "RFC 6238 App. B at 2000000000, SHA1, last 6 digits");
        assertTrue(spoken.contains("valid for 10 seconds"), spoken);
    }

    @Test
    void atRfcTime1111111109TheCodeOf1111111111IsReadBecauseOnlyOneSecondIsLeft() throws Exception {
        var spoken = readoutAt(Instant.ofEpochSecond(1111111109))
                .speak(account(OtpParameters.totpDefaults()), "en-GB").speech().markup();
        assertEquals(List.of("050471", "050471"), codes(spoken), "RFC 6238 App. B row 1111111111, not 1111111109");
    }

    @Test
    void eightDigitSha256NearTheBoundaryReadsTheNextStepsRfcCode() throws Exception {
        var seed32 = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
        var p = OtpParameters.totp(Algorithm.SHA256, 8, 30);
        var account = account(p, seed32);
        var spoken = readoutAt(Instant.ofEpochSecond(1111111109)).speak(account, "en-GB").speech().markup();
        assertEquals(List.of("67062674", "67062674"), codes(spoken), "RFC 6238 App. B SHA256 at 1111111111");
    }

    @Test
    void hotpReadsTheStoredCounterAndMovesItOn() throws Exception {
        var p = OtpParameters.hotp(Algorithm.SHA1, 6, 0);
        var account = account(p);
        var readout = readoutAt(Instant.EPOCH);
        var first = readout.speak(account, "en-GB");
        assertEquals(List.of("755224", "755224"), codes(first.speech().markup()));
        assertEquals(0L, first.counter());
        assertEquals(List.of("287082", "287082"), codes(readout.speak(account, "en-GB").speech().markup()));
        assertEquals(2, account.parameters().counter());
        assertEquals(List.of("755224", "755224"), codes(readout.repeat(account, 0, "en-GB").speech().markup()), "again: the same code");
        assertEquals(2, account.parameters().counter(), "repeating uses up no counter value");
    }

    private CodeReadout readoutAt(Instant instant) {
        var readout = new CodeReadout();
        readout.cipher = cipher;
        readout.codes = new CodeGenerator(Clock.fixed(instant, ZoneOffset.UTC));
        readout.minRemaining = 7;
        return readout;
    }

    private OtpAccount account(OtpParameters p) throws Exception {
        return account(p, SEED);
    }

    private OtpAccount account(OtpParameters p, byte[] seed) throws Exception {
        var caller = new Caller("Ada", "5551", "hash", List.of(), "en-GB", OffsetDateTime.now());
        var callerId = Caller.class.getDeclaredField("id");
        callerId.setAccessible(true);
        callerId.set(caller, 1L);
        var account = new OtpAccount(caller, "GitHub", "ada", p, OffsetDateTime.now());
        var id = OtpAccount.class.getDeclaredField("id");
        id.setAccessible(true);
        id.set(account, 9L);
        cipher.seal(account, seed);
        return account;
    }

    private static List<String> codes(String spoken) {
        return DIGITS.matcher(spoken).results().map(m -> m.group(1)).toList();
    }
}
