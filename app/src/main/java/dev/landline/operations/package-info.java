/**
 * Operations: what an operator needs to see — one startup line saying which server, which database and which
 * webhook security mode is active; readiness that fails when the database is unreachable; the administrator's
 * status ({@code GET /api/status}: webhook mode, clock, database) behind the admin pages' banner and notices, and
 * the administrator's "the clock is fixed" ({@code DELETE /api/status/clock}); and the knowledge that the database
 * is down (a probe every second, two failures in a row that say so), so that webhooks answer at once during an
 * outage instead of waiting for connections — a pool that is only busy is never taken for an outage.
 */
package dev.landline.operations;
