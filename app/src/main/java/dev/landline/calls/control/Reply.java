package dev.landline.calls.control;

import java.util.List;

/**
 * What the call does next, independent of the voice provider: speak these SSML documents in this voice
 * language, then either listen for digits or end the call.
 *
 * @param listen null when the call ends after the speech
 */
public record Reply(String language, List<String> speech, Listen listen) {

    /** Wait for DTMF digits; the provider must send them back with this single-use token. */
    public record Listen(int maxDigits, boolean submitOnHash, int timeoutSeconds, String token) {

        @Override
        public String toString() {
            return "Listen[maxDigits=" + maxDigits + ", submitOnHash=" + submitOnHash + ", token=***]";
        }
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
