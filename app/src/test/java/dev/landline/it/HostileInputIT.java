package dev.landline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.landline.testkit.Http;
import dev.landline.testkit.NccoRules;
import dev.landline.testkit.ReferenceOtp;
import dev.landline.testkit.VonagePlayer;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hostile input against the running server: thousands of generated malformed webhooks, and full calls with
 * canary secrets followed by a scan of everything the server logged.
 */
class HostileInputIT extends OnPayaraMicro {

    /** Generated requests; -Dlandline.fuzz.requests=10000 (or more) for the full run. */
    private static final int FUZZ_REQUESTS = Integer.getInteger("landline.fuzz.requests", 2_000);
    private static final String[] CONTENT_TYPES = {"application/json", "application/json; charset=UTF-8",
        "text/plain", "application/xml", "application/x-www-form-urlencoded", null, "application/problem+json",
        "multipart/form-data; boundary=x", "application/json; charset=ISO-8859-1", "*/*"};
    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"};


    @Test
    void malformedWebhooksGetOnlyNccosOrProblemsAndChangeNothingButTheAudit() {
        var phone = Fixtures.uniquePhone();
        var caller = fixtures.caller("Fuzz", Fixtures.uniqueAccountNumber(), "480261", phone);
        fixtures.account(caller, "GitHub", "fuzz", ReferenceOtp.RFC_SECRET);
        // one step in, so the call has its row and the fuzz aims at a stored step token
        var live = VonagePlayer.dial(base, phone, "442079460000").silence();
        var liveUrl = URI.create(live.eventUrl());

        var before = withoutAudit(fixtures.counts());
        var random = new Random(20261125L);
        var statuses = new java.util.TreeMap<Integer, Integer>();
        for (int i = 0; i < FUZZ_REQUESTS; i++) {
            var request = generate(random, liveUrl, live.uuid);
            HttpResponse<String> response;
            try {
                response = request.signed
                        ? Http.webhook(request.method, request.uri, request.contentType, request.body)
                        : Http.send(request.method, request.uri, request.contentType, request.body, null);
            } catch (java.io.UncheckedIOException e) {
                throw new AssertionError("no answer to request " + i + ": " + request.method + " " + request.uri.getPath()
                        + " [" + request.contentType + "] signed=" + request.signed + " body "
                        + (request.body == null ? "none" : request.body.length() + " chars: "
                        + abbreviate(request.body)), e);
            }
            statuses.merge(response.statusCode(), 1, Integer::sum);
            assertAcceptable(request, response);
        }
        assertEquals(before, withoutAudit(fixtures.counts()), "the database is unchanged except for audit: " + statuses);
        assertTrue(statuses.keySet().stream().allMatch(s -> s < 500), statuses.toString());

        var after = VonagePlayer.dial(base, phone, "442079460000").press("480261#");
        after.assertHeardCodeOf(ReferenceOtp.RFC_SECRET); // calls still work after the fuzzing
    }

