package dev.landline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.landline.testkit.CodesHeard;
import dev.landline.testkit.Http;
import dev.landline.testkit.ReferenceOtp;
import dev.landline.testkit.VonagePlayer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rotates the PIN pepper and the seed key of the production WAR, started as the run command starts it, exactly as
 * docs/key-rotation.md tells an administrator: the current key moves to {@code *.previous} in
 * {@code server-keys.properties}, a new one takes its place, the server restarts, the seeds are re-encrypted from
 * the admin API, and the earlier keys are removed once nothing needs them. Every PIN and every code (checked
 * against {@link ReferenceOtp}) stays right before, during and after, across a crash in the middle.
 */
class KeyRotationIT {

    private static final String ADMIN = "admin:key-rotation-it-admin-password";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** One caller per seed: distinct seeds, so a code read from the wrong row would be caught. */
    private static final List<String> SEEDS = List.of("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
            "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU", "MFRGGZDFMZTWQ2LKMFRGGZDFMZTWQ2LK",
            "ONSWG4TFOQYTEMZUONSWG4TFOQYTEMZU", "NBSWY3DPO5XXE3DENBSWY3DPO5XXE3DE");
    private static final String PENDING_SEED = "GNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZD";

    @TempDir
    Path home;

    private Process server;
    private URI base;

    private record Person(long id, String phone, String pin, String seed) {
    }

    @AfterEach
    void stop() throws InterruptedException {
        stopServer(false);
    }

    @Test
    void rotatingThePepperAndTheSeedKeyLosesNoPinAndNoCodeEvenWhenTheServerDiesMidway() throws Exception {
        prepare();
        base = URI.create("http://127.0.0.1:" + ServerProcesses.freePort() + "/");
        start();
        var people = new ArrayList<Person>();
        for (int i = 0; i < SEEDS.size(); i++) {
            people.add(register(i));
        }
        var enrolment = pendingEnrolment(people.get(0).id());
        var before = keys();
        var oldSeedKey = current(before, "seedKeys");
        var oldPepper = current(before, "peppers");
        assertEquals(SEEDS.size() + 1, rows(before, "seedKeys", oldSeedKey));
        assertEquals(SEEDS.size(), rows(before, "peppers", oldPepper));

        stopServer(false);
        var versionsBefore = versions();
        rotate("landline.seed-key");
        rotate("landline.pin-pepper");
        start();

        var rotated = keys();
        var newPepper = current(rotated, "peppers");
        assertFalse(newPepper.equals(oldPepper) || current(rotated, "seedKeys").equals(oldSeedKey));
        assertEquals(SEEDS.size() + 1, rotated.getJsonNumber("seedsToReencrypt").longValue());
        assertEquals(SEEDS.size(), rows(rotated, "peppers", oldPepper), "nothing is rehashed before a call");
        // before the re-encryption: every old PIN works, every code is right, and each PIN is rehashed at once
        for (int i = 0; i < 3; i++) {
            callAndHearTheCode(people.get(i));
            assertEquals(SEEDS.size() - 1 - i, rows(keys(), "peppers", oldPepper), "rehashed after its first success");
            assertEquals(1 + i, rows(keys(), "peppers", newPepper));
        }
        assertPreviewCodeIsRight(people.get(0).id(), enrolment);

        // during: one pass of 3 rows, then the server dies without warning
        var partial = reencrypt("?rows=3");
        assertEquals(3, partial.getInt("resealed"));
        assertFalse(partial.getBoolean("complete"));
        assertEquals(SEEDS.size() + 1 - 3, partial.getJsonObject("keys").getJsonNumber("seedsToReencrypt").longValue());
        callAndHearTheCode(people.get(3));
        // H2, the run command's database, writes what was committed to its file within a second (WRITE_DELAY): a
        // kill sooner loses the last commits. That would be harmless here (a row simply stays under the earlier key,
        // a hash under the earlier pepper, and the next pass or call redoes it) but would make the counts vary.
        Thread.sleep(3_000);
        stopServer(true);

        // the earlier keys removed too early: not ready, naming the count, yet what is resealed still reads right
        var ring = Files.readString(keysFile());
        forget("landline.seed-key.previous");
        forget("landline.pin-pepper.previous");
        start(false);
        var ready = Http.send("GET", base.resolve("health/ready"), null, null, null);
        assertEquals(503, ready.statusCode(), ready::body);
        var storedKeys = Http.object(ready).getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals("stored-keys")).findFirst().orElseThrow();
        assertEquals("DOWN", storedKeys.getString("status"), ready::body);
        // MicroProfile Health data: a number, or its text on servers that send every value as a string
        var missing = storedKeys.getJsonObject("data").get("seedsUnderMissingKeys");
        assertEquals(String.valueOf(SEEDS.size() + 1 - 3), missing instanceof jakarta.json.JsonString text
                ? text.getString() : missing.toString(), ready::body);
        callAndHearTheCode(people.get(0));
        assertEquals(2, rows(keys(), "peppers", oldPepper), "two callers' hashes name the removed pepper");
        var locked = VonagePlayer.dial(base, people.get(5).phone(), "442079460000").press(people.get(5).pin() + "#");
        locked.assertNoCodeHeard(people.get(5).seed()); // a hash whose pepper is gone matches nothing
        stopServer(false);

