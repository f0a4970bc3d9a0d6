package dev.landline.blackbox.matrix;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The administrator's recipe and what the Payara Server of the matrix runs from it, without starting a server. */
class PayaraServerRecipeTest {

    private static final Path SECRETS = Path.of("/secure/landline");
    private static final URI BASE = URI.create("http://127.0.0.1:20080/");
    /** The test credentials every test server is given. */
    private static final TestSettings SETTINGS = TestSettings.fromTestCredentials();

    private static Setup on(Database database) {
        return new Setup(Path.of("landline-authenticator.war"), Path.of("work"), database, Path.of("servers"),
                SETTINGS);
    }

    @Test
    void onPostgresEveryVariableOfTheRecipeIsFilledInAndThePoolIsTheDefaultDatasource() throws Exception {
        var commands = PayaraServer.commands(on(new Database(Database.Kind.POSTGRES,
                "jdbc:postgresql://127.0.0.1:5432/landline_it_x", "postgres", "pw")), SECRETS, BASE);
        assertFalse(commands.lines().filter(line -> !line.startsWith("#")).anyMatch(line -> line.contains("${LANDLINE_")),
                commands);
        assertTrue(commands.contains("serverName=127.0.0.1:portNumber=5432:databaseName=landline_it_x"), commands);
        assertTrue(commands.contains("password=${ALIAS=landline-database-password}"), "Payara's own alias stays");
        assertTrue(commands.contains("set resources.jdbc-resource.jdbc/__default.pool-name=LandlinePostgres"));
        assertTrue(commands.lines().reduce((first, second) -> second).orElseThrow()
                .startsWith("deploy --contextroot / "), "the WAR is deployed last, once everything it needs is there");
    }

    @Test
    void onH2ThePostgresSectionIsLeftOutAndEverythingElseIsKept() throws Exception {
        var commands = PayaraServer.commands(on(new Database(Database.Kind.H2, "jdbc:h2:mem:x", "sa", "")), SECRETS,
                BASE);
        assertFalse(commands.contains("add-library"), commands);
        assertFalse(commands.contains("create-jdbc-connection-pool"), commands);
        assertFalse(commands.contains("jdbc/__default"), commands);
        assertTrue(commands.contains("create-password-alias --passwordfile /secure/landline/seed-key.alias"
                + " landline.seed-key"), commands);
        assertTrue(commands.contains("create-password-alias --passwordfile /secure/landline/signature-secret.alias"
                + " landline.vonage.signature-secret\n"), commands);
        assertTrue(commands.contains("create-password-alias --passwordfile /secure/landline/twilio-auth-token.alias"
                + " landline.twilio.auth-token\n"), "both providers' webhook secrets, each from its file");
        assertTrue(commands.contains("create-file-user --groups admin --passwordfile /secure/landline/admin.password "
                + SETTINGS.adminUser()), commands);
        var earlierKeys = commands.indexOf("landline.seed-key.previous");
        assertTrue(earlierKeys >= 0, commands);
        assertTrue(earlierKeys < commands.indexOf("create-password-alias --passwordfile /secure/landline/seed-key.alias"),
                "the test-only earlier keys come first, before the recipe's own commands");
        assertTrue(commands.contains("deploy --contextroot / "), commands);
    }

    @Test
    void theCommandsNameSecretFilesNeverTheSecretsThemselves() throws Exception {
        for (var database : new Database[] {new Database(Database.Kind.H2, "jdbc:h2:mem:x", "sa", ""),
                new Database(Database.Kind.POSTGRES, "jdbc:postgresql://127.0.0.1:5432/x", "postgres", "db-secret")}) {
            var commands = PayaraServer.commands(on(database), SECRETS, BASE);
            for (var secret : new String[] {SETTINGS.seedKey(), SETTINGS.pinPepper(), SETTINGS.signatureSecret(),
                    SETTINGS.twilioAuthToken(), SETTINGS.adminPassword(), SETTINGS.viewerPassword(), "db-secret"}) {
                assertFalse(commands.contains(secret), "a secret in the asadmin commands on " + database.kind());
            }
            for (var previous : (SETTINGS.seedKeyPrevious() + "," + SETTINGS.pinPepperPrevious()).split(",")) {
                assertFalse(commands.contains(previous), "an earlier key in the asadmin commands on " + database.kind());
            }
        }
    }

    @Test
    void aVariableNobodyFillsInIsAMistakeNotAnEmptyString() {
        assertThrows(IllegalStateException.class, () -> PayaraServer.substitute("deploy ${LANDLINE_WAR}", Map.of()));
    }
}
