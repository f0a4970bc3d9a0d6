package dev.landline.bench;

import dev.landline.accounts.control.Languages;
import dev.landline.accounts.control.PhoneNumbers;
import dev.landline.accounts.control.PinHasher;
import dev.landline.accounts.control.PinPolicy;
import dev.landline.accounts.control.SeedCipher;
import dev.landline.accounts.entity.Caller;
import dev.landline.accounts.entity.OtpAccount;
import dev.landline.codes.control.Algorithm;
import dev.landline.codes.control.OtpParameters;
import dev.landline.guard.entity.PinGuard;
import dev.landline.secrets.control.ServerKeys;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.spi.PersistenceProvider;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipFile;
import org.flywaydb.core.Flyway;

/**
 * A large population written straight into the database, for speed, through the app's own entities and code
 * (docs/benchmarks.md, "Flat cost"): the schema by the app's Flyway migrations, rows by its JPA entities on the
 * server's own EclipseLink (taken out of payara-micro.jar) in Java SE with the server stopped, seeds sealed by its
 * {@link SeedCipher} and PINs hashed by its {@link PinHasher} with the server's keys and iterations.
 * <p>
 * PINs: hashing 100,000 PINs at 600,000 PBKDF2 iterations would take hours, so only the callers the driver calls
 * ("active": every n-th caller, spread over the whole id range) get a PIN of their own with its own hash; every
 * other caller ("filler") stores one hash of one PIN computed once with the same parameters. Fillers are never
 * called by the driver; they are there for the lookups (numbers, account numbers, accounts). Every account has its
 * own random seed, sealed to its own row.
 */
final class Population {

    /** Callers per transaction. */
    private static final int BATCH = 500;

    private Population() {
    }

    /** Where the rows go: a JDBC URL with its user and password (the server's pool uses the same). */
    record Database(String url, String user, String password) {
    }

    /**
     * Writes {@code count} callers (1–12 accounts each, 6.5 on average) into an empty database; the returned data
     * set holds the {@code active} callers the driver may call (their PINs and seeds) and the total of accounts.
     */
    static DataSet generate(Database db, Path payaraMicro, Path work, String seedKey, String pepper, int iterations,
            int count, int active, long seed) throws Exception {
        Flyway.configure(Population.class.getClassLoader()).dataSource(db.url(), db.user(), db.password())
                .locations("classpath:db/migration").failOnMissingLocations(true).load().migrate();
        var keys = ServerKeys.of(seedKey, pepper);
        var hasher = new PinHasher(keys, iterations);
        var cipher = new SeedCipher(keys);
        var policy = new PinPolicy(6);
        int every = Math.max(1, count / Math.max(1, active));
        var random = new Random(seed);
        // the active callers' PINs, hashed two at a time (the costly part), and the one shared filler hash
        var pins = new HashMap<Integer, String>();
        for (int i = 0; i < count; i += every) {
            pins.put(i, pin(random, accountNumber(i), policy));
        }
        var pool = Executors.newFixedThreadPool(2);
        var hashes = new HashMap<Integer, Future<String>>();
        pins.forEach((i, pin) -> hashes.put(i, pool.submit(() -> hasher.hash(pin))));
        var fillerHash = pool.submit(() -> hasher.hash(pin(random, "0", policy)));
        var set = new DataSet();
        try (var loader = eclipseLink(payaraMicro, work)) {
            var emf = entityManagerFactory(loader, db);
            try {
                var now = OffsetDateTime.now(ZoneOffset.UTC);
                for (int from = 0; from < count; from += BATCH) {
                    var em = emf.createEntityManager();
                    em.getTransaction().begin();
                    for (int i = from; i < Math.min(count, from + BATCH); i++) {
                        var phone = PhoneNumbers.normalise(phone(i));
                        var pin = pins.get(i);
                        var caller = new Caller("Generated " + i, accountNumber(i),
                                pin != null ? hashes.get(i).get() : fillerHash.get(), List.of(phone),
                                Languages.DEFAULT, now);
                        em.persist(caller);
                        em.persist(new PinGuard(caller.id()));
                        int n = 1 + random.nextInt(12);
                        var known = new ArrayList<DataSet.Account>();
                        for (int a = 0; a < n; a++) {
                            var account = DataSet.randomAccount(random);
                            var row = new OtpAccount(caller, DataSet.ISSUERS[(i + a) % DataSet.ISSUERS.length],
                                    "generated" + i, parameters(account), now);
                            caller.addAccount(row);
                            em.persist(row);
                            cipher.seal(row, account.secret());
                            known.add(account);
                        }
                        set.accounts += n;
                        if (pin != null) {
                            set.callers.add(new DataSet.Caller(caller.id(), accountNumber(i), pin, phone,
                                    List.copyOf(known)));
                        }
                    }
                    em.getTransaction().commit();
                    em.close();
                }
            } finally {
                emf.close();
                Thread.currentThread().setContextClassLoader(Population.class.getClassLoader());
            }
        } finally {
            pool.shutdownNow();
        }
        return set;
    }