        // the ring put back: the re-encryption resumes where it stopped and finishes
        Files.writeString(keysFile(), ring);
        start();
        var keysAfterCrash = keys();
        assertEquals(SEEDS.size() + 1 - 3, keysAfterCrash.getJsonNumber("seedsToReencrypt").longValue(),
                "nothing was lost or undone by the crash");
        callAndHearTheCode(people.get(4));
        // two workers at once, a row at a time, as two nodes would: each row is sealed again exactly once
        var workers = Executors.newFixedThreadPool(2);
        try {
            var results = workers.invokeAll(List.<Callable<Integer>>of(this::reencryptToTheEnd,
                    this::reencryptToTheEnd));
            int resealed = 0;
            for (var result : results) {
                resealed += result.get();
            }
            assertEquals(SEEDS.size() + 1 - 3, resealed, "every row left was sealed again once, none twice");
        } finally {
            workers.shutdownNow();
        }
        var done = keys();
        assertEquals(0, done.getJsonNumber("seedsToReencrypt").longValue());
        assertTrue(removable(done, "seedKeys", oldSeedKey), done::toString);
        assertEquals(0, reencrypt("").getInt("resealed"), "a second run has nothing left to do");
        callAndHearTheCode(people.get(5));
        assertEquals(0, rows(keys(), "peppers", oldPepper));
        assertTrue(removable(keys(), "peppers", oldPepper));

