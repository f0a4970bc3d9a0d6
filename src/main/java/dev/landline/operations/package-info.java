/**
 * Operations: what an operator needs to see — one startup line saying which server, which database and which
 * webhook security mode is active, readiness that fails when the database is unreachable, and the administrator's
 * status ({@code GET /api/status}) behind the admin pages' banner.
 */
package dev.landline.operations;
