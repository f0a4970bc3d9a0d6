package dev.landline.blackbox.matrix;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The test-only settings every server of the matrix is given: the current and earlier keys (comma-separated, as
 * docs/key-rotation.md says), the webhook signature secret, the PIN hashing cost, and the users with and without
 * the admin role. Read from src/test/matrix/test-settings.properties, filtered from the parent pom's it.* properties
 * into the file {@code -Dmatrix.settings} names.
 */
public record TestSettings(String seedKey, String seedKeyPrevious, String pinPepper, String pinPepperPrevious,
        String signatureSecret, int pinHashIterations, String adminUser, String adminPassword, String viewerUser,
        String viewerPassword) {

    public static TestSettings load(Path file) {
        var properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("no test settings at " + file + " (the build filters them there from"
                    + " src/test/matrix/test-settings.properties)", e);
        }
        return new TestSettings(value(properties, "it.seed.key"), value(properties, "it.seed.key.previous"),
                value(properties, "it.pin.pepper"), value(properties, "it.pin.pepper.previous"),
                value(properties, "it.vonage.secret"), Integer.parseInt(value(properties, "it.pin.iterations")),
                value(properties, "it.admin.user"), value(properties, "it.admin.password"),
                value(properties, "it.viewer.user"), value(properties, "it.viewer.password"));
    }

    /** The settings the build wrote for this run ({@code -Dmatrix.settings}). */
    public static TestSettings ofThisRun() {
        return load(Path.of(Matrix.required("matrix.settings")));
    }

    private static String value(Properties properties, String key) {
        var value = properties.getProperty(key);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException(key + " is not set in the test settings (an it.* property of the parent"
                    + " pom.xml)");
        }
        return value.strip();
    }

    /** Never the values: a record's default toString would print every secret into the test report. */
    @Override
    public String toString() {
        return "TestSettings[admin " + adminUser + ", viewer " + viewerUser + ", PIN hash iterations "
                + pinHashIterations + "]";
    }
}
