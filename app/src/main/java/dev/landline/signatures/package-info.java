/**
 * Signatures: webhook authentication, before anything else sees a webhook. Each provider's check is one
 * {@code ProviderSignature}, chosen by the webhook's path: Vonage's HS256 bearer JWT (payload hash, freshness,
 * application id, the answer webhook's query allow-list) for everything under {@code /webhooks} that no other
 * provider's first path segment claims, Twilio's {@code X-Twilio-Signature} (HMAC-SHA1 over the URL as Twilio requested
 * it and the sorted POST parameters) under {@code /webhooks/twilio} (whole path segments, matrix parameters ignored).
 * The provider chooses the refusal's status (Vonage 401/403, Twilio always 403). Without its secret a provider's every
 * webhook is refused, unless unsigned webhooks are explicitly allowed; readiness names each missing secret and is DOWN
 * only while no provider takes webhooks. Refused webhooks are logged by provider, reason and path only (never a token,
 * signature, claim or secret), at most one line a minute per provider and reason with a count. Also signs the
 * administrator's browser phone's webhooks: Vonage-style tokens with a key derived from the Vonage secret, good on
 * this server only; Twilio signatures with {@code TwilioSignature.sign} (the check's own code) over this server's own
 * URL for a path under {@code webhooks/twilio/} only, never a URL the browser names. {@code WebhookAddress} is the
 * one reader of {@code landline.public-base-url}: the webhook root that the providers' replies name and that
 * Twilio's signature is checked over (and made over, for the browser phone).
 */
package dev.landline.signatures;
