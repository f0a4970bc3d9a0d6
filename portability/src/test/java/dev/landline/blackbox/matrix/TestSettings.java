package dev.landline.blackbox.matrix;

import dev.landline.testkit.TestCredentials;

/**
 * The test-only settings every server of the matrix is given: the current and earlier keys (comma-separated, as
 * docs/key-rotation.md says), the webhook secrets (Vonage's signature secret, Twilio's auth token), the PIN hashing
 * cost, and the users with and without the admin role. The values are the test kit's {@link TestCredentials} (the
 * parent pom's it.* properties, declared once there); this record only gathers what a server's provisioning needs.
 */
public record TestSettings(String seedKey, String seedKeyPrevious, String pinPepper, String pinPepperPrevious,
        String signatureSecret, String twilioAuthToken, int pinHashIterations, String adminUser, String adminPassword,
        String viewerUser, String viewerPassword) {

    /** The test credentials every test suite uses ({@link TestCredentials}). */
    public static TestSettings fromTestCredentials() {
        return new TestSettings(TestCredentials.SEED_KEY, TestCredentials.SEED_KEY_PREVIOUS,
                TestCredentials.PIN_PEPPER, TestCredentials.PIN_PEPPER_PREVIOUS,
                TestCredentials.VONAGE_SIGNATURE_SECRET, TestCredentials.TWILIO_AUTH_TOKEN,
                TestCredentials.PIN_HASH_ITERATIONS, TestCredentials.ADMIN_USER, TestCredentials.ADMIN_PASSWORD,
                TestCredentials.VIEWER_USER, TestCredentials.VIEWER_PASSWORD);
    }

    /** Never the values: a record's default toString would print every secret into the test report. */
    @Override
    public String toString() {
        return "TestSettings[admin " + adminUser + ", viewer " + viewerUser + ", PIN hash iterations "
                + pinHashIterations + "]";
    }
}
