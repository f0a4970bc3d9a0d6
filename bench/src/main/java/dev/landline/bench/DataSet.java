package dev.landline.bench;

import dev.landline.testkit.AdminClient;
import dev.landline.testkit.Http;
import dev.landline.testkit.ReferenceOtp;
import jakarta.json.Json;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The enrolled population, made through the admin API like an operator would: callers with 1–12 accounts each,
 * mostly TOTP SHA-1/6/30 (what nearly every issuer hands out), some SHA-256/8, SHA-512/8 with 60 s, SHA-1/7 and
 * HOTP. Seeds are random; the driver keeps them to check the codes it hears.
 */
final class DataSet {

    static final String[] ISSUERS = {"GitHub", "Gmail", "Dropbox", "AWS", "Azure", "GitLab", "Slack", "PayPal",
        "Stripe", "Okta", "Twitter", "Discord", "Reddit", "Atlassian", "Heroku", "DigitalOcean", "Cloudflare",
        "Proton", "Bitwarden", "Namecheap"};

    /** One OTP account as the driver knows it. */
    record Account(String type, String algorithm, int digits, int period, byte[] secret) {

        boolean totp() {
            return type.equals("totp");
        }
    }

    /** One enrolled caller. */
    record Caller(long id, String accountNumber, String pin, String phone, List<Account> accounts) {
    }

    final List<Caller> callers = new ArrayList<>();
    int accounts;

    static Account randomAccount(Random random) {
        int roll = random.nextInt(100);
        if (roll < 70) {
            return new Account("totp", "SHA1", 6, 30, bytes(random, 20));
        } else if (roll < 80) {
            return new Account("totp", "SHA256", 8, 30, bytes(random, 32));
        } else if (roll < 85) {
            return new Account("totp", "SHA512", 8, 60, bytes(random, 64));
        } else if (roll < 90) {
            return new Account("totp", "SHA1", 7, 30, bytes(random, 20));
        }
        return new Account("hotp", "SHA1", 6, 30, bytes(random, 20));
    }

    /** Enrols {@code count} callers, {@code threads} admin requests at a time (each caller costs a PIN hash). */
    static DataSet enrol(URI base, String adminCredentials, int count, int threads, long seed) throws Exception {
        var admin = new AdminClient(base, adminCredentials);
        var set = new DataSet();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            var futures = new ArrayList<Future<Caller>>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> enrolOne(admin, index, new Random(seed * 31 + index))));
            }
            for (var future : futures) {
                var caller = future.get();
                set.callers.add(caller);
                set.accounts += caller.accounts().size();
            }
        } finally {
            pool.shutdownNow();
        }
        return set;
    }

    private static Caller enrolOne(AdminClient admin, int index, Random random) {
        var accountNumber = String.format("7%07d", index);
        var phone = String.format("+44 7700 9%05d", index);
        String pin = null;
        long id = -1;
        for (int attempt = 0; attempt < 10 && id < 0; attempt++) {
            pin = String.format("%08d", random.nextInt(100_000_000));
            var response = admin.createCaller(AdminClient.callerJson("Bench " + index, accountNumber, pin,
                    List.of(phone)));
            if (response.statusCode() == 201) {
                id = Http.object(response).getJsonNumber("id").longValue();
            } else if (response.statusCode() != 400) {
                throw new IllegalStateException("enrolling a caller: HTTP " + response.statusCode() + " "
                        + response.body());
            } // 400: the random PIN broke a PIN rule (a run, a repeat): draw another
        }
        if (id < 0) {
            throw new IllegalStateException("no acceptable PIN after 10 draws");
        }
        int n = 1 + random.nextInt(12);
        var accounts = new ArrayList<Account>();
        for (int i = 0; i < n; i++) {
            var account = randomAccount(random);
            var body = Json.createObjectBuilder().add("issuer", ISSUERS[(index + i) % ISSUERS.length])
                    .add("label", "bench" + index).add("secret", ReferenceOtp.base32(account.secret()))
                    .add("type", account.type()).add("algorithm", account.algorithm()).add("digits", account.digits());
            if (account.totp()) {
                body.add("period", account.period());
            } else {
                body.add("counter", 0);
            }
            var response = admin.addAccount(id, body.build().toString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("adding an account: HTTP " + response.statusCode() + " "
                        + response.body());
            }
            accounts.add(account);
        }
        return new Caller(id, accountNumber, pin, phone.replaceAll("[^0-9]", ""), List.copyOf(accounts));
    }

    private static byte[] bytes(Random random, int n) {
        var b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
