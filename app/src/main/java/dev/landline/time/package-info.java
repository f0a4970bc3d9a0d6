/**
 * Time: the one {@link java.time.Clock} every component injects, so that tests can stand at any instant; and a
 * running estimate of how far that clock is from the voice provider's (from the signed webhooks), with a readiness
 * check that fails when callers would be read wrong codes (and keeps failing, on a held estimate, while the node gets
 * no webhooks, until fresh samples or an administrator who fixed the clock clear it).
 */
package dev.landline.time;
