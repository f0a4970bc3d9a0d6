package dev.landline.accounts.boundary;

import dev.landline.accounts.control.AccountRegistry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import dev.landline.audit.control.AdminActions;
import java.util.List;
import dev.landline.problems.boundary.BadRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "accounts", description = "a caller's OTP accounts, in the order the call's menu offers them")
@Path("callers/{callerId}/accounts")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountsResource {

    @Inject
    AccountRegistry registry;

    @Context
    UriInfo uriInfo;

    @Inject
    AdminActions audit;

    @Operation(summary = "Add one account directly, from an otpauth:// URI or the fields (no preview: enrolments "
            + "are the previewed way)")
    @APIResponse(responseCode = "201", description = "added; Location is the account",
            content = @Content(schema = @Schema(implementation = AccountView.class)))
    @POST
    public Response add(@PathParam("callerId") long callerId,
            @NotNull(message = "a JSON body is required") @Valid NewAccount request) {
        var key = AccountRequests.read(request);
        var account = registry.add(callerId, key.issuer(), key.accountName(), key.secret(), key.parameters())
                .orElseThrow(NotFoundException::new);
        audit.record("account.added", callerId, account.id());
        var location = uriInfo.getAbsolutePathBuilder().path(String.valueOf(account.id())).build();
        return Response.created(location).entity(AccountView.of(account)).build();
    }

    @Operation(operationId = "listAccounts", summary = "The caller's OTP accounts in menu order (never the secret)")
    @GET
    public List<AccountView> all(@PathParam("callerId") long callerId) {
        return registry.of(callerId).orElseThrow(NotFoundException::new).stream().map(AccountView::of).toList();
    }

    @Operation(summary = "Reorder the spoken menu: every account of the caller exactly once")
    @APIResponse(responseCode = "204", description = "reordered")
    @PUT
    @Path("order")
    public Response reorder(@PathParam("callerId") long callerId,
            @NotNull(message = "a JSON body is required") @Valid MenuOrder request) {
        boolean done = registry.reorder(callerId, request.accountIds()).orElseThrow(NotFoundException::new);
        if (!done) {
            throw new BadRequest("accountIds", "must list every account of this caller exactly once");
        }
        audit.record("accounts.reordered", callerId, null);
        return Response.noContent().build();
    }

    @Operation(operationId = "deleteAccount", summary = "Delete an account")
    @APIResponse(responseCode = "204", description = "deleted")
    @DELETE
    @Path("{accountId}")
    public Response remove(@PathParam("callerId") long callerId, @PathParam("accountId") long accountId) {
        if (!registry.remove(callerId, accountId)) {
            throw new NotFoundException();
        }
        audit.record("account.deleted", callerId, accountId);
        return Response.noContent().build();
    }

}
