/**
 * Admin: what the administration API and pages share, nothing of any one feature — the JAX-RS application under
 * {@code /api} (HTTP BASIC, role {@code admin} declared in web.xml) that lists each feature's admin resources
 * (callers and accounts in {@code accounts}, lockouts in {@code guard}, the audit log in {@code audit}, the key
 * rings in {@code secrets}, the browser phone's signatures in {@code signatures}, enrolments, status), the cross-site
 * guard, the browser policy (CSP, frames) of {@code /admin} and {@code /api}, and the OpenAPI filter that puts each
 * path of the generated {@code /openapi} under the JAX-RS application serving it. No feature imports this package.
 * Wire records only, in each feature's boundary: no entity, PIN hash or seed ever leaves through the API.
 */
package dev.landline.admin;
