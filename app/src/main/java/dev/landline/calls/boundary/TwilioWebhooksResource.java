package dev.landline.calls.boundary;

import dev.landline.calls.control.CallFlow;
import dev.landline.calls.control.Reply;
import dev.landline.codes.boundary.NoStore;
import dev.landline.signatures.control.WebhookAddress;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Twilio Programmable Voice webhooks, under {@code /webhooks/twilio}: voice (the call came in; GET or form POST),
 * gather (our own per-step URL with its single-use token: the {@code <Gather>} action, and the {@code <Redirect>}
 * Twilio follows when nothing was typed) and status (the status callback). Replies are TwiML (they speak live codes:
 * never stored by a cache); bad requests are 4xx problem+json. The call flow behind them is the same as Vonage's.
 */
@Tag(ref = "webhooks")
@SecurityRequirement(name = "twilioSignature")
@Path("twilio")
@NoStore
@RequestScoped
@Produces(Twiml.MEDIA_TYPE)
public class TwilioWebhooksResource {

    /** Optional: the {@code voice} of every {@code <Say>} (e.g. Polly.Amy); else the one Twilio picks. */
    static final String VOICE = "landline.twilio.voice";

    /** Optional: the {@code voice} per language ({@code de-DE=Polly.Marlene,…}), before {@link #VOICE}. */
    static final String VOICES = "landline.twilio.voices";

    /** The statuses with which Twilio says a call is over. */
    static final Set<String> FINAL_STATUSES = Set.of("completed", "busy", "failed", "no-answer", "canceled");

    @Inject
    CallFlow flow;

    @Inject
    WebhookAddress address;

    @Inject
    @ConfigProperty(name = VOICE)
    Optional<String> voice;

    @Inject
    @ConfigProperty(name = VOICES)
    Optional<String> voices;

    @Context
    UriInfo uriInfo;

    @Operation(operationId = "twilioVoiceByGet", summary = "A call came in: Twilio's Voice URL (GET); the reply is "
            + "the first TwiML")
    @GET
    @Path("voice")
    public String voiceByGet() {
        return twiml(flow.answer(TwilioForm.query(uriInfo.getRequestUri().getRawQuery()).incomingCall()),
                uriInfo.getBaseUri());
    }

    @Operation(operationId = "twilioVoiceByPost", summary = "A call came in: Twilio's Voice URL (POST, form)")
    @POST
    @Path("voice")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public String voice(InputStream body) {
        return twiml(flow.answer(TwilioForm.body(body).incomingCall()), uriInfo.getBaseUri());
    }

    @Operation(operationId = "twilioGather", summary = "The caller's key presses (or none, after a timeout) for this "
            + "call's current step, at the single-use URL of the last TwiML")
    @POST
    @Path("gather/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public CompletionStage<String> gather(@PathParam("token") String token, InputStream body) {
        var keys = TwilioForm.body(body).keyPresses();
        var base = uriInfo.getBaseUri(); // read on the request's thread: a PIN step completes on another
        return flow.input(token, keys, reply -> twiml(reply, base))
                .orElseThrow(() -> new ForbiddenException("not this call's current step"));
    }

    @Operation(operationId = "twilioStatus", summary = "A call's status changed: Twilio's status callback")
    @APIResponse(responseCode = "204", description = "noted")
    @POST
    @Path("status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response status(InputStream body) {
        var event = TwilioForm.body(body).statusEvent();
        if (event.status() != null) {
            flow.event(event.uuid(), event.status(), FINAL_STATUSES.contains(event.status()));
        }
        return Response.noContent().build();
    }

    private String twiml(Reply reply, URI base) {
        return Twiml.of(reply, token -> address.url(base, "twilio/gather/" + token),
                TwilioVoices.of(voices, voice).forLanguage(reply.language()));
    }
}
