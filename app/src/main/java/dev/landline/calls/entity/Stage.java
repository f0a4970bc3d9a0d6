package dev.landline.calls.entity;

/** Where a call stands: what the next digits the caller types mean. */
public enum Stage {
    ACCOUNT_NUMBER, PIN, MENU, AFTER_CODE, ENDED
}
