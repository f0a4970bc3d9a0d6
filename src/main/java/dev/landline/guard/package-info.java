/**
 * Guard: who may reach the call flow and how often — PIN attempts charged before they are evaluated, increasing
 * delays and a hard lock per caller, call-rate caps per number, and signed-webhook checks: without a signature
 * secret every webhook is refused and readiness is DOWN, unless unsigned webhooks are explicitly allowed.
 */
package dev.landline.guard;
