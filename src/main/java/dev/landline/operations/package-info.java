/**
 * Operations: what an operator needs to see — one startup line saying which server, which database and which
 * webhook security mode is active; readiness that fails when the database is unreachable; the administrator's
 * status ({@code GET /api/status}: webhook mode, clock, database) behind the admin pages' banner and notices; and
 * the knowledge that the database is out of reach (a probe every second), so that webhooks answer at once during an
 * outage instead of waiting for connections.
 */
package dev.landline.operations;