    @Test
    void secretsNeverReachTheServerLog() {
        var secret = "KRUGS4ZANFZSAYJAMNQW4YLSPEQHGZLFMQQGMZLMNRXXOIBB";
        var raw = ReferenceOtp.base32(secret);
        var pin = "731946";
        var account = "90817263";
        var phone = Fixtures.uniquePhone();
        var at = Instant.parse("2026-05-05T05:05:05Z");
        fixtures.clockAt(at);
        var caller = fixtures.caller("Canary", account, pin, phone);
        fixtures.account(caller, "Canary Bank", "canary", secret);
        var pinChange = Http.admin("PUT", base.resolve("api/callers/" + caller + "/pin"), "{\"pin\":\"123456\"}");
        assertEquals(400, pinChange.statusCode());

        var tokens = new ArrayList<String>();
        var known = VonagePlayer.dial(base, phone, "442079460000");
        tokens.add(known.eventUrl());
        known.press("111222#");
        tokens.add(known.eventUrl());
        known.press(pin + "#");
        var code = known.spokenCodes().get(0);
        assertEquals(ReferenceOtp.totp(raw, at, 30, 6, "HmacSHA1"), code);
        var unknown = VonagePlayer.dial(base, Fixtures.uniquePhone(), "442079460000");
        tokens.add(unknown.eventUrl());
        unknown.pressLegacy(account + "#").pressLegacy(pin + "#");
        Http.webhook("POST", URI.create(tokens.get(0)), "application/json",
                "{\"uuid\":\"" + known.uuid + "\",\"dtmf\":\"" + pin + "\"}");
        Http.webhook("POST", base.resolve("webhooks/answer"), "application/json",
                "{\"uuid\":\"" + pin + "x!\",\"from\":\"" + phone + "\"}");

        var logs = Http.send("GET", base.resolve("test-support/logs"), null, null, null).body();
        assertTrue(logs.contains("audit PIN ACCEPTED"), "the log capture works: " + logs.length() + " chars");
        var canaries = new ArrayList<>(List.of(pin, "111222", account, code, secret, secret.toLowerCase(),
                HexFormat.of().formatHex(raw), java.util.Base64.getEncoder().encodeToString(raw),
                new String(raw, StandardCharsets.ISO_8859_1), phone,
                "aXQtb25seSBzZWVkIGtleSwgMzIgYnl0ZXMgbG9uZyE=", "aXQtb25seSBQSU4gcGVwcGVyLCAzMiBieXRlcyBsb25n"));
        tokens.forEach(t -> canaries.add(t.substring(t.lastIndexOf('/') + 1)));
        for (var canary : canaries) {
            assertFalse(logs.contains(canary), "a secret reached the server log: " + describe(canary, logs));
        }
    }

    private record FuzzRequest(String method, URI uri, String contentType, String body, boolean signed) {
    }

