package dev.landline.operations.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The server configurations this project ships (and the black-box servers of mvn verify, configured the way
 * docs/deploying-*.md say) leave webhooks signed by default on every server: none allows unsigned webhooks, none gives
 * the signature secret a default value (a known secret would sign every forger's webhook), and each takes the secret
 * from the operator. Whether a server without it refuses webhooks is the WAR's behaviour, proven on Payara Micro by
 * SignedByDefaultIT; that each server hands the configured secret to the WAR, by the black-box scenarios.
 */
class ServerConfigurationsTest {

    private static final List<Path> SHIPPED = List.of(Path.of("src/main/liberty/config/server.xml"),
            Path.of("src/main/wildfly/landline.cli"), Path.of("src/main/payara/pre-boot-commands.txt"),
            Path.of("src/main/payara/PrepareLocalServer.java"));

    @Test
    void noShippedOrTestServerConfigurationAllowsUnsignedWebhooks() throws IOException {
        for (var file : configurations()) {
            assertFalse(Files.readString(file).contains("landline.webhooks.allow-unsigned"), file.toString());
        }
    }

    @Test
    void noServerConfigurationGivesTheSignatureSecretADefault() throws IOException {
        var defaulted = Pattern.compile(
                "landline\\.(vonage\\.signature-secret|twilio\\.auth-token)\"[^>]*defaultValue");
        for (var file : configurations()) {
            assertFalse(defaulted.matcher(Files.readString(file)).find(), file.toString());
        }
    }

    @Test
    void wildflyAndTheRunCommandTakeTheSecretFromTheOperator() throws IOException {
        assertTrue(Files.readString(Path.of("src/main/wildfly/landline.cli")).contains(
                "/system-property=landline.vonage.signature-secret:add(value=\"${landline.vonage.signature-secret}\")"));
        assertTrue(Files.readString(Path.of("src/main/payara/PrepareLocalServer.java"))
                .contains("\"landline.vonage.signature-secret\""));
        assertTrue(Files.readString(Path.of("src/main/payara/PrepareLocalServer.java"))
                .contains("\"landline.twilio.auth-token\""));
    }

    private static List<Path> configurations() throws IOException {
        // the Arquillian servers' configuration here, the black-box servers' in the portability module beside
        try (Stream<Path> test = Stream.of("src/test/payara", "../portability/src/test/liberty",
                        "../portability/src/test/wildfly", "../portability/src/test/payara")
                .map(Path::of).filter(Files::isDirectory).flatMap(ServerConfigurationsTest::walk)) {
            return Stream.concat(SHIPPED.stream(), test.filter(Files::isRegularFile).toList().stream()).toList();
        }
    }

    private static Stream<Path> walk(Path dir) {
        try {
            return Files.walk(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
