package dev.landline.accounts.control;

import dev.landline.problems.control.Refusal;

/** Another caller already has this account number (field "accountNumber"): a caller is found by it. */
public class AccountNumberTaken extends Refusal {

    private static final long serialVersionUID = 1L;

    AccountNumberTaken() {
        super(Kind.CONFLICT, "accountNumber", "this account number is already in use");
    }
}
