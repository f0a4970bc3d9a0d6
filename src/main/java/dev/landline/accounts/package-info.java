/**
 * Accounts: the callers who may dial in (name, account number, peppered PIN hash, usual phone numbers, language)
 * and their OTP accounts with seeds encrypted at rest. Neither the PIN hash nor a seed ever leaves this package.
 */
package dev.landline.accounts;
