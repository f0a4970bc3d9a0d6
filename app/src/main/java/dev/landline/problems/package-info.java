/**
 * Problems: every error the HTTP API gives is an {@code application/problem+json} body (RFC 9457), never a
 * stack trace or a server error page. Owns the exception mappers shared by the webhook and admin applications.
 * Control code never throws an HTTP type: it throws its own subclass of {@code control.Refusal} (invalid input
 * 400, a conflict 409, unavailable 503, with the field at fault), which {@code boundary.RefusalMapper} turns into
 * the problem; {@code control.StorageFailure} says what a database failure means (conflict, outage, bug).
 */
package dev.landline.problems;
