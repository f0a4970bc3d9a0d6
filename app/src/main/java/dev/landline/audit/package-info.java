/**
 * Audit: every call, PIN decision, code read-out (which account, never the code) and admin change, recorded in
 * UTC from CDI events, so the call flow does not know who listens; admin resources record what they changed through
 * {@code AdminActions}, which adds who. Never a PIN, code, seed or token. Read through {@code GET /api/audit}.
 */
package dev.landline.audit;
