/**
 * Operations: what an operator needs to see — one startup line saying which server, which database and each voice
 * provider's webhook security mode, and one with the URLs to enter in each provider's console (on the public address;
 * never a password in it); readiness that fails when the database is unreachable; the administrator's status
 * ({@code GET /api/status}: webhook mode overall and per provider with its console URLs, clock, database) behind the
 * admin pages' banner, notices and provider list, and the administrator's "the clock is fixed"
 * ({@code DELETE /api/status/clock}); and the knowledge that the database is down (a probe every second, two
 * failures in a row that say so), so that webhooks answer at once during an outage instead of waiting for
 * connections — a pool that is only busy is never taken for an outage.
 */
package dev.landline.operations;
