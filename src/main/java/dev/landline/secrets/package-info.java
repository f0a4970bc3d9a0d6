/**
 * Secrets: the keys that live in the server, never in the database or the WAR — the seed encryption key and the
 * PIN pepper — read from server configuration (MicroProfile Config: system properties, password aliases, …).
 */
package dev.landline.secrets;
