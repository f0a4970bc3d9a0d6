/**
 * Signatures: webhook authentication, before anything else sees a webhook. Each provider's check is one
 * {@code ProviderSignature} (today Vonage's HS256 bearer JWT: payload hash, freshness, application id, the answer
 * webhook's query allow-list), chosen by the webhook's path. Without a signature secret every webhook is refused and
 * readiness is DOWN, unless unsigned webhooks are explicitly allowed. Refused webhooks are logged by reason and path
 * only (never a token, claim or secret), at most one line a minute per reason with a count. Also signs the
 * administrator's browser phone's webhooks with a key derived from the secret, good on this server only.
 */
package dev.landline.signatures;