    static String accountNumber(int index) {
        return String.format("7%07d", index);
    }

    /** Distinct UK mobile numbers, as a person would type them. */
    static String phone(int index) {
        var digits = String.format("%09d", 700_000_000 + index);
        return "+44 7" + digits.substring(0, 3) + " " + digits.substring(3);
    }

    /** An 8-digit PIN the app's own policy accepts (no runs, no repeats, not the account number). */
    private static String pin(Random random, String accountNumber, PinPolicy policy) {
        for (int attempt = 0; attempt < 100; attempt++) {
            var pin = String.format("%08d", random.nextInt(100_000_000));
            try {
                policy.check(pin, accountNumber);
                return pin;
            } catch (RuntimeException refused) {
                // draw another
            }
        }
        throw new IllegalStateException("no acceptable PIN after 100 draws");
    }

    private static OtpParameters parameters(DataSet.Account account) {
        var algorithm = Algorithm.valueOf(account.algorithm());
        return account.totp() ? OtpParameters.totp(algorithm, account.digits(), account.period())
                : OtpParameters.hotp(algorithm, account.digits(), 0);
    }

    /** The server's own EclipseLink, from the Payara Micro the bench starts, in a loader of its own. */
    private static URLClassLoader eclipseLink(Path payaraMicro, Path work) throws IOException {
        var dir = work.resolve("eclipselink");
        Files.createDirectories(dir);
        var urls = new ArrayList<URL>();
        try (var zip = new ZipFile(payaraMicro.toFile())) {
            for (var name : List.of("org.eclipse.persistence.core.jar", "org.eclipse.persistence.jpa.jar",
                    "org.eclipse.persistence.jpa.jpql.jar", "org.eclipse.persistence.asm.jar")) {
                var entry = zip.getEntry("MICRO-INF/runtime/" + name);
                var target = dir.resolve(name);
                if (!Files.exists(target)) {
                    try (var in = zip.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                }
                urls.add(target.toUri().toURL());
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), Population.class.getClassLoader());
    }

    /** The app's persistence unit, in Java SE: local transactions on the given database, batched writes. */
    private static EntityManagerFactory entityManagerFactory(ClassLoader loader, Database db) throws Exception {
        Thread.currentThread().setContextClassLoader(loader);
        var provider = (PersistenceProvider) loader.loadClass("org.eclipse.persistence.jpa.PersistenceProvider")
                .getDeclaredConstructor().newInstance();
        Map<String, Object> properties = new HashMap<>();
        properties.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        properties.put("jakarta.persistence.jtaDataSource", "");
        properties.put("jakarta.persistence.jdbc.url", db.url());
        properties.put("jakarta.persistence.jdbc.user", db.user());
        properties.put("jakarta.persistence.jdbc.password", db.password());
        properties.put("eclipselink.classloader", loader);
        properties.put("eclipselink.jdbc.batch-writing", "JDBC");
        properties.put("eclipselink.jdbc.batch-writing.size", "1000");
        properties.put("eclipselink.logging.level", "WARNING");
        properties.put("eclipselink.target-server", "None");
        var emf = provider.createEntityManagerFactory("landline", properties);
        if (emf == null) {
            throw new IllegalStateException("EclipseLink found no persistence unit landline");
        }
        return emf;
    }
}
