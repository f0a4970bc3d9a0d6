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
            Path.of("src/main/payara/PrepareLocalServer.java"), Path.of("src/main/payara-server/landline.asadmin"));

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
        // an expression's default (WildFly's ${name:default}) may only be empty, which the WAR reads as none
        var expressionDefault = Pattern.compile(
                "\\$\\{landline\\.(vonage\\.signature-secret|twilio\\.auth-token):[^}]");
        for (var file : configurations()) {
            var text = Files.readString(file);
            assertFalse(defaulted.matcher(text).find(), file.toString());
            assertFalse(expressionDefault.matcher(text).find(), file.toString());
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

    /**
     * Twilio's auth token is optional on WildFly: a properties file without it must neither stop the script (an
     * unresolvable expression fails it) nor leave an expression the server cannot resolve at boot, so its default is
     * empty, which the WAR reads as not configured (Twilio webhooks refused).
     */
    @Test
    void wildflyTakesTheTwilioTokenFromTheOperatorAndNothingWhenItIsNotGiven() throws IOException {
        var script = Files.readString(Path.of("src/main/wildfly/landline.cli"));
        assertTrue(script.contains(
                "/system-property=landline.twilio.auth-token:add(value=\"${landline.twilio.auth-token:}\")"), script);
        var batch = script.substring(script.indexOf("\nbatch\n"), script.indexOf("\nrun-batch\n"));
        assertTrue(batch.contains("landline.twilio.auth-token:add"), "set with the other secrets, in one batch");
    }

    /** Payara Server's recipe gives each webhook secret as a password alias from a file, never the value itself. */
    @Test
    void payaraServerTakesBothWebhookSecretsAsPasswordAliases() throws IOException {
        var recipe = Files.readString(Path.of("src/main/payara-server/landline.asadmin"));
        assertTrue(recipe.contains("create-password-alias --passwordfile ${LANDLINE_SECRETS}/signature-secret.alias"
                + " landline.vonage.signature-secret\n"), recipe);
        assertTrue(recipe.contains("create-password-alias --passwordfile ${LANDLINE_SECRETS}/twilio-auth-token.alias"
                + " landline.twilio.auth-token\n"), recipe);
        assertFalse(recipe.lines().filter(line -> !line.startsWith("#"))
                .anyMatch(line -> line.contains("landline.twilio.auth-token") && line.contains("propertyValue")),
                "the token as a plain config property would be readable in domain.xml");
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
