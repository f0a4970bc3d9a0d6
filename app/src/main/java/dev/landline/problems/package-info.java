/**
 * Problems: every error the HTTP API gives is an {@code application/problem+json} body (RFC 9457), never a
 * stack trace or a server error page. Owns the exception mappers shared by the webhook and admin applications.
 */
package dev.landline.problems;
