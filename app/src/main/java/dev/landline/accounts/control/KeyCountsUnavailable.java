package dev.landline.accounts.control;

import dev.landline.problems.control.Refusal;

/** The rows per key could not be counted: the database did not answer. Says the SQL state, never its message. */
public class KeyCountsUnavailable extends Refusal {

    private static final long serialVersionUID = 1L;

    KeyCountsUnavailable(String sqlState) {
        super(Kind.UNAVAILABLE, "The database is unavailable right now (SQL state " + sqlState + ").");
    }
}
