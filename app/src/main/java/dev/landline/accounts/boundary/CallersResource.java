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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import dev.landline.audit.control.AdminActions;
import java.util.List;

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

    @POST
    public Response register(@NotNull(message = "a JSON body is required") @Valid NewCaller request) {
        var caller = registry.register(request.name(), request.accountNumber(), request.pin(),
                request.phoneNumbers(), request.language());
        audit.record("caller.created", caller.id(), null);
        var location = uriInfo.getAbsolutePathBuilder().path(String.valueOf(caller.id())).build();
        return Response.created(location).entity(CallerView.of(caller)).build();
    }

    @GET
    public List<CallerView> all() {
        return registry.all().stream().map(CallerView::of).toList();
    }

    @GET
    @Path("{id}")
    public CallerView one(@PathParam("id") long id) {
        return registry.find(id).map(CallerView::of).orElseThrow(NotFoundException::new);
    }

    @PUT
    @Path("{id}/pin")
    public Response changePin(@PathParam("id") long id, @NotNull(message = "a JSON body is required") @Valid NewPin request) {
        if (!registry.changePin(id, request.pin())) {
            throw new NotFoundException();
        }
        audit.record("caller.pin-changed", id, null);
        return Response.noContent().build();
    }

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
