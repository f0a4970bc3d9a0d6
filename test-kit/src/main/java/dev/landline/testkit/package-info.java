/**
 * The test kit: what every black-box client of the service needs, once — the Vonage call player
 * ({@link dev.landline.testkit.VonagePlayer}, checked or lean), the independent webhook signer
 * ({@link dev.landline.testkit.WebhookSigner}, java-jwt), the independent RFC 4226/6238 oracle
 * ({@link dev.landline.testkit.ReferenceOtp}), the "no code heard" check ({@link dev.landline.testkit.CodesHeard}),
 * Vonage's NCCO schema and rules ({@link dev.landline.testkit.NccoRules}), the admin API client
 * ({@link dev.landline.testkit.AdminClient}), small HTTP helpers ({@link dev.landline.testkit.Http}) and the test
 * servers' users and keys ({@link dev.landline.testkit.TestCredentials}, declared once as it.* properties in pom.xml).
 *
 * <p>Must hold: nothing here imports a class outside this package (no service class: the kit checks the service
 * from outside, independently); dependencies are the JDK, JSON-P (parsson), auth0 java-jwt, junit-jupiter-api
 * assertions and networknt json-schema-validator only. It becomes the test-kit module's main code.
 */
package dev.landline.testkit;
