/**
 * Calls: the voice providers' webhooks (in boundary: Vonage's answered with NCCOs, Twilio's under /webhooks/twilio
 * with TwiML; both build their absolute URLs on the one {@code signatures.control.WebhookAddress}, both read strictly and answer bad input
 * with 4xx problem+json) and the provider-neutral call flow behind them —
 * who is calling, PIN, menu, reading a code digit by digit. The flow is split three ways, and no provider's name
 * appears in it: {@code Dialogue} decides each step (pure: stage, keys, the guard's PIN verdict, the caller's
 * accounts, the clock → a {@code Decision}); {@code CallSessions} stores calls between webhooks (begin, claim a
 * step with its single-use token, lock, end); {@code CallSteps} carries a decision out in one short transaction and
 * hands a {@code Reply} to the boundary, which alone renders it for its provider (an NCCO by {@code NccoWriter},
 * JSON-P's streaming generator over its few fixed shapes). The answer writes nothing and starts no transaction: one
 * indexed read ({@code accounts.control.PhoneHolders}, plain JDBC) and a sealed token. {@code CallFlow} holds the one
 * line where the guard charges a PIN attempt, outside any transaction and off the HTTP workers: on {@code PinChecks}'
 * threads, one per core, so that a few slow PIN hashes never leave the light steps of other calls waiting for a
 * worker. Call state lives in the database between
 * webhooks, never in an HTTP session; while the database is known to be out of reach, and while the server lacks
 * its keys or its PIN iteration count is below the floor, callers get the apology (no PIN is charged that could
 * not be checked), in the markup of the provider whose path was called. What is said is {@code Speech}: names from
 * users (issuers, labels) are text only, escaped once when rendered (as SSML for Vonage; as XML text for Twilio, with
 * digits written "2, 8, 7" because Twilio's basic voices read SSML aloud), without bidirectional controls. Its words
 * come from one ICU MessageFormat bundle per language ({@code Phrasebook}; no sentence is written in code, and
 * digits of a code never pass through a message); {@code CallLanguages} says which: the called number's (or a
 * recognised caller's) until the right PIN, the caller's after it; an account number typed never changes it.
 */
package dev.landline.calls;
