/**
 * Guard: who may reach the call flow and how often — PIN attempts charged before they are evaluated, increasing
 * delays and a hard lock per caller at consecutive failures, a long window of wrong PINs that a right PIN does not
 * clear (its own lock, set only by wrong PINs that were checked, never by one still being checked; and the one
 * "wrong PINs since last call" figure the admin pages show and a caller is told at their next right PIN), call-rate
 * caps per parsed number (a written trunk "(0)" after the country code is dropped; calls without a usable number
 * share one "withheld" cap), and signed-webhook checks: without a signature secret every webhook is refused and
 * readiness is DOWN, unless unsigned webhooks are explicitly allowed. Refused webhooks are logged by reason and
 * path, at most one line a minute per reason with a count. Its admin API: {@code /api/callers/{id}/lockout} (state,
 * failures, unlock) and {@code /api/locked-callers}.
 */
package dev.landline.guard;
