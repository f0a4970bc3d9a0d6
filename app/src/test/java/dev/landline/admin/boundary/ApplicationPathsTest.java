package dev.landline.admin.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ApplicationPathsTest {

    private final java.util.Map<String, String> routes = ApplicationPaths.routes();

    @Test
    void aPathUnderTheOtherApplicationMovesUnderItsOwn() {
        assertEquals("/api/callers/{id}/pin", ApplicationPaths.corrected("/webhooks/callers/{id}/pin", routes));
        assertEquals("/api/callers/{callerId}/enrolments/{enrolmentId}/save",
                ApplicationPaths.corrected("/webhooks/callers/{callerId}/enrolments/{enrolmentId}/save", routes));
        assertEquals("/webhooks/input/{token}", ApplicationPaths.corrected("/api/input/{token}", routes));
    }

    @Test
    void theContextRootInFrontStays() {
        assertEquals("/landline-authenticator/api/locked-callers",
                ApplicationPaths.corrected("/landline-authenticator/webhooks/locked-callers", routes));
        assertEquals("/landline-authenticator/webhooks/answer",
                ApplicationPaths.corrected("/landline-authenticator/webhooks/answer", routes));
    }

    @Test
    void rightPathsAndUnknownOnesAreLeftAsTheyAre() {
        assertEquals("/api/callers", ApplicationPaths.corrected("/api/callers", routes));
        assertEquals("/webhooks/event", ApplicationPaths.corrected("/webhooks/event", routes));
        assertEquals("/test-support/clock", ApplicationPaths.corrected("/test-support/clock", routes));
    }
}
