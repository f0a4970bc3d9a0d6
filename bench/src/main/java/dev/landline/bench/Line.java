package dev.landline.bench;

import dev.landline.testkit.TwilioPlayer;
import dev.landline.testkit.VonagePlayer;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * One voice provider as the benchmark plays its calls: the test kit's lean player for that provider (signed like the
 * provider signs, nothing checked, every webhook timed send to last byte) behind the three things a call does —
 * answer, type keys into the step the last reply asks for, hang up. The benchmark's calls are the same for both; each
 * provider's player writes the numbers, ids and payloads as that provider does.
 */
interface Line {

    /** For people and the report: "Vonage", "Twilio". */
    String provider();

    /** A fresh call id as this provider makes them (Vonage: a UUID; Twilio: a CallSid). */
    String newCallId();

    /** A call comes in from {@code from} (international digits, no '+') to {@code to}. */
    Reply answer(URI base, String callId, String from, String to);

    /** The caller types {@code digits} into the step {@code last} asked for. */
    Reply press(Reply last, String callId, String from, String to, String digits);

    /** The provider's final status webhook: the caller hung up. */
    Reply hangUp(URI base, String callId, String from, String to);

    /**
     * One webhook's reply: {@code ok} when it is the provider's call-control document (NCCO, TwiML), {@code next} where
     * the caller's keys go next (null when the reply ends the call), whether it reads a code out, and which.
     */
    record Reply(int status, String body, long nanos, boolean ok, URI next, boolean readsCode,
            List<String> spokenCodes) {

        boolean says(String words) {
            return body.contains(words);
        }
    }

    static Line vonage(VonagePlayer.Lean player) {
        return new Line() {
            @Override
            public String provider() {
                return "Vonage";
            }

            @Override
            public String newCallId() {
                return UUID.randomUUID().toString();
            }

            @Override
            public Reply answer(URI base, String callId, String from, String to) {
                return reply(player.answer(base, callId, from, to));
            }

            @Override
            public Reply press(Reply last, String callId, String from, String to, String digits) {
                return reply(player.input(last.next(), callId, from, to, digits));
            }

            @Override
            public Reply hangUp(URI base, String callId, String from, String to) {
                return reply(player.event(base, callId, from, to, "completed"));
            }

            private Reply reply(VonagePlayer.Answer a) {
                return new Reply(a.status(), a.body(), a.nanos(), a.ok(), a.ok() ? a.eventUrl() : null,
                        a.says("interpret-as='digits'"), a.ok() ? a.spokenCodes() : List.of());
            }
        };
    }

    static Line twilio(TwilioPlayer.Lean player) {
        return new Line() {
            @Override
            public String provider() {
                return "Twilio";
            }

            @Override
            public String newCallId() {
                return TwilioPlayer.newCallSid();
            }

            /** Twilio writes numbers in E.164, with the '+'. */
            @Override
            public Reply answer(URI base, String callId, String from, String to) {
                return reply(player.voice(base, callId, "+" + from, "+" + to));
            }

            @Override
            public Reply press(Reply last, String callId, String from, String to, String digits) {
                return reply(player.gather(last.next(), callId, "+" + from, "+" + to, digits));
            }

            @Override
            public Reply hangUp(URI base, String callId, String from, String to) {
                return reply(player.status(base, callId, "+" + from, "+" + to, "completed"));
            }

            private Reply reply(TwilioPlayer.Answer a) {
                var codes = a.ok() ? a.spokenCodes() : List.<String>of();
                return new Reply(a.status(), a.body(), a.nanos(), a.ok(), a.ok() ? a.action() : null,
                        !codes.isEmpty(), codes);
            }
        };
    }
}
