package dev.landline.accounts.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Whose usual number a call comes from: one indexed read of two columns, straight over JDBC on the persistence
 * unit's data source: no entity, no persistence context, no query object. The answer webhook, its one caller, runs
 * it on every call and writes nothing; through JPA (a named query: EclipseLink's query objects and its own connection
 * handling around the pool's) the whole answer cost 8–10 % more CPU, side by side (issue 15, docs/benchmarks.md).
 * Not {@code @Transactional}: outside a transaction, as on the answer, the pool's connection reads in auto-commit;
 * inside one it joins it. The tables are the ones the schema's migrations create for {@code Caller} ({@code caller},
 * and its numbers in {@code caller_phone}). A failure is thrown as the persistence provider's would be, a
 * {@link PersistenceException} carrying the {@link SQLException}, so the webhooks' failure mapper still tells an
 * outage from a bug by its SQL state.
 */
@ApplicationScoped
public class PhoneHolders {

    static final String HOLDERS_BY_PHONE = "select distinct c.id, c.language from caller c"
            + " join caller_phone p on p.caller_id = c.id where p.phone_number = ?";

    /** A caller whose usual number a call comes from, and the language they hear. */
    public record PhoneHolder(long id, String language) {
    }

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    /** The callers who have this (normalised) number as a usual one, with their languages. */
    public List<PhoneHolder> of(String phoneNumber) {
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement(HOLDERS_BY_PHONE)) {
            statement.setString(1, phoneNumber);
            try (var rows = statement.executeQuery()) {
                var holders = new ArrayList<PhoneHolder>(1);
                while (rows.next()) {
                    holders.add(new PhoneHolder(rows.getLong(1), rows.getString(2)));
                }
                return List.copyOf(holders);
            }
        } catch (SQLException e) {
            throw new PersistenceException("the callers of a number could not be read", e);
        }
    }
}
