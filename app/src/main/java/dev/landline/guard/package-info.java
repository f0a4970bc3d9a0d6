/**
 * Guard: who may reach the codes and how often — PIN attempts charged before they are evaluated (the
 * {@code @RateLimited} interceptor the call flow's PIN step asks for), increasing delays and a hard lock per caller
 * at consecutive failures, a long window of wrong PINs that a right PIN does not clear (its own lock, set only by
 * wrong PINs that were checked, never by one still being checked; and the one "wrong PINs since last call" figure
 * the admin pages show and a caller is told at their next right PIN), and call-rate caps per parsed number (a
 * written trunk "(0)" after the country code is dropped; calls without a usable number share one "withheld" cap).
 * Its admin API: {@code /api/callers/{id}/lockout} (state, failures, unlock) and {@code /api/locked-callers}.
 * Webhook signatures are not here: see {@code dev.landline.signatures}.
 */
package dev.landline.guard;
