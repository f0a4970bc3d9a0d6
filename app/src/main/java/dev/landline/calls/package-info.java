/**
 * Calls: the voice provider's webhooks (Vonage NCCO) and the call flow behind them — who is calling, PIN, menu,
 * reading a code digit by digit. Call state lives in the database between webhooks, never in an HTTP session; while
 * the database is known to be out of reach, and while the server lacks its keys or its PIN iteration count is below
 * the floor, callers get the apology (no PIN is charged that could not be checked). Names from users (issuers,
 * labels) are spoken as text only: escaped for SSML, without bidirectional controls.
 */
package dev.landline.calls;
