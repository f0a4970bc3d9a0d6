/**
 * Accounts: the callers who may dial in (name, account number, peppered PIN hash, usual phone numbers, language)
 * and their OTP accounts with seeds encrypted at rest. Neither the PIN hash nor a seed ever leaves this package.
 * It also owns what the key rings mean for stored rows: PINs verified with the pepper their hash names and rehashed
 * under the current one, seeds (and pending enrolments' seeds) opened with the key their row names and re-encrypted
 * under the current one in resumable batches ({@code SeedReencryption}), the count of rows per key
 * ({@code KeyUsage}), and the readiness checks {@code pin-hashing} (iteration floor) and {@code stored-keys}
 * (DOWN while a seed needs a key that is not configured). Its admin API: {@code /api/callers} (callers, PINs) and
 * {@code /api/callers/{id}/accounts} (accounts, menu order). Refusals are its own ({@code UnacceptablePin},
 * {@code InvalidCallerDetail}, {@code AccountNumberTaken}, …), never quoting a PIN or a seed. A caller's language is
 * one that has prompts ({@code Languages}, served at {@code /api/languages}).
 */
package dev.landline.accounts;
