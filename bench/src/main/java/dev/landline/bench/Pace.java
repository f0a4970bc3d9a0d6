package dev.landline.bench;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The time a person spends on a call between webhooks, for the paced run: a caller who knows the line starts
 * typing 1–2 s into a prompt (the prompts allow barge-in) and types 3 keys a second; after the code is read
 * (twice) they listen to it and hang up. Every pause varies by ±30 %, and each simulated line starts at a random
 * moment of its first 15 s, so the calls do not march in step. {@link #NONE} plays calls back to back.
 */
record Pace(double scale) {

    static final Pace NONE = new Pace(0);

    boolean paced() {
        return scale > 0;
    }

    /** Before a line's first call: a random offset, so 50 lines do not all answer in the same second. */
    void stagger() throws InterruptedException {
        sleep(ThreadLocalRandom.current().nextDouble(15));
    }

    /** Hearing the start of a prompt, then typing {@code keys} keys. */
    void typing(int keys) throws InterruptedException {
        sleep(1 + ThreadLocalRandom.current().nextDouble() + keys / 3.0);
    }

    /** Listening to a code of {@code digits} digits read twice (about half a second a digit), then hanging up. */
    void listening(int digits) throws InterruptedException {
        sleep(2 + digits);
    }

    private void sleep(double seconds) throws InterruptedException {
        if (scale > 0) {
            double jitter = 0.7 + 0.6 * ThreadLocalRandom.current().nextDouble();
            Thread.sleep((long) (seconds * jitter * scale * 1000));
        }
    }
}
