/**
 * The test kit: what every black-box client of the service needs, once — one call player per provider
 * ({@link dev.landline.testkit.VonagePlayer}, {@link dev.landline.testkit.TwilioPlayer}, checked or lean; what they
 * share in {@link dev.landline.testkit.CallPlayer}), the independent webhook signer
 * ({@link dev.landline.testkit.WebhookSigner}: Vonage's JWT with java-jwt, Twilio's HMAC-SHA1), the independent
 * RFC 4226/6238 oracle ({@link dev.landline.testkit.ReferenceOtp}), the "no code heard" check
 * ({@link dev.landline.testkit.CodesHeard}), Vonage's NCCO schema and rules ({@link dev.landline.testkit.NccoRules}),
 * the TwiML rules ({@link dev.landline.testkit.TwimlRules}), the admin API client
 * ({@link dev.landline.testkit.AdminClient}), small HTTP helpers ({@link dev.landline.testkit.Http}) and the test
 * servers' users and keys ({@link dev.landline.testkit.TestCredentials}, declared once as it.* properties in pom.xml).
 *
 * <p>Must hold: nothing here imports a class outside this package (no service class: the kit checks the service
 * from outside, independently); dependencies are the JDK (its DOM parser reads TwiML), JSON-P (parsson), auth0
 * java-jwt, junit-jupiter-api assertions and networknt json-schema-validator only. It becomes the test-kit module's main code.
 */
package dev.landline.testkit;
