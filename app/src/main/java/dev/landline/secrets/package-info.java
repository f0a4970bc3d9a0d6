/**
 * Secrets: the keys that live in the server, never in the database or the WAR — the seed encryption key and the
 * PIN pepper — read from server configuration (MicroProfile Config: system properties, password aliases, …).
 * Each is a ring: the current key plus earlier ones ({@code *.previous}), every key known by a public fingerprint
 * that rows store beside what the key sealed or hashed; the call-start token key is derived from each seed key.
 * Its admin API, {@code /api/keys}, shows key ids and row counts (never a key) and runs the seed re-encryption.
 */
package dev.landline.secrets;
