package dev.landline.calls.control;

import java.time.Instant;

/**
 * What the answer webhook learnt about a call, carried sealed in the URL of the call's first input step so that
 * answering stores nothing: the call, its numbers as the provider gave them, and the caller its caller ID
 * selected (null when none or several).
 */
public record CallStart(String uuid, String conversationUuid, String from, String to, Long callerId,
        Instant answeredAt) {

    public boolean recognised() {
        return callerId != null;
    }

    /** Never the numbers. */
    @Override
    public String toString() {
        return "CallStart[call=" + uuid + ", recognised=" + recognised() + ", answeredAt=" + answeredAt + "]";
    }
}
