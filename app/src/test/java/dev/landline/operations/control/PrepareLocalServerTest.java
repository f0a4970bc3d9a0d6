package dev.landline.operations.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run command's preparation (src/main/payara/PrepareLocalServer.java), run as Maven runs it: the JDK's
 * single-file source launcher in a process of its own, on a temporary LANDLINE_HOME.
 */
class PrepareLocalServerTest {

    private static final String SECRET = "landline.vonage.signature-secret";
    private static final String TWILIO = "landline.twilio.auth-token";

    @TempDir
    Path home;

    @Test
    void aFirstRunGeneratesASignatureSecretBesideTheOtherKeysReadableByTheOwnerOnly() throws Exception {
        var output = prepare(Map.of());
        var keys = keys();
        for (var name : new String[] {"landline.seed-key", "landline.pin-pepper", SECRET}) {
            assertEquals(32, Base64.getDecoder().decode(keys.getProperty(name)).length, name);
        }
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(home.resolve("server-keys.properties"))));
        assertFalse(output.contains(keys.getProperty(SECRET)), "the secret is never printed");
        assertTrue(keys.getProperty(TWILIO).matches("[0-9a-f]{32}"), "a local Twilio auth token, shaped like one");
        assertFalse(output.contains(keys.getProperty(TWILIO)), "the token is never printed");
    }

    @Test
    void anInstallWithoutATwilioTokenGetsOneAddedAndKeepsEverythingElseExactly() throws Exception {
        var file = home.resolve("server-keys.properties");
        var before = "#Landline Authenticator server keys\nlandline.seed-key=c2VlZC1rZXktb2YtYW4tb2xkLWluc3RhbGwtMzJieXRlcyE\\=\n"
                + "landline.pin-pepper=cGVwcGVyLW9mLWFuLW9sZC1pbnN0YWxsLTMyLWJ5dGVzLi4u\n"
                + "# the operator's own Vonage secret\nlandline.vonage.signature-secret=the-vonage-accounts-secret";
        Files.createDirectories(home);
        Files.writeString(file, before);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        var output = prepare(Map.of());

        var after = Files.readString(file);
        assertTrue(after.startsWith(before + System.lineSeparator()), "the old lines are untouched: " + after);
        assertEquals("the-vonage-accounts-secret", keys().getProperty(SECRET));
        assertTrue(keys().getProperty(TWILIO).matches("[0-9a-f]{32}"), after);
        assertTrue(output.contains("added a local " + TWILIO), output);
        assertFalse(output.contains("added a local " + SECRET), output);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        prepare(Map.of());
        assertEquals(after, Files.readString(file), "a later start changes nothing");
    }

    @Test
    void aTwilioTokenGivenInTheEnvironmentIsNotShadowedByAGeneratedOne() throws Exception {
        prepare(Map.of("LANDLINE_TWILIO_AUTH_TOKEN", "the-twilio-accounts-token"));
        assertNull(keys().getProperty(TWILIO), "a system property from the file would win over the environment");
        assertNotEquals(null, keys().getProperty(SECRET));
    }

    @Test
    void anExistingInstallWithoutASecretGetsOneAddedAndKeepsItsKeysExactly() throws Exception {
        var file = home.resolve("server-keys.properties");
        var before = "#Landline Authenticator server keys\nlandline.seed-key=c2VlZC1rZXktb2YtYW4tb2xkLWluc3RhbGwtMzJieXRlcyE\\=\n"
                + "landline.pin-pepper=cGVwcGVyLW9mLWFuLW9sZC1pbnN0YWxsLTMyLWJ5dGVzLi4u\n";
        Files.createDirectories(home);
        Files.writeString(file, before);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        var output = prepare(Map.of());

        var after = Files.readString(file);
        assertTrue(after.startsWith(before), "the old lines are untouched: " + after);
        var keys = keys();
        assertEquals("c2VlZC1rZXktb2YtYW4tb2xkLWluc3RhbGwtMzJieXRlcyE=", keys.getProperty("landline.seed-key"));
        assertEquals("cGVwcGVyLW9mLWFuLW9sZC1pbnN0YWxsLTMyLWJ5dGVzLi4u", keys.getProperty("landline.pin-pepper"));
        assertEquals(32, Base64.getDecoder().decode(keys.getProperty(SECRET)).length);
        assertTrue(output.contains("added a local " + SECRET), output);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        prepare(Map.of());
        assertEquals(after, Files.readString(file), "a later start changes nothing");
    }

    @Test
    void aSecretAlreadyInTheFileIsKeptAsItIs() throws Exception {
        prepare(Map.of());
        var first = Files.readString(home.resolve("server-keys.properties"));
        prepare(Map.of());
        assertEquals(first, Files.readString(home.resolve("server-keys.properties")));
    }

    @Test
    void aSecretGivenInTheEnvironmentIsNotShadowedByAGeneratedOne() throws Exception {
        prepare(Map.of("LANDLINE_VONAGE_SIGNATURE_SECRET", "the-vonage-accounts-secret"));
        assertNull(keys().getProperty(SECRET), "a system property from the file would win over the environment");
        assertNotEquals(null, keys().getProperty("landline.seed-key"));
    }

    private Properties keys() throws IOException {
        var properties = new Properties();
        properties.load(new StringReader(Files.readString(home.resolve("server-keys.properties"))));
        return properties;
    }

    @Test
    void theStartArgumentsTrimTheNativeHeapWhereTheJvmCanThenNamePayaraMicro() throws Exception {
        var payara = home.resolve("payara-micro.jar");

        prepare(Map.of("LANDLINE_CLASS_ARCHIVE", "off"), payara.toString(), home.resolve("app.war").toString(),
                "src/main/payara/pre-boot-commands.txt");

        // The option came with JDK-8293114 and was experimental in some releases (JDK 22 at least), so no version
        // table is trusted here: it belongs in the file exactly when this JVM starts with it
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var probe = new ProcessBuilder(java, "-XX:TrimNativeHeapInterval=5000", "-version").redirectErrorStream(true)
                .start();
        probe.getInputStream().readAllBytes();
        boolean trims = probe.waitFor() == 0;
        var expected = new ArrayList<String>();
        if (trims) {
            expected.add("-XX:TrimNativeHeapInterval=5000");
        }
        expected.addAll(List.of("-jar", payara.toAbsolutePath().toString()));
        assertEquals(expected, Files.readAllLines(home.resolve("launch.args")));
    }

    private String prepare(Map<String, String> environment, String... archiveArguments) throws Exception {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<>(List.of(java, "src/main/payara/PrepareLocalServer.java",
                home.toString()));
        command.addAll(List.of(archiveArguments));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("LANDLINE_VONAGE_SIGNATURE_SECRET");
        builder.environment().remove("LANDLINE_TWILIO_AUTH_TOKEN");
        builder.environment().put("LANDLINE_ADMIN_PASSWORD", "prepare-test-admin-password");
        builder.environment().putAll(environment);
        var process = builder.start();
        var output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), output);
        return output;
    }
}
