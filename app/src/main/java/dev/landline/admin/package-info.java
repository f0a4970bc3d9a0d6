/**
 * Admin: the JSON REST API under {@code /api} (HTTP BASIC, role {@code admin} declared in web.xml) for callers
 * and their OTP accounts, and the key rings ({@code /api/keys}: public key ids and row counts, the seed
 * re-encryption). Wire records only: no entity, PIN hash or seed ever leaves through it.
 */
package dev.landline.admin;
