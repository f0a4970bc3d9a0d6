package dev.landline.calls.control;

import java.util.ArrayList;
import java.util.List;

/**
 * What the call does next, as the provider's boundary renders it: speak these in this voice language, then either
 * listen for digits (sent back with a single-use token) or end the call.
 *
 * @param listen null when the call ends after the speech
 */
public record Reply(String language, List<Speech> speech, Listen listen) {

    public Reply {
        speech = List.copyOf(speech);
    }

    /** Wait for DTMF digits; the provider must send them back with this single-use token. */
    public record Listen(int maxDigits, boolean submitOnHash, int timeoutSeconds, String token) {

        @Override
        public String toString() {
            return "Listen[maxDigits=" + maxDigits + ", submitOnHash=" + submitOnHash + ", token=***]";
        }
    }

    /** A decision to listen, with the token the next input must carry. */
    public static Reply listening(Decision.Listen decision, String token) {
        var listening = decision.listening();
        return new Reply(decision.language(), decision.speech(), new Listen(listening.maxDigits(),
                listening.submitOnHash(), Decision.Listening.TIMEOUT_SECONDS, token));
    }

    public static Reply ending(Decision.End decision) {
        return new Reply(decision.language(), List.of(decision.speech()), null);
    }

    /** The same reply with this said first. */
    public Reply saying(Speech first) {
        var all = new ArrayList<Speech>(speech.size() + 1);
        all.add(first);
        all.addAll(speech);
        return new Reply(language, all, listen);
    }

    public boolean ends() {
        return listen == null;
    }

    /** Never the digits, PIN, secret, code or token. */
    @Override
    public String toString() {
        return "Reply[language=" + language + ", talks=" + speech.size() + ", listens=" + !ends() + "]";
    }
}
