package dev.landline.signatures.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The keyed prototype gives what a freshly keyed {@code Mac} gives: published vectors, and a fresh Mac as oracle. */
class KeyedMacTest {

    private static final byte[] JEFE = "Jefe".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WHAT = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);

    @Test
    void hmacSha256MatchesRfc4231TestCase2() {
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                HexFormat.of().formatHex(KeyedMac.of("HmacSHA256", JEFE).of(WHAT)));
    }

    @Test
    void hmacSha1MatchesRfc2202TestCase2() {
        assertEquals("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79",
                HexFormat.of().formatHex(KeyedMac.of("HmacSHA1", JEFE).of(WHAT)));
    }

    @Test
    void repeatedUsesDoNotCarryStateFromOneToTheNext() {
        var mac = KeyedMac.of("HmacSHA256", JEFE);
        var first = mac.of(WHAT);
        mac.of("something else entirely".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals(first, mac.of(WHAT));
    }

    @Test
    void manyThreadsAtOnceEachGetTheMacOfTheirOwnInput() throws Exception {
        var key = "a webhook signature secret".getBytes(StandardCharsets.UTF_8);
        var shared = KeyedMac.of("HmacSHA256", key);
        var pool = Executors.newFixedThreadPool(8);
        try {
            var checks = new ArrayList<Callable<Boolean>>();
            for (var t = 0; t < 8; t++) {
                var thread = t;
                checks.add(() -> {
                    var oracle = Mac.getInstance("HmacSHA256");
                    oracle.init(new SecretKeySpec(key, "HmacSHA256"));
                    for (var i = 0; i < 2_000; i++) {
                        var input = ("thread " + thread + " input " + i).getBytes(StandardCharsets.US_ASCII);
                        if (!Arrays.equals(oracle.doFinal(input), shared.of(input))) {
                            return false;
                        }
                    }
                    return true;
                });
            }
            for (var result : pool.invokeAll(checks)) {
                assertEquals(true, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void itsTextNamesTheAlgorithmAndNeverTheKey() {
        var text = KeyedMac.of("HmacSHA256", "Jefe-the-secret".getBytes(StandardCharsets.US_ASCII)).toString();
        assertEquals("KeyedMac[HmacSHA256]", text);
        assertFalse(text.contains("Jefe"));
    }
}
