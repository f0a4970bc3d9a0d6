/**
 * Admin: the JSON REST API under {@code /api} (HTTP BASIC, role {@code admin} declared in web.xml) for callers
 * and their OTP accounts. Wire records only: no entity, PIN hash or seed ever leaves through it.
 */
package dev.landline.admin;
