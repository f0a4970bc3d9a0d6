package dev.landline.accounts.control;

import dev.landline.secrets.control.ServerKeys;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Which keys the stored rows need: sealed seeds (accounts and pending enrolments) per seed key id, PIN hashes per
 * pepper id, each marked current, earlier (configured) or missing. This is what says when an earlier key may be
 * removed (no row needs it any more) and which rows a removed key has made unusable. Ids are public fingerprints.
 * Created at startup, so that its data source is injected during deployment even when the first to ask is the
 * readiness check on WildFly's management thread, which has no {@code java:comp}.
 */
@ApplicationScoped
public class KeyUsage {

    /** One key id and how many stored rows need it. */
    public record Use(String keyId, boolean current, boolean configured, long rows) {

        /** An earlier key no row needs any more: it may be removed from the configuration. */
        public boolean removable() {
            return configured && !current && rows == 0;
        }
    }

    /** Every seed key and pepper that is configured or still named by a row. */
    public record Usage(List<Use> seedKeys, List<Use> peppers) {

        /** Sealed seeds not under the current key that can be opened (re-encryption will seal them again). */
        public long seedsToReencrypt() {
            return seedKeys.stream().filter(use -> use.configured() && !use.current()).mapToLong(Use::rows).sum();
        }

        /** Sealed seeds whose key is not configured: they do not open until that key is configured again. */
        public long seedsUnderMissingKeys() {
            return seedKeys.stream().filter(use -> !use.configured()).mapToLong(Use::rows).sum();
        }

        /** PIN hashes whose pepper is not configured: those callers cannot sign in until given a new PIN. */
        public long pinsUnderMissingPeppers() {
            return peppers.stream().filter(use -> !use.configured()).mapToLong(Use::rows).sum();
        }
    }

    static final String NOT_A_PIN_HASH = "(not a PIN hash)";
    private static final String PEPPER_COUNTS = "select pepper_id, count(*) from (select case when pin_hash like '"
            + PinHasher.SCHEME + "$%$%$%$%' and pin_hash not like '%$%$%$%$%$%' and pin_hash not like '%$'"
            + " then regexp_replace(pin_hash, '^.*[$]', '') end as pepper_id from caller) hashes group by pepper_id";

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Inject
    ServerKeys keys;

    void createdWithTheApplicationsNaming(@Observes Startup startup) {
        // nothing to do: observing Startup creates this bean, and injects its data source, during deployment
    }

    /**
     * Every count, aggregated by the database with plain JDBC (three aggregate reads over all accounts, enrolments
     * and callers, no transaction, no entity loaded): for the admin keys page, on demand. Too dear for a probe; the
     * readiness check asks {@link #seedsUnderMissingKeys()} alone.
     */
    public Usage now() {
        var seedRows = new LinkedHashMap<String, Long>();
        var pepperRows = new LinkedHashMap<String, Long>();
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            for (var table : List.of("otp_account", "enrolment_account")) {
                try (var rows = statement.executeQuery("select key_id, count(*) from " + table + " group by key_id")) {
                    while (rows.next()) {
                        seedRows.merge(rows.getString(1), rows.getLong(2), Long::sum);
                    }
                }
            }
            pepperRows.putAll(pepperCounts(statement));
        } catch (SQLException e) {
            throw new KeyCountsUnavailable(e.getSQLState());
        }
        return new Usage(uses(keys.seedKeyIds(), seedRows), uses(keys.pepperIds(), pepperRows));
    }

    /**
     * Sealed seeds whose key is not configured, with work bounded by the number of distinct stored key ids, not by
     * the number of accounts: the ids are read from the key_id index (V7), and only the rows under
     * an id that is not configured are counted (an index range, empty unless a key was removed too early). This is
     * all the readiness check decides on; {@link #now()} keeps the full counts for the admin keys page.
     */
    public long seedsUnderMissingKeys() {
        var configured = keys.seedKeyIds();
        try (var connection = dataSource.getConnection()) {
            return seedsUnderMissingKeys(connection, configured);
        } catch (SQLException e) {
            throw new KeyCountsUnavailable(e.getSQLState());
        }
    }

    static long seedsUnderMissingKeys(Connection connection, List<String> configured) throws SQLException {
        long missing = 0;
        for (var table : List.of("otp_account", "enrolment_account")) {
            for (var id : storedKeyIds(connection, table)) {
                if (!configured.contains(id)) {
                    try (var count = connection.prepareStatement("select count(*) from " + table + " where key_id = ?")) {
                        count.setString(1, id);
                        try (var rows = count.executeQuery()) {
                            rows.next();
                            missing += rows.getLong(1);
                        }
                    }
                }
            }
        }
        return missing;
    }

    /**
     * The distinct key ids of a table, from its key_id index (V7) without reading every row. H2 does that for a
     * plain {@code select distinct} of an indexed column (its plan says {@code distinct}) but, on a strict
     * {@code key_id > ?}, steps through every row equal to the bound; PostgreSQL (15) answers {@code select
     * distinct} by reading the whole table but seeks past the bound. Both forms are correct on both; each database
     * gets the one it answers from the index.
     */
    static List<String> storedKeyIds(Connection connection, String table) throws SQLException {
        return "H2".equals(connection.getMetaData().getDatabaseProductName())
                ? distinctKeyIds(connection, table) : walkedKeyIds(connection, table);
    }

    static List<String> distinctKeyIds(Connection connection, String table) throws SQLException {
        var ids = new ArrayList<String>();
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("select distinct key_id from " + table)) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        ids.sort(null);
        return ids;
    }

    /** A loose index scan: the smallest id, then the smallest above the last one found, one seek each. */
    static List<String> walkedKeyIds(Connection connection, String table) throws SQLException {
        var ids = new ArrayList<String>();
        try (var first = connection.prepareStatement("select key_id from " + table
                + " order by key_id fetch first 1 rows only");
                var next = connection.prepareStatement("select key_id from " + table
                        + " where key_id > ? order by key_id fetch first 1 rows only")) {
            var query = first;
            while (true) {
                try (var rows = query.executeQuery()) {
                    if (!rows.next()) {
                        return ids;
                    }
                    ids.add(rows.getString(1));
                }
                next.setString(1, ids.get(ids.size() - 1));
                query = next;
            }
        }
    }

    /**
     * PIN hashes per pepper id, counted by the database (one row per pepper, whatever the number of callers; no
     * hash leaves the database). The id is what follows the last {@code $} of a hash of this scheme with its five
     * parts, as {@link PinHasher#pepperIdOf} reads it; anything else is counted as "(not a PIN hash)". Portable SQL
     * (H2 2.x, PostgreSQL 15): {@code like} and an anchored {@code regexp_replace}, which both replace once.
     */
    static Map<String, Long> pepperCounts(Statement statement) throws SQLException {
        var counts = new LinkedHashMap<String, Long>();
        try (var rows = statement.executeQuery(PEPPER_COUNTS)) {
            while (rows.next()) {
                var id = rows.getString(1);
                counts.merge(id == null ? NOT_A_PIN_HASH : id, rows.getLong(2), Long::sum);
            }
        }
        return counts;
    }

    static List<Use> uses(List<String> configured, Map<String, Long> rows) {
        var uses = new ArrayList<Use>();
        for (int i = 0; i < configured.size(); i++) {
            var id = configured.get(i);
            uses.add(new Use(id, i == 0, true, rows.getOrDefault(id, 0L)));
        }
        rows.forEach((id, count) -> {
            if (!configured.contains(id)) {
                uses.add(new Use(id, false, false, count));
            }
        });
        return List.copyOf(uses);
    }
}
