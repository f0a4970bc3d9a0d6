package dev.landline.calls.control;

import java.util.List;

/**
 * What the {@link Dialogue} decided a call does next, before anything is stored or spoken on the wire: listen for
 * digits after saying this, read this account's code, or end with this. {@link CallSteps} carries it out (a
 * single-use token for the next input, the code itself) and hands a {@link Reply} to the provider's boundary.
 */
public sealed interface Decision {

    /** Say this, then wait for the digits the stage expects. */
    record Listen(String language, List<Speech> speech, Listening listening) implements Decision {

        public Listen {
            speech = List.copyOf(speech);
        }
    }

    /**
     * Read this account's code, then offer "again" (and "another account" when there are others).
     *
     * @param repeatCounter the HOTP counter of the code read just before, to say it again; null for a fresh code
     */
    record ReadCode(String language, long accountId, Long repeatCounter, boolean otherAccounts) implements Decision {
    }

    /** Say this; the call ends. */
    record End(String language, Speech speech) implements Decision {
    }

    /**
     * A right PIN: before {@code next}, the caller hears how many wrong PINs other calls entered since their last
     * call, if any (counting them as told is a write, so it is carried out, not decided).
     */
    record RightPin(long callerId, Decision next) implements Decision {
    }

    /** What the caller is expected to type. */
    enum Listening {
        ACCOUNT_NUMBER(16, true), PIN(12, true), ONE_KEY(1, false);

        /** How long the provider waits for the first key. */
        public static final int TIMEOUT_SECONDS = 10;

        private final int maxDigits;
        private final boolean submitOnHash;

        Listening(int maxDigits, boolean submitOnHash) {
            this.maxDigits = maxDigits;
            this.submitOnHash = submitOnHash;
        }

        public int maxDigits() {
            return maxDigits;
        }

        public boolean submitOnHash() {
            return submitOnHash;
        }
    }
}