        // after: the earlier keys removed, everything still opens and verifies, and the service is ready
        stopServer(false);
        // each re-encrypted row moved its entity's version on, so an entity loaded before the re-encryption and
        // saved after it fails its optimistic check instead of writing back the earlier key's ciphertext
        var versionsAfter = versions();
        assertEquals(versionsBefore.keySet(), versionsAfter.keySet());
        versionsBefore.forEach((row, version) -> assertTrue(versionsAfter.get(row) > version,
                row + ": version " + version + " before, " + versionsAfter.get(row) + " after the re-encryption"));
        forget("landline.seed-key.previous");
        forget("landline.pin-pepper.previous");
        start();
        for (var person : people) {
            callAndHearTheCode(person);
        }
        assertPreviewCodeIsRight(people.get(0).id(), enrolment);
        var last = keys();
        assertEquals(1, last.getJsonArray("seedKeys").size(), last::toString);
        assertEquals(1, last.getJsonArray("peppers").size(), last::toString);
    }

    /** The version column of every account and pending enrolment, read from the stopped server's H2 files. */
    private java.util.Map<String, Long> versions() throws java.sql.SQLException {
        var versions = new java.util.TreeMap<String, Long>();
        try (var connection = java.sql.DriverManager.getConnection("jdbc:h2:" + home.resolve("db").resolve("landline"),
                "sa", "landline"); var statement = connection.createStatement()) {
            for (var table : List.of("otp_account", "enrolment")) {
                try (var rows = statement.executeQuery("select id, version from " + table)) {
                    while (rows.next()) {
                        versions.put(table + " " + rows.getString(1), rows.getLong(2));
                    }
                }
            }
        }
        assertEquals(SEEDS.size() + 1, versions.size(), versions::toString);
        return versions;
    }

    private Person register(int index) {
        var phone = "4477009002" + (10 + index);
        var pin = "8" + (40261 + index * 1111);
        var created = Http.send("POST", base.resolve("api/callers"), "application/json", "{\"name\":\"P" + index
                + "\",\"accountNumber\":\"70" + (10 + index) + "\",\"pin\":\"" + pin + "\",\"phoneNumbers\":[\"+"
                + phone + "\"]}", ADMIN);
        assertEquals(201, created.statusCode(), created::body);
        long id = Http.object(created).getJsonNumber("id").longValue();
        var added = Http.send("POST", base.resolve("api/callers/" + id + "/accounts"), "application/json",
                "{\"uri\":\"otpauth://totp/Site" + index + ":p" + index + "?secret=" + SEEDS.get(index) + "\"}", ADMIN);
        assertEquals(201, added.statusCode(), added::body);
        return new Person(id, phone, pin, SEEDS.get(index));
    }

    private String pendingEnrolment(long callerId) {
        var started = Http.send("POST", base.resolve("api/callers/" + callerId + "/enrolments"), "application/json",
                "{\"uri\":\"otpauth://totp/Pending:p?secret=" + PENDING_SEED + "\"}", ADMIN);
        assertEquals(201, started.statusCode(), started::body);
        return Http.object(started).getString("id");
    }

    private void assertPreviewCodeIsRight(long callerId, String enrolment) {
        var preview = Http.send("GET", base.resolve("api/callers/" + callerId + "/enrolments/" + enrolment), null,
                null, ADMIN);
        assertEquals(200, preview.statusCode(), preview::body);
        var code = Http.object(preview).getJsonArray("accounts").getJsonObject(0).getString("code");
        assertTrue(codesNow(PENDING_SEED).contains(code), "the pending enrolment's seed opens: " + code);
    }

    private void callAndHearTheCode(Person person) {
        VonagePlayer.dial(base, person.phone(), "442079460000").press(person.pin() + "#")
                .assertHeardCodeOf(person.seed());
    }

    /** The seed's codes (SHA-1, 6 digits, 30 s) in the step of now and the steps next to it. */
    private static Set<String> codesNow(String seed) {
        var key = ReferenceOtp.base32(seed);
        long step = Instant.now().getEpochSecond() / 30;
        return CodesHeard.around(counter -> ReferenceOtp.hotp(key, counter, 6, "HmacSHA1"), step, 1);
    }

    private JsonObject keys() {
        var response = Http.send("GET", base.resolve("api/keys"), null, null, ADMIN);
        assertEquals(200, response.statusCode(), response::body);
        return Http.object(response);
    }

    private JsonObject reencrypt(String query) {
        var response = Http.send("POST", base.resolve("api/keys/re-encryption" + query), "application/json", "{}",
                ADMIN);
        assertEquals(200, response.statusCode(), response::body);
        return Http.object(response);
    }

    /** Runs one-row passes until one says it looked at every row; how many rows this worker sealed again. */
    private int reencryptToTheEnd() {
        int resealed = 0;
        for (int pass = 0; pass < 100; pass++) {
            var result = reencrypt("?rows=1");
            resealed += result.getInt("resealed");
            if (result.getBoolean("complete")) {
                return resealed;
            }
        }
        throw new AssertionError("the re-encryption did not finish in 100 passes");
    }

    private static String current(JsonObject keys, String ring) {
        return keys.getJsonArray(ring).getValuesAs(JsonObject.class).stream().filter(k -> k.getBoolean("current"))
                .findFirst().orElseThrow().getString("id");
    }

    private static long rows(JsonObject keys, String ring, String id) {
        return keys.getJsonArray(ring).getValuesAs(JsonObject.class).stream().filter(k -> k.getString("id").equals(id))
                .mapToLong(k -> k.getJsonNumber("rows").longValue()).sum();
    }

    private static boolean removable(JsonObject keys, String ring, String id) {
        return keys.getJsonArray(ring).getValuesAs(JsonObject.class).stream()
                .anyMatch(k -> k.getString("id").equals(id) && k.getBoolean("removable"));
    }

    /** The recipe's first step: the current key becomes an earlier one, a new random key becomes current. */
    private void rotate(String name) throws IOException {
        var properties = load();
        properties.setProperty(name + ".previous", properties.getProperty(name));
        var fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        properties.setProperty(name, Base64.getEncoder().encodeToString(fresh));
        store(properties);
    }

    /** The recipe's last step, once GET /api/keys says no row needs the earlier key. */
    private void forget(String name) throws IOException {
        var properties = load();
        properties.remove(name);
        store(properties);
    }

    private Path keysFile() {
        return home.resolve("server-keys.properties");
    }

    private Properties load() throws IOException {
        var properties = new Properties();
        try (var in = Files.newInputStream(keysFile())) {
            properties.load(in);
        }
        return properties;
    }

    private void store(Properties properties) throws IOException {
        try (var out = Files.newOutputStream(keysFile())) {
            properties.store(out, null);
        }
    }

    private void prepare() throws Exception {
        ServerProcesses.prepareRunCommandHome(home, ADMIN.substring("admin:".length()));
    }

    private void start() throws Exception {
        start(true);
    }

    /** Starts the run command's server; waits until it is ready, or only until it answers when not expected so. */
    private void start(boolean ready) throws Exception {
        server = ServerProcesses.startAsRunCommand(home, base.getPort());
        ServerProcesses.awaitUp(server, home.resolve("server.log"), Duration.ofSeconds(180),
                () -> {
                    var health = Http.send("GET", base.resolve("health/ready"), null, null, null).statusCode();
                    return Http.send("GET", base.resolve("api/keys"), null, null, ADMIN).statusCode() == 200
                            && (health == 200 || !ready && health == 503);
                });
    }

    /** Stops the server: politely, or killed at once like a crash. */
    private void stopServer(boolean crash) throws InterruptedException {
        ServerProcesses.stop(server, crash);
        server = null;
    }
}
