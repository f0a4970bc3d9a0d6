package dev.landline.admin.boundary;

import dev.landline.accounts.boundary.AccountsResource;
import dev.landline.accounts.boundary.CallersResource;
import dev.landline.accounts.boundary.LanguagesResource;
import dev.landline.audit.boundary.AuditResource;
import dev.landline.codes.boundary.InvalidOtpInputMapper;
import dev.landline.codes.boundary.NoStoreFilter;
import dev.landline.enrolment.boundary.EnrolmentRefusedMapper;
import dev.landline.enrolment.boundary.EnrolmentsResource;
import dev.landline.guard.boundary.LockedCallersResource;
import dev.landline.guard.boundary.LockoutResource;
import dev.landline.operations.boundary.StatusResource;
import dev.landline.problems.boundary.Problems;
import dev.landline.secrets.boundary.KeysResource;
import dev.landline.signatures.boundary.PhoneSignaturesResource;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The administration API under {@code /api}: each feature's admin resources, listed here because the WAR holds a
 * second application ({@code /webhooks}); an application that listed nothing would get every resource of the WAR,
 * the webhooks included. The features never import this package: the dependency points one way.
 * Its description (and the webhooks') is generated from the resources by
 * the server's MicroProfile OpenAPI and served at the server's {@code /openapi}; what the code cannot say is here.
 */
@ApplicationPath("api")
@OpenAPIDefinition(info = @Info(title = "Landline Authenticator", version = "0.1.0", description = """
        Administration API (under /api): the callers who may dial in, their OTP accounts, PIN lockouts, the audit \
        trail, the server's keys, and enrolment (accounts from an otpauth:// URI, a QR code image or a Google \
        Authenticator export). JSON, HTTP BASIC, role `admin`. Errors are `application/problem+json` (RFC 9457); \
        400s list the rejected fields in `violations`. No response ever contains a PIN, a PIN hash or an OTP secret. \
        Every POST must name its Content-Type (application/json, or image/png / image/jpeg for uploads): a POST with \
        none, or as text/plain, application/x-www-form-urlencoded or multipart/form-data (what another site's page \
        can send without a CORS preflight) is refused with 415 before anything runs.

        Voice webhooks (under /webhooks): called by Vonage; each request carries Vonage's signed JWT \
        (`Authorization: Bearer`, HS256 with the account's signature secret, `payload_hash` of the body). Replies \
        are NCCOs. Twilio's (under /webhooks/twilio) are form posts signed with `X-Twilio-Signature` (HMAC-SHA1 \
        with the account's auth token over the URL and the sorted parameters); replies are TwiML."""),
        security = @SecurityRequirement(name = "basic"))
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "a server user in role admin")
@SecurityScheme(securitySchemeName = "vonageJwt", type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "Vonage's signed webhook token (HS256 with the signature secret)")
@SecurityScheme(securitySchemeName = "twilioSignature", type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.HEADER, apiKeyName = "X-Twilio-Signature",
        description = "Twilio's request signature (HMAC-SHA1 with the auth token over the URL and the parameters)")
public class AdminApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        var classes = new HashSet<Class<?>>(Problems.mappers());
        classes.add(CrossSiteGuard.class);
        classes.add(CallersResource.class);
        classes.add(LanguagesResource.class);
        classes.add(AccountsResource.class);
        classes.add(LockoutResource.class);
        classes.add(LockedCallersResource.class);
        classes.add(AuditResource.class);
        classes.add(PhoneSignaturesResource.class);
        classes.add(KeysResource.class);
        classes.add(StatusResource.class);
        classes.add(InvalidOtpInputMapper.class);
        classes.add(EnrolmentsResource.class);
        classes.add(EnrolmentRefusedMapper.class);
        classes.add(NoStoreFilter.class);
        return classes;
    }
}
