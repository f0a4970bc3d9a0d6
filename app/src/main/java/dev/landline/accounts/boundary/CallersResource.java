package dev.landline.accounts.boundary;

import dev.landline.accounts.control.CallerRegistry;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import dev.landline.audit.control.AdminActions;
import dev.landline.problems.boundary.Paging;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "callers", description = "the people who may dial in")
@Path("callers")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CallersResource {

    @Inject
    CallerRegistry registry;

    @Context
    UriInfo uriInfo;

    @Inject
    AdminActions audit;

    @Operation(operationId = "registerCaller", summary = "Register a caller")
    @APIResponse(responseCode = "201", description = "registered; Location is the caller",
            content = @Content(schema = @Schema(implementation = CallerView.class)))
    @APIResponse(responseCode = "409", description = "the account number is taken")
    @POST
    public Response register(@NotNull(message = "a JSON body is required") @Valid NewCaller request) {
        var caller = registry.register(request.name(), request.accountNumber(), request.pin(),
                request.phoneNumbers(), request.language());
        audit.record("caller.created", caller.id(), null);
        var location = uriInfo.getAbsolutePathBuilder().path(String.valueOf(caller.id())).build();
        return Response.created(location).entity(CallerView.of(caller)).build();
    }

    /** Callers a page at a time: never all of them (there may be 100,000). */
    @Operation(operationId = "listCallers", summary = "Callers, newest first, a page at a time",
            description = "page from 0 (default 0), size 1 to 200 (default 50); a page shorter than size is the last")
    @GET
    public List<CallerView> page(@QueryParam("page") String page, @QueryParam("size") String size) {
        var paging = Paging.read(page, size);
        return registry.page(paging.first(), paging.size()).stream().map(CallerView::of).toList();
    }

    @Operation(operationId = "getCaller", summary = "One caller")
    @GET
    @Path("{id}")
    public CallerView one(@PathParam("id") long id) {
        return registry.find(id).map(CallerView::of).orElseThrow(NotFoundException::new);
    }

    @Operation(summary = "Change the caller's PIN")
    @APIResponse(responseCode = "204", description = "changed")
    @PUT
    @Path("{id}/pin")
    public Response changePin(@PathParam("id") long id, @NotNull(message = "a JSON body is required") @Valid NewPin request) {
        if (!registry.changePin(id, request.pin())) {
            throw new NotFoundException();
        }
        audit.record("caller.pin-changed", id, null);
        return Response.noContent().build();
    }

    @Operation(operationId = "deleteCaller", summary = "Delete a caller with their accounts and pending enrolments")
    @APIResponse(responseCode = "204", description = "deleted")
    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("id") long id) {
        if (!registry.remove(id)) {
            throw new NotFoundException();
        }
        audit.record("caller.deleted", id, null);
        return Response.noContent().build();
    }

}
