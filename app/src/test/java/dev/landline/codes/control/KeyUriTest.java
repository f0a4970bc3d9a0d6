package dev.landline.codes.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.jboss.aerogear.security.otp.Totp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class KeyUriTest {

    /** The secret of the Key Uri Format wiki example: 20 bytes. */
    static final String SECRET = "HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ";
    static final byte[] SECRET_BYTES = Base32.decode(SECRET);
    static final String SPEC_EXAMPLE = "otpauth://totp/ACME%20Co:john.doe@email.com?secret=" + SECRET
            + "&issuer=ACME%20Co&algorithm=SHA1&digits=6&period=30";

    static OtpAuthUri parse(String uri) {
        return KeyUri.parse(uri);
    }

    /** Parses {@code uri}, expects a refusal on {@code field}, and checks no message gives the secret away. */
    static void assertRefused(String uri, String field) {
        var e = assertThrows(InvalidOtpInput.class, () -> KeyUri.parse(uri));
        assertEquals(field, e.field(), e.getMessage());
        assertNoSecretIn(e.getMessage(), uri);
    }

    static void assertNoSecretIn(String message, String uri) {
        if (uri != null && uri.length() > 12) {
            assertFalse(message.contains(uri), message);
        }
        int at = uri == null ? -1 : uri.indexOf("secret=");
        if (at >= 0) {
            int end = uri.indexOf('&', at);
            var secret = uri.substring(at + 7, end < 0 ? uri.length() : end);
            for (int i = 0; i + 5 <= secret.length(); i++) {
                var window = secret.substring(i, i + 5);
                assertFalse(message.contains(window) || message.toUpperCase().contains(window.toUpperCase()),
                        () -> "message quotes part of the secret: " + message);
            }
        }
        assertFalse(message.contains(SECRET.substring(0, 5)), message);
    }

    @Test
    void readsTheSpecExample() {
        var key = parse(SPEC_EXAMPLE);
        assertEquals("ACME Co", key.issuer());
        assertEquals("john.doe@email.com", key.accountName());
        assertArrayEquals(SECRET_BYTES, key.secret());
        assertEquals(20, key.secret().length);
        assertEquals(OtpParameters.totpDefaults(), key.parameters());
        assertTrue(key.parameters().isGoogleDefault());
    }

    @Test
    void aUrlEncodedColonSeparatesTheIssuerPrefix() {
        var key = parse("otpauth://totp/Big%20Corporation%3A%20alice%40bigco.com?secret=" + SECRET);
        assertEquals("Big Corporation", key.issuer());
        assertEquals("alice@bigco.com", key.accountName());
    }

    @Test
    void encodedSpacesBeforeTheAccountNameAreDropped() {
        var key = parse("otpauth://totp/Provider1:%20%20Alice%20Smith?secret=" + SECRET);
        assertEquals("Provider1", key.issuer());
        assertEquals("Alice Smith", key.accountName());
    }

    @Test
    void plusSignsAreSpacesAsJavasUrlEncoderWritesThem() {
        var key = parse("otpauth://totp/ACME+Co%3Ajohn+doe?secret=" + SECRET + "&issuer=ACME+Co");
        assertEquals("ACME Co", key.issuer());
        assertEquals("john doe", key.accountName());
    }

    @Test
    void readsTheUriAerogearWrites() {
        var key = parse(new Totp(SECRET).uri("ACME Co:john doe"));
        assertEquals("ACME Co", key.issuer());
        assertEquals("john doe", key.accountName());
        assertArrayEquals(SECRET_BYTES, key.secret());
        assertEquals(OtpParameters.totpDefaults(), key.parameters());
    }

    @Test
    void aLowercaseSecretIsTheSameSecret() {
        assertArrayEquals(SECRET_BYTES, parse("otpauth://totp/john?secret=" + SECRET.toLowerCase()).secret());
    }

    @Test
    void paddingMayBeThereOrNotLiteralOrEncoded() {
        var seed32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA";
        var expected = "12345678901234567890123456789012".getBytes();
        assertArrayEquals(expected, parse("otpauth://totp/john?secret=" + seed32).secret());
        assertArrayEquals(expected, parse("otpauth://totp/john?secret=" + seed32 + "====").secret());
        assertArrayEquals(expected, parse("otpauth://totp/john?secret=" + seed32 + "%3D%3D%3D%3D").secret());
    }

    @Test
    void anIssuerParameterAloneIsTheIssuer() {
        var key = parse("otpauth://totp/john?secret=" + SECRET + "&issuer=ACME");
        assertEquals("ACME", key.issuer());
        assertEquals("john", key.accountName());
    }

    @Test
    void aLabelPrefixAloneIsTheIssuer() {
        var key = parse("otpauth://totp/ACME:john?secret=" + SECRET);
        assertEquals("ACME", key.issuer());
        assertEquals("john", key.accountName());
    }

    @Test
    void anEqualPrefixAndParameterGiveOneIssuer() {
        var key = parse("otpauth://totp/ACME:john?issuer=ACME&secret=" + SECRET);
        assertEquals("ACME", key.issuer());
        assertEquals("john", key.accountName());
    }

    @Test
    void whenPrefixAndParameterDifferTheParameterWins() {
        var key = parse("otpauth://totp/Old%20Name:john?secret=" + SECRET + "&issuer=New%20Name");
        assertEquals("New Name", key.issuer());
        assertEquals("john", key.accountName());
    }

    @Test
    void anEmptyIssuerParameterFallsBackToThePrefix() {
        assertEquals("ACME", parse("otpauth://totp/ACME:john?secret=" + SECRET + "&issuer=").issuer());
    }

    @Test
    void withoutPrefixOrParameterThereIsNoIssuer() {
        var key = parse("otpauth://totp/john.doe@email.com?secret=" + SECRET);
        assertNull(key.issuer());
        assertEquals("john.doe@email.com", key.accountName());
        assertNull(parse("otpauth://totp/:john?secret=" + SECRET).issuer());
    }

    @Test
    void onlyTheFirstColonEndsTheIssuerPrefix() {
        var key = parse("otpauth://totp/ACME:john:admin?secret=" + SECRET);
        assertEquals("ACME", key.issuer());
        assertEquals("john:admin", key.accountName());
    }

    @Test
    void readsAnHotpUriWithItsCounter() {
        var key = parse("otpauth://hotp/ACME:john?secret=" + SECRET + "&counter=42&digits=8&algorithm=SHA256");
        assertEquals(new OtpParameters(OtpType.HOTP, Algorithm.SHA256, 8, 30, 42), key.parameters());
    }

    @Test
    void hotpIgnoresThePeriod() {
        assertEquals(30, parse("otpauth://hotp/john?secret=" + SECRET + "&counter=0&period=abc").parameters().period());
    }

    @Test
    void hotpWithoutACounterIsRefused() {
        assertRefused("otpauth://hotp/ACME:john?secret=" + SECRET, "counter");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "abc", "", "1.5", "99999999999999999999", "٤٢"})
    void hotpWithABadCounterIsRefused(String counter) {
        assertRefused("otpauth://hotp/ACME:john?secret=" + SECRET + "&counter=" + counter, "counter");
    }

    @Test
    void hotpTakesTheLargestCounter() {
        assertEquals(Long.MAX_VALUE,
                parse("otpauth://hotp/john?secret=" + SECRET + "&counter=" + Long.MAX_VALUE).parameters().counter());
    }

    @Test
    void totpIgnoresACounter() {
        var key = parse("otpauth://totp/john?secret=" + SECRET + "&counter=x");
        assertEquals(OtpParameters.totpDefaults(), key.parameters());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "algorithm=SHA256, SHA256, 6, 30", "algorithm=sha512, SHA512, 6, 30", "digits=8, SHA1, 8, 30",
        "digits=7, SHA1, 7, 30", "period=60, SHA1, 6, 30", "algorithm=SHA512&digits=8&period=60, SHA512, 8, 60"})
    void readsNonDefaultParameters(String query, Algorithm algorithm, int digits, int ignored) {
        var p = parse("otpauth://totp/john?secret=" + SECRET + "&" + query).parameters();
        assertEquals(algorithm, p.algorithm());
        assertEquals(digits, p.digits());
    }

    @Test
    void readsANonDefaultPeriod() {
        assertEquals(60, parse("otpauth://totp/john?secret=" + SECRET + "&period=60").parameters().period());
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "9", "0", "", "six", "-6", "100", "99999999999999999999999"})
    void digitsOutsideSixToEightAreRefused(String digits) {
        assertRefused("otpauth://totp/john?secret=" + SECRET + "&digits=" + digits, "digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "601", "-30", "30s", "1e3", "100000000"})
    void badPeriodsAreRefused(String period) {
        assertRefused("otpauth://totp/john?secret=" + SECRET + "&period=" + period, "period");
    }

    @ParameterizedTest
    @ValueSource(strings = {"MD5", "SHA224", ""})
    void otherAlgorithmsAreRefused(String algorithm) {
        assertRefused("otpauth://totp/john?secret=" + SECRET + "&algorithm=" + algorithm, "algorithm");
    }

    @ParameterizedTest
    @ValueSource(strings = {"HXDMVJECJJWSRB3HWIZR4IFUGFTMXBO1", "HXDMVJECJJWSRB3HWIZR4IFUGFTMXB0Z",
        "HXDMVJECJJWSRB3HWIZR4IFUGFTMXBO!", "HXDMVJECJJWSRB3HWIZR4IFUGFTMXBO%ZZ", "HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZA",
        "HXDMVJECJJWSRB3HWIZR4IFU%FF"})
    void secretsThatAreNotBase32AreRefusedWithoutQuotingThem(String secret) {
        assertRefused("otpauth://totp/ACME:john?secret=" + secret + "&issuer=ACME", "secret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"JBSWY3DPEHPK3PX", "JBSWY3DP", "MZXW6YTBOI", "MY"})
    void secretsBelowEightyBitsAreRefused(String secret) {
        // 9, 5, 6 and 1 bytes
        assertRefused("otpauth://totp/john?secret=" + secret, "secret");
    }

    @Test
    void eightyBitsIsTheShortestSecret() {
        assertEquals(10, parse("otpauth://totp/john?secret=JBSWY3DPEHPK3PXP").secret().length);
    }

    @Test
    void secretsAbove1024BitsAreRefused() {
        assertEquals(128, parse("otpauth://totp/john?secret=" + Base32.encode(new byte[128])).secret().length);
        assertRefused("otpauth://totp/john?secret=" + Base32.encode(new byte[129]), "secret");
    }

    @Test
    void aMissingSecretIsRefused() {
        assertRefused("otpauth://totp/ACME:john?issuer=ACME", "secret");
        assertRefused("otpauth://totp/ACME:john", "secret");
        assertRefused("otpauth://totp/ACME:john?secret=", "secret");
    }

    @Test
    void parameterNamesAreLowerCaseAsTheFormatDefinesThem() {
        assertRefused("otpauth://totp/ACME:john?SECRET=" + SECRET, "secret");
    }

    @Test
    void aSecretGivenTwiceIsRefused() {
        assertRefused("otpauth://totp/john?secret=" + SECRET + "&secret=JBSWY3DPEHPK3PXP", "secret");
    }

    @Test
    void unknownParametersAreIgnored() {
        var key = parse("otpauth://totp/ACME:john?secret=" + SECRET
                + "&image=https%3A%2F%2Fexample.com%2Flogo.png&lock=true&color=%ZZ&&=x&flag");
        assertArrayEquals(SECRET_BYTES, key.secret());
    }

    @Test
    void schemeAndTypeAreCaseInsensitive() {
        assertEquals(OtpType.TOTP, parse("OTPAUTH://TOTP/john?secret=" + SECRET).parameters().type());
        assertEquals(OtpType.HOTP, parse("OtpAuth://Hotp/john?secret=" + SECRET + "&counter=1").parameters().type());
    }

    @Test
    void surroundingWhitespaceIsDropped() {
        assertEquals("john", parse("  " + SPEC_EXAMPLE.replace("ACME%20Co:john.doe@email.com", "john") + "\n")
                .accountName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com/totp/john?secret=" + SECRET, "otpauth:/totp/john?secret=" + SECRET,
        "otpauth:totp/john?secret=" + SECRET, "motp://totp/john?secret=" + SECRET, SECRET,
        "otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGEV4YW1wbGU6YWxpY2VAZ29vZ2xlLmNvbRoHRXhhbXBsZSAB"})
    void otherSchemesAreRefused(String uri) {
        assertRefused(uri, "uri");
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown", "steam", "yandex", "", "totp2"})
    void typesOtherThanTotpAndHotpAreRefused(String type) {
        assertRefused("otpauth://" + type + "/ACME:john?secret=" + SECRET, "type");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n"})
    void nothingIsRefused(String uri) {
        assertRefused(uri, "uri");
    }

    @ParameterizedTest
    @ValueSource(strings = {"otpauth://totp?secret=" + SECRET, "otpauth://", "otpauth://totp"})
    void aUriWithoutTypeAndLabelIsRefused(String uri) {
        assertRefused(uri, "uri");
    }

    @ParameterizedTest
    @ValueSource(strings = {"otpauth://totp/?secret=" + SECRET, "otpauth://totp/ACME:?secret=" + SECRET,
        "otpauth://totp/%20?secret=" + SECRET, "otpauth://totp/ACME%ZZ:john?secret=" + SECRET,
        "otpauth://totp/ACME%C3:john?secret=" + SECRET, "otpauth://totp/john%?secret=" + SECRET,
        "otpauth://totp/john%0Adoe?secret=" + SECRET})
    void aBrokenOrEmptyLabelIsRefused(String uri) {
        assertRefused(uri, "label");
    }

    @Test
    void overlongNamesAreRefused() {
        assertRefused("otpauth://totp/" + "a".repeat(201) + "?secret=" + SECRET, "label");
        assertRefused("otpauth://totp/john?issuer=" + "a".repeat(101) + "&secret=" + SECRET, "issuer");
        assertRefused("otpauth://totp/john?secret=" + SECRET + "&x=" + "a".repeat(KeyUri.MAX_LENGTH), "uri");
    }

    @Test
    void readsUtf8Names() {
        var key = parse("otpauth://totp/M%C3%BCller%20GmbH:j%C3%B6rg?secret=" + SECRET);
        assertEquals("Müller GmbH", key.issuer());
        assertEquals("jörg", key.accountName());
        assertEquals("jörg", parse("otpauth://totp/jörg?secret=" + SECRET).accountName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "%%%", "otpauth://%%%/%%%?%%%", "otpauth://totp/%%%?secret=%%%",
        "otpauth://totp/a?secret=" + SECRET + "&digits=%", "otpauth://totp/a?secret=%E2%82" + SECRET,
        "otpauth://totp/a?&&&&", "otpauth://totp/a?secret=" + SECRET + "&issuer=%00x", "://", "otpauth://totp/a?=",
        "otpauth://totp/a#b?secret=" + SECRET + "&digits=6#frag", "\u0000\uffff", "otpauth://hotp/a?secret="
            + SECRET + "&counter=%2B1"})
    void garbageIsRefusedWithOurOwnException(String uri) {
        var e = assertThrows(InvalidOtpInput.class, () -> KeyUri.parse(uri));
        assertNoSecretIn(e.getMessage(), uri);
    }

    @Test
    void formatsTheSpecExampleCanonically() {
        assertEquals("otpauth://totp/ACME%20Co:john.doe%40email.com?secret=" + SECRET
                + "&issuer=ACME%20Co&algorithm=SHA1&digits=6&period=30",
                KeyUri.format("ACME Co", "john.doe@email.com", SECRET_BYTES, OtpParameters.totpDefaults()));
    }

    @Test
    void formatsHotpWithItsCounterAndWithoutPeriod() {
        assertEquals("otpauth://hotp/john?secret=" + SECRET + "&algorithm=SHA512&digits=8&counter=7",
                KeyUri.format(null, "john", SECRET_BYTES, OtpParameters.hotp(Algorithm.SHA512, 8, 7)));
    }

    @Test
    void formatThenParseGivesBackTheSameKey() {
        var random = new Random(3986);
        var names = new String[][] {{"ACME Co", "john.doe@email.com"}, {null, "alice"}, {"Big Corp", "Alice Smith"},
            {"Müller & Söhne", "jörg+test@example.org"}, {"a/b?c#d", "50% off=yes&no"}, {"ACME", "john:admin"},
            {"Ac:me", "john"}, {"日本", "ユーザー"}};
        var parameters = new OtpParameters[] {OtpParameters.totpDefaults(), OtpParameters.totp(Algorithm.SHA256, 8, 60),
            OtpParameters.totp(Algorithm.SHA512, 7, 1), OtpParameters.hotp(Algorithm.SHA1, 6, 0),
            OtpParameters.hotp(Algorithm.SHA512, 8, Long.MAX_VALUE)};
        for (var name : names) {
            for (var p : parameters) {
                var secret = new byte[10 + random.nextInt(119)];
                random.nextBytes(secret);
                var key = new OtpAuthUri(name[0], name[1], secret, p);
                assertEquals(key, KeyUri.parse(KeyUri.format(key)), () -> KeyUri.format(key));
            }
        }
    }

    @Test
    void formatRefusesWhatParseCouldNotReadBack() {
        var e = assertThrows(InvalidOtpInput.class,
                () -> KeyUri.format(null, "john:admin", SECRET_BYTES, OtpParameters.totpDefaults()));
        assertEquals("label", e.field());
        assertEquals("secret", assertThrows(InvalidOtpInput.class,
                () -> KeyUri.format("ACME", "john", new byte[9], OtpParameters.totpDefaults())).field());
        assertEquals("label", assertThrows(InvalidOtpInput.class,
                () -> KeyUri.format("ACME", " ", SECRET_BYTES, OtpParameters.totpDefaults())).field());
    }

    @Test
    void aKeyNeverPrintsItsSecret() {
        var text = parse(SPEC_EXAMPLE).toString();
        assertFalse(text.contains(SECRET), text);
        assertFalse(text.contains(java.util.Arrays.toString(SECRET_BYTES)), text);
        assertTrue(text.contains("20 bytes"), text);
    }
}
