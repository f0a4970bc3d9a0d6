package dev.landline.calls.boundary;

import dev.landline.calls.control.CallFlow;
import dev.landline.calls.control.Reply;
import dev.landline.codes.boundary.NoStore;
import dev.landline.signatures.control.WebhookAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Vonage Voice API webhooks: answer (GET or POST), input (our own per-step URL with its single-use token) and
 * event. Replies are NCCOs (they speak live codes: never stored by a cache); bad requests are 4xx problem+json.
 */
@Tag(name = "webhooks", description = "Voice webhooks: Vonage's reply NCCOs, Twilio's TwiML")
@SecurityRequirement(name = "vonageJwt")
@Path("")
@NoStore
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class VonageWebhooksResource {

    /** The statuses with which Vonage says a call is over. */
    static final Set<String> FINAL_STATUSES = Set.of("completed", "busy", "cancelled", "failed", "rejected",
            "timeout", "unanswered", "disconnected");

    @Inject
    CallFlow flow;

    /** Where Vonage reaches the webhooks: the public address, else the request's own. */
    @Inject
    WebhookAddress address;

    @Operation(operationId = "answerByGet", summary = "A call came in: Vonage's answer webhook (GET); the reply is "
            + "the first NCCO")
    @GET
    @Path("answer")
    public List<Ncco.Action> answer(@QueryParam("uuid") String uuid,
            @QueryParam("conversation_uuid") String conversationUuid,
            @QueryParam("from") String from, @QueryParam("to") String to, @Context UriInfo uriInfo) {
        return ncco(flow.answer(WebhookReader.answer(uuid, conversationUuid, from, to)), uriInfo.getBaseUri());
    }

    @Operation(operationId = "answerByPost", summary = "A call came in: Vonage's answer webhook (POST, JSON)")
    @POST
    @Path("answer")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<Ncco.Action> answer(InputStream body, @Context UriInfo uriInfo) {
        return ncco(flow.answer(WebhookReader.answer(body)), uriInfo.getBaseUri());
    }

    @Operation(summary = "The caller's key presses for this call's current step, at the single-use URL of the last "
            + "NCCO")
    @POST
    @Path("input/{token}")
    @Consumes(MediaType.APPLICATION_JSON)
    public CompletionStage<List<Ncco.Action>> input(@PathParam("token") String token, InputStream body,
            @Context UriInfo uriInfo) {
        var keys = WebhookReader.input(body);
        var base = uriInfo.getBaseUri(); // read on the request's thread: a PIN step completes on another
        return flow.input(token, keys, reply -> ncco(reply, base))
                .orElseThrow(() -> new ForbiddenException("not this call's current step"));
    }

    @Operation(summary = "A call's status changed: Vonage's event webhook")
    @APIResponse(responseCode = "204", description = "noted")
    @POST
    @Path("event")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response event(InputStream body) {
        var event = WebhookReader.event(body);
        if (event.uuid() != null && event.status() != null) {
            flow.event(event.uuid(), event.status(), FINAL_STATUSES.contains(event.status()));
        }
        return Response.noContent().build();
    }

    private List<Ncco.Action> ncco(Reply reply, URI base) {
        return Ncco.of(reply, token -> address.url(base, "input/" + token));
    }
}