    private FuzzRequest generate(Random random, URI liveUrl, String liveUuid) {
        int target = random.nextInt(4);
        String path = switch (target) {
            case 0 -> "webhooks/answer";
            case 1 -> "webhooks/event";
            case 2 -> "webhooks/input/" + randomToken(random);
            default -> liveUrl.getPath().substring(base.getPath().length());
        };
        var method = random.nextInt(4) == 0 ? METHODS[random.nextInt(METHODS.length)] : (target == 0 && random.nextBoolean() ? "GET" : "POST");
        var contentType = random.nextInt(3) == 0 ? CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)] : "application/json";
        var body = malformedBody(random, target == 3 ? liveUuid : null, target == 0);
        var query = "";
        if (!method.equals("POST") && !method.equals("PUT") && !method.equals("PATCH")) {
            // over HTTP/1.1 Payara's HTTP listener itself answers a bare 400, before the application, when a GET,
            // DELETE or OPTIONS carries a body: such requests are the server's business, not ours
            body = null;
        }
        if (method.equals("GET")) {
            query = "?" + malformedQuery(random);
        }
        return new FuzzRequest(method, base.resolve(path + query), body == null ? null : contentType, body,
                random.nextInt(5) != 0);
    }

    /**
     * JSON that is broken, oversized, of the wrong shape or type, or whose uuid is missing or invalid. For the answer
     * webhook only the cases that break the JSON or the uuid: a garbled dtmf field means nothing to it, so such a
     * body would be a well-formed call.
     */
    private static String malformedBody(Random random, String liveUuid, boolean forAnswer) {
        var uuid = liveUuid != null ? liveUuid : "abc-" + random.nextInt(1000);
        var valid = "{\"uuid\":\"" + uuid + "\",\"dtmf\":{\"digits\":\"1234\",\"timed_out\":false},\"to\":\"4420\"}";
        int[] answerCases = {0, 2, 3, 4, 7, 8, 9, 10, 11, 12, 13};
        int pick = forAnswer ? answerCases[random.nextInt(answerCases.length)] : random.nextInt(14);
        return switch (pick) {
            case 0 -> valid.substring(0, random.nextInt(valid.length()));
            case 1 -> flip(random, valid);
            case 2 -> "{\"uuid\":\"" + uuid + "\",\"pad\":\"" + "x".repeat(16_384 + random.nextInt(100_000)) + "\"}";
            case 3 -> "[" + valid + "]";
            case 4 -> "{\"uuid\":" + randomJsonValue(random) + "}";
            case 5 -> "{\"uuid\":\"" + uuid + "\",\"dtmf\":" + randomJsonValue(random) + "}";
            case 6 -> "{\"uuid\":\"" + uuid + "\",\"dtmf\":{\"digits\":" + randomJsonValue(random) + "}}";
            case 7 -> "{\"dtmf\":{\"digits\":\"1234\"}}";
            case 8 -> "{\"uuid\":\"" + "１２３-٤٥" + random.nextInt(9) + "\"}";
            case 9 -> "{\"uuid\":\"" + "a".repeat(65 + random.nextInt(200)) + "\"}";
            case 10 -> "{\"uuid\":\"" + uuid + "\",\"from\":" + randomJsonValue(random).replace("\"", "") + "}";
            case 11 -> randomBytes(random);
            case 12 -> "{\"uuid\":\"" + uuid + "\"}} trailing";
            default -> "";
        };
    }

    private static String malformedQuery(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> "from=447700900000&to=4420";
            case 1 -> "uuid=" + URLEncoder.encode("bad uuid ٤٥", StandardCharsets.UTF_8);
            case 2 -> "uuid=" + "b".repeat(65 + random.nextInt(50));
            case 3 -> "uuid=&from=&to=";
            case 4 -> "uuid=%E2%28%A1";
            default -> "uuid=ok-" + random.nextInt(100) + "&from=" + "4".repeat(70);
        };
    }

    private static String randomJsonValue(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> String.valueOf(random.nextLong());
            case 1 -> "[1,\"2\",null]";
            case 2 -> "{\"nested\":{\"deeper\":[true]}}";
            case 3 -> "true";
            case 4 -> "1e999";
            case 5 -> "\"\\u0000\\ud800\"";
            default -> "[" .repeat(50) + "]".repeat(50);
        };
    }

    private static String flip(Random random, String text) {
        var chars = text.toCharArray();
        for (int i = 0; i < 1 + random.nextInt(4); i++) {
            var junk = "{}[]\":,\\x\u0000é";
            chars[random.nextInt(chars.length)] = junk.charAt(random.nextInt(junk.length()));
        }
        var result = new String(chars);
        return result.equals(text) ? result + "}" : result;
    }

    private static String randomBytes(Random random) {
        var bytes = new byte[1 + random.nextInt(300)];
        random.nextBytes(bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static String randomToken(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> "A".repeat(43);
            case 1 -> "short";
            case 2 -> "x".repeat(500);
            default -> Long.toHexString(random.nextLong()) + "_-" + random.nextInt();
        };
    }

    private static void assertAcceptable(FuzzRequest request, HttpResponse<String> response) {
        var status = response.statusCode();
        var type = response.headers().firstValue("Content-Type").orElse("");
        var what = request.method + " " + request.uri.getPath() + " [" + request.contentType + "] -> " + status + " "
                + type + ": " + abbreviate(response.body());
        assertFalse(response.body().contains("Exception") || response.body().contains("\tat ")
                || response.body().contains("<html"), "no stack trace or error page: " + what);
        if (status >= 200 && status < 300) {
            if (status == 204) {
                return;
            }
            assertTrue(type.startsWith("application/json"), what);
            assertEquals(List.of(), NccoRules.problems(response.body()), what);
        } else {
            assertTrue(status >= 400 && status < 500, what);
            assertTrue(type.startsWith("application/problem+json"), what);
            assertEquals(status, ((JsonObject) Http.parse(response.body())).getInt("status"), what);
        }
    }

    private static JsonObject withoutAudit(JsonObject counts) {
        var builder = jakarta.json.Json.createObjectBuilder(counts);
        builder.remove("audit_event");
        return builder.build();
    }

    private static String describe(String canary, String logs) {
        int at = logs.indexOf(canary);
        return "…" + logs.substring(Math.max(0, at - 200), Math.min(logs.length(), at + 50)) + "…";
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
