package dev.landline.enrolment.control;

import com.google.protobuf.ByteString;
import dev.landline.enrolment.control.proto.GoogleAuthMigration.MigrationPayload;
import dev.landline.enrolment.control.proto.GoogleAuthMigration.MigrationPayload.Algorithm;
import dev.landline.enrolment.control.proto.GoogleAuthMigration.MigrationPayload.DigitCount;
import dev.landline.enrolment.control.proto.GoogleAuthMigration.MigrationPayload.OtpType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Google Authenticator exports made in tests with the generated protobuf classes, encoded as the app encodes
 * them: {@code otpauth-migration://offline?data=} + percent-encoded standard Base64.
 */
public final class ExportFixtures {

    private ExportFixtures() {
    }

    /** A TOTP account as Google Authenticator exports it: SHA1, 6 digits, name "issuer:label". */
    public static MigrationPayload.OtpParameters totp(String issuer, String label, byte[] secret) {
        return MigrationPayload.OtpParameters.newBuilder().setSecret(ByteString.copyFrom(secret))
                .setName(issuer + ":" + label).setIssuer(issuer).setAlgorithm(Algorithm.ALGORITHM_SHA1)
                .setDigits(DigitCount.DIGIT_COUNT_SIX).setType(OtpType.OTP_TYPE_TOTP).build();
    }

    /** One QR code of an export: part {@code index} (from 0) of {@code size}, batch {@code batchId}. */
    public static MigrationPayload payload(int batchId, int size, int index,
            List<MigrationPayload.OtpParameters> accounts) {
        return MigrationPayload.newBuilder().addAllOtpParameters(accounts).setVersion(1).setBatchSize(size)
                .setBatchIndex(index).setBatchId(batchId).build();
    }

    public static String uri(MigrationPayload payload) {
        return uri(payload.toByteArray());
    }

    public static String uri(byte[] data) {
        return "otpauth-migration://offline?data="
                + URLEncoder.encode(Base64.getEncoder().encodeToString(data), StandardCharsets.UTF_8);
    }

    /** A secret of {@code bytes} bytes, distinct per {@code seed}. */
    public static byte[] secret(int seed, int bytes) {
        var secret = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            secret[i] = (byte) (seed * 31 + i * 7 + 1);
        }
        return secret;
    }
}
