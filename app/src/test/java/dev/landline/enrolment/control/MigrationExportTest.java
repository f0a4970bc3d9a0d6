package dev.landline.enrolment.control;

import static dev.landline.enrolment.control.ExportFixtures.payload;
import static dev.landline.enrolment.control.ExportFixtures.secret;
import static dev.landline.enrolment.control.ExportFixtures.totp;
import static dev.landline.enrolment.control.ExportFixtures.uri;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.landline.codes.control.Algorithm;
import dev.landline.codes.control.Base32;
import dev.landline.codes.control.InvalidOtpInput;
import dev.landline.codes.control.OtpParameters;
import dev.landline.codes.control.OtpType;
import dev.landline.enrolment.control.proto.GoogleAuthMigration.MigrationPayload;
import dev.landline.enrolment.control.proto.GoogleAuthMigration.MigrationPayload.DigitCount;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MigrationExportTest {

    @Test
    void aSingleCodeExportGivesItsAccountsWithGoogleDefaults() {
        var github = totp("GitHub", "ada", secret(1, 20));
        var bare = MigrationPayload.OtpParameters.newBuilder().setSecret(ByteString.copyFrom(secret(2, 10)))
                .setName("ada@example.com").setIssuer("Gmail").build();
        var part = export(uri(payload(1234, 1, 0, List.of(github, bare))));

        assertEquals(1234, part.batchId());
        assertEquals(1, part.size());
        assertEquals(0, part.index());
        assertEquals(2, part.keys().size());
        var first = part.keys().get(0);
        assertEquals("GitHub", first.issuer());
        assertEquals("ada", first.accountName(), "the issuer prefix of the name is dropped");
        assertArrayEquals(secret(1, 20), first.secret());
        assertEquals(OtpParameters.totpDefaults(), first.parameters());
        var second = part.keys().get(1);
        assertEquals("Gmail", second.issuer());
        assertEquals("ada@example.com", second.accountName());
        assertEquals(OtpParameters.totpDefaults(), second.parameters(), "unspecified means SHA1, 6 digits, TOTP");
    }

    @Test
    void anEmptyIssuerIsTakenFromTheNameBeforeItsColon() {
        var account = MigrationPayload.OtpParameters.newBuilder().setSecret(ByteString.copyFrom(secret(3, 20)))
                .setName("Acme Co: bob").build();
        var key = export(uri(payload(1, 1, 0, List.of(account)))).keys().get(0);
        assertEquals("Acme Co", key.issuer());
        assertEquals("bob", key.accountName());
    }

    @Test
    void hotpSha256SixAndSha512EightDigitsAreMapped() {
        var hotp = MigrationPayload.OtpParameters.newBuilder().setSecret(ByteString.copyFrom(secret(4, 32)))
                .setName("vpn").setIssuer("Corp").setAlgorithm(MigrationPayload.Algorithm.ALGORITHM_SHA256)
                .setType(MigrationPayload.OtpType.OTP_TYPE_HOTP).setCounter(42).build();
        var eight = MigrationPayload.OtpParameters.newBuilder().setSecret(ByteString.copyFrom(secret(5, 64)))
                .setName("ada").setIssuer("Bank").setAlgorithm(MigrationPayload.Algorithm.ALGORITHM_SHA512)
                .setDigits(DigitCount.DIGIT_COUNT_EIGHT).setType(MigrationPayload.OtpType.OTP_TYPE_TOTP).build();
        var keys = export(uri(payload(9, 1, 0, List.of(hotp, eight)))).keys();
        assertEquals(OtpParameters.hotp(Algorithm.SHA256, 6, 42), keys.get(0).parameters());
        assertEquals(OtpParameters.totp(Algorithm.SHA512, 8, 30), keys.get(1).parameters());
        assertEquals(OtpType.HOTP, keys.get(0).parameters().type());
    }

    @Test
    void eachCodeOfAThreeCodeBatchSaysWhichPartItIs() {
        for (int index = 0; index < 3; index++) {
            var accounts = List.of(totp("Service " + index, "ada", secret(10 + index, 20)));
            var part = export(uri(payload(-559038737, 3, index, accounts)));
            assertEquals(-559038737, part.batchId());
            assertEquals(3, part.size());
            assertEquals(index, part.index());
            assertEquals("Service " + index, part.keys().get(0).issuer());
        }
    }

    @Test
    void aBatchSizeOfZeroAndAMissingIndexMeanOneCode() {
        var payload = MigrationPayload.newBuilder().addOtpParameters(totp("A", "b", secret(6, 20))).setVersion(1)
                .build();
        var part = export(uri(payload));
        assertEquals(1, part.size());
        assertEquals(0, part.index());
    }

    @Test
    void dataIsReadPercentEncodedOrNotAndInEitherBase64Alphabet() {
        var payload = payload(5, 1, 0, List.of(totp("GitHub", "ada", secret(7, 20)), totp("X", "y", secret(62, 20))));
        var expected = export(uri(payload)).keys();
        var standard = Base64.getEncoder().encodeToString(payload.toByteArray());
        assertTrue(standard.contains("+") || standard.contains("/") || standard.contains("="), standard);
        var urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.toByteArray());
        for (var data : List.of(standard, urlSafe)) {
            assertEquals(expected, export("otpauth-migration://offline?data=" + data).keys());
        }
        assertEquals(expected, export("OTPAUTH-MIGRATION://offline?data=" + standard + "&extra=1").keys());
    }

    @Test
    void mixedBatchesAreRefusedAndARepeatedCodeToo() {
        var enrolment = dev.landline.enrolment.entity.Enrolment.ofExport("e1", 1, 77, 3,
                java.time.Instant.EPOCH, java.time.Duration.ofMinutes(15));
        var first = export(uri(payload(77, 3, 0, List.of(totp("A", "a", secret(20, 20))))));
        enrolment.markScanned(first.index());

        var otherBatch = export(uri(payload(78, 3, 1, List.of(totp("B", "b", secret(21, 20))))));
        var otherSize = export(uri(payload(77, 2, 1, List.of(totp("B", "b", secret(21, 20))))));
        var repeated = export(uri(payload(77, 3, 0, List.of(totp("A", "a", secret(20, 20))))));
        var next = export(uri(payload(77, 3, 2, List.of(totp("C", "c", secret(22, 20))))));

        assertEquals("OTHER_BATCH", enrolment.fit(otherBatch.batchId(), otherBatch.size(), otherBatch.index()).name());
        assertEquals("OTHER_BATCH", enrolment.fit(otherSize.batchId(), otherSize.size(), otherSize.index()).name());
        assertEquals("ALREADY_SCANNED", enrolment.fit(repeated.batchId(), repeated.size(), repeated.index()).name());
        assertEquals("FITS", enrolment.fit(next.batchId(), next.size(), next.index()).name());
    }

    @Test
    void corruptPayloadsAreRefusedWithoutQuotingThem() {
        var notBase64 = "otpauth-migration://offline?data=%%%!!";
        var notProtobuf = uri(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F});
        var noAccounts = uri(MigrationPayload.newBuilder().setVersion(1).setBatchSize(1).build());
        var indexOutside = uri(payload(1, 2, 2, List.of(totp("A", "b", secret(8, 20)))));
        var noData = "otpauth-migration://offline?version=1";
        var wrongHost = "otpauth-migration://online?data=" + uri(payload(1, 1, 0, List.of())).split("=", 2)[1];
        for (var uri : List.of(notBase64, notProtobuf, noAccounts, indexOutside, noData, wrongHost)) {
            var refused = assertThrows(EnrolmentRefused.class, () -> Scan.of(uri), uri);
            assertEquals(EnrolmentRefused.Reason.INVALID, refused.reason());
            assertTrue(refused.getMessage().startsWith("the Google Authenticator export is corrupt"),
                    refused.getMessage());
        }
    }

    @Test
    void md5IsRefusedNamingTheAccount() {
        var md5 = MigrationPayload.OtpParameters.newBuilder().setSecret(ByteString.copyFrom(secret(9, 20)))
                .setName("ada").setIssuer("Legacy").setAlgorithm(MigrationPayload.Algorithm.ALGORITHM_MD5).build();
        var refused = assertThrows(InvalidOtpInput.class,
                () -> Scan.of(uri(payload(1, 1, 0, List.of(totp("Fine", "x", secret(10, 20)), md5)))));
        assertEquals("algorithm", refused.field());
        assertTrue(refused.getMessage().contains("MD5 is not supported"), refused.getMessage());
        assertTrue(refused.getMessage().contains("account 2 (Legacy: ada)"), refused.getMessage());
    }

    @Test
    void aSecretShorterThan80BitsIsRefused() {
        var shortOne = totp("Old", "ada", secret(11, 8));
        var refused = assertThrows(InvalidOtpInput.class, () -> Scan.of(uri(payload(1, 1, 0, List.of(shortOne)))));
        assertEquals("secret", refused.field());
        assertTrue(refused.getMessage().contains("64 bits") && refused.getMessage().contains("80"),
                refused.getMessage());
        assertFalse(refused.getMessage().contains(Base32.encode(secret(11, 8))), "the secret is never quoted");
    }

    @Test
    void unknownEnumValuesAreRefused() {
        var odd = MigrationPayload.OtpParameters.newBuilder().setSecret(ByteString.copyFrom(secret(12, 20)))
                .setName("a").setIssuer("b").setDigitsValue(3).build();
        var refused = assertThrows(InvalidOtpInput.class, () -> Scan.of(uri(payload(1, 1, 0, List.of(odd)))));
        assertEquals("digits", refused.field());
    }

    @Test
    void moreThanAHundredAccountsAreRefused() {
        var many = new ArrayList<MigrationPayload.OtpParameters>();
        IntStream.range(0, 101).forEach(i -> many.add(totp("S" + i, "ada", secret(i, 10))));
        var refused = assertThrows(EnrolmentRefused.class, () -> Scan.of(uri(payload(1, 1, 0, many))));
        assertTrue(refused.getMessage().contains("101 accounts; at most 100"), refused.getMessage());
        assertEquals(100, export(uri(payload(1, 1, 0, many.subList(0, 100)))).keys().size());
    }

    @Test
    void aKeyUriIsOneAccountAndOtherTextIsRefused() {
        var single = Scan.of("otpauth://totp/GitHub:ada?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=GitHub");
        assertInstanceOf(Scan.SingleAccount.class, single);
        assertEquals("GitHub", single.keys().get(0).issuer());
        var refused = assertThrows(EnrolmentRefused.class, () -> Scan.of("https://example.com/setup"));
        assertTrue(refused.getMessage().contains("not an otpauth:// URI"), refused.getMessage());
        var tooLong = assertThrows(EnrolmentRefused.class, () -> Scan.of("otpauth://totp/a?secret=" + "A".repeat(9000)));
        assertTrue(tooLong.getMessage().contains("longer than 8192"), tooLong.getMessage());
        var md5 = assertThrows(InvalidOtpInput.class,
                () -> Scan.of("otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&algorithm=MD5"));
        assertEquals("algorithm", md5.field());
    }

    private static Scan.ExportPart export(String uri) {
        return assertInstanceOf(Scan.ExportPart.class, Scan.of(uri));
    }
}
