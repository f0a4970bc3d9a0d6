package dev.landline.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The test servers' users and keys, declared once as {@code it.*} properties in pom.xml and read here from the
 * filtered resource {@code dev/landline/testkit/test-credentials.properties}. Test-only values, never used by a real
 * deployment. Black-box runs against a server configured otherwise may override the users with
 * {@code -Dlandline.admin=user:password} and {@code -Dlandline.viewer=user:password}, and the webhook secret with
 * {@code -Dvonage.signature.secret} (Twilio's auth token with {@code -Dtwilio.auth.token}).
 */
public final class TestCredentials {

    private static final Properties VALUES = load();

    /** "user:password" of a user in role admin. */
    public static final String ADMIN = System.getProperty("landline.admin",
            value("admin.user") + ":" + value("admin.password"));
    /** "user:password" of a signed-in user without the admin role. */
    public static final String VIEWER = System.getProperty("landline.viewer",
            value("viewer.user") + ":" + value("viewer.password"));
    /** {@link #ADMIN} and {@link #VIEWER} apart, for configuring a server's users (file realm, add-user, ...). */
    public static final String ADMIN_USER = user(ADMIN);
    public static final String ADMIN_PASSWORD = password(ADMIN);
    public static final String VIEWER_USER = user(VIEWER);
    public static final String VIEWER_PASSWORD = password(VIEWER);
    /** The Vonage signature secret the test servers are given (landline.vonage.signature-secret). */
    public static final String VONAGE_SIGNATURE_SECRET = System.getProperty("vonage.signature.secret",
            value("vonage.signature-secret"));
    /** The Twilio auth token the test servers are given (landline.twilio.auth-token). */
    public static final String TWILIO_AUTH_TOKEN = System.getProperty("twilio.auth.token", value("twilio.auth-token"));
    /** landline.seed-key and landline.seed-key.previous (comma-separated) of the test servers. */
    public static final String SEED_KEY = value("seed-key");
    public static final String SEED_KEY_PREVIOUS = value("seed-key.previous");
    /** landline.pin-pepper and landline.pin-pepper.previous (comma-separated) of the test servers. */
    public static final String PIN_PEPPER = value("pin-pepper");
    public static final String PIN_PEPPER_PREVIOUS = value("pin-pepper.previous");
    /** landline.pin.hash-iterations of the test servers. */
    public static final int PIN_HASH_ITERATIONS = Integer.parseInt(value("pin.hash-iterations"));

    private TestCredentials() {
    }

    private static String user(String credentials) {
        return credentials.substring(0, colon(credentials));
    }

    private static String password(String credentials) {
        return credentials.substring(colon(credentials) + 1);
    }

    private static int colon(String credentials) {
        var colon = credentials.indexOf(':');
        if (colon <= 0) {
            throw new IllegalStateException("test credentials are user:password");
        }
        return colon;
    }

    private static String value(String name) {
        var value = VALUES.getProperty(name);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException(name + " is missing from test-credentials.properties: is the resource"
                    + " filtered from the it.* properties of pom.xml?");
        }
        return value;
    }

    private static Properties load() {
        var properties = new Properties();
        try (var in = TestCredentials.class.getResourceAsStream("test-credentials.properties")) {
            if (in == null) {
                throw new IllegalStateException("dev/landline/testkit/test-credentials.properties is not on the"
                        + " classpath");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
