package dev.landline.signatures.control;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One voice provider's webhook signature check. The signed-webhook filter hands each webhook to the check whose
 * {@link #firstSegment()} is the first path segment under {@code /webhooks} (whole segments, matrix parameters
 * ignored, as JAX-RS matches them), and every other webhook to the one whose segment is "", so a second provider is one
 * more bean beside {@link VonageSignature}, not a change to the filter. What a check says is fit for a log and a
 * problem: never a token, a claim's value or the secret.
 */
public interface ProviderSignature {

    /** The provider's name in readiness data and logs, lower case ("vonage"). */
    String name();

    /** The provider's name for people ("Vonage"): the admin pages, the startup line. */
    String displayName();

    /** What a signed webhook carries, for people ("Vonage JWT", "X-Twilio-Signature"). */
    String signatureName();

    /**
     * The webhook URLs an operator enters in this provider's console, in the console's order: where this server
     * takes the provider's calls. Each path is under {@code /webhooks/} and within {@link #firstSegment()}.
     */
    List<ConsoleWebhook> consoleWebhooks();

    /** The configuration property that holds this provider's secret (named by readiness while it is missing). */
    String secretSetting();

    /**
     * The first path segment under {@code /webhooks} of this provider's webhooks, without slashes ("twilio"), or ""
     * for all the webhooks no other provider's segment claims.
     */
    String firstSegment();

    /** Decided once from the configuration. */
    WebhookMode mode();

    /** The request header that carries the signature. */
    String header();

    /** Empty when a webhook without a body may be read with this query; otherwise why not (no value in it). */
    Optional<String> queryProblem(String rawQuery);

    /** The signature header's value (null when absent) checked against exactly what was sent. */
    Verdict verify(String signature, WebhookRequest request, Instant now);

    /**
     * The status that refuses a webhook with this verdict (never {@link Verdict#passes() passing}): by default 401
     * when no signature could be read or none is configured, 403 when a readable one was not accepted. A provider
     * whose platform expects another answer (Twilio: 403 for all) says so here.
     */
    default int refusalStatus(Verdict verdict) {
        return usualRefusalStatus(verdict);
    }

    /** 401 when no signature could be read or none is configured, 403 when a readable one was not accepted. */
    static int usualRefusalStatus(Verdict verdict) {
        return switch (verdict) {
            case MISSING, MALFORMED, NOT_CONFIGURED -> 401;
            default -> 403;
        };
    }

    /** Why a webhook with this verdict was refused, for the log (a category only, in this provider's words). */
    default String reason(Verdict verdict) {
        return verdict.reason();
    }

    /** The {@code WWW-Authenticate} challenge of a 401. */
    String challenge();

    /** The detail of a 401: which signature a webhook must carry. */
    String signatureRequired();

    /** The detail of a refusal while no secret is configured: which setting is missing. */
    String notConfigured();

    /** The detail of a 400: what a webhook without a body may carry. */
    String queryRule();
}
