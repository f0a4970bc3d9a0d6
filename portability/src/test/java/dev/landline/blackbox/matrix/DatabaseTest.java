package dev.landline.blackbox.matrix;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A matrix database ends up in test names, reports and logs: it must not show its password there. */
class DatabaseTest {

    @Test
    void aDatabaseShowsWhereItIsButNeverItsPassword() {
        var database = new Database(Database.Kind.POSTGRES, "jdbc:postgresql://127.0.0.1:5432/landline_it_x",
                "postgres", "pw-4f1c-not-to-be-shown");
        assertFalse(database.toString().contains("pw-4f1c-not-to-be-shown"), database::toString);
        assertTrue(database.toString().contains("landline_it_x") && database.toString().contains("postgres"),
                database::toString);
    }
}
