package dev.landline.audit.boundary;

import dev.landline.audit.control.AuditTrail;
import dev.landline.problems.boundary.BadRequest;
import dev.landline.problems.boundary.Paging;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit trail: {@code GET /api/audit?callerId=&from=&to=&page=&size=} (ISO-8601 instants, UTC). */
@Tag(name = "audit", description = "the audit trail of calls and administration")
@Path("audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditTrail trail;

    @Operation(summary = "Audit events, newest first",
            description = "from and to are ISO-8601 instants (UTC), e.g. 2026-01-01T00:00:00Z; size 1 to 200")
    @GET
    public AuditPage find(@QueryParam("callerId") Long callerId, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("page") String page, @QueryParam("size") String size) {
        var paging = Paging.read(page, size);
        var items = trail.find(callerId, instant("from", from), instant("to", to), paging.page(), paging.size())
                .stream().map(AuditEntryView::of).toList();
        return new AuditPage(paging.page(), paging.size(), items);
    }

    private static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadRequest(field, "an ISO-8601 instant such as 2026-01-01T00:00:00Z");
        }
    }
}
