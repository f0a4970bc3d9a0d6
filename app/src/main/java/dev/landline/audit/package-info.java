/**
 * Audit: every call, PIN decision, code read-out (which account, never the code) and admin change, recorded in
 * UTC from CDI events, so the call flow does not know who listens. Never a PIN, code, seed or token.
 */
package dev.landline.audit;
