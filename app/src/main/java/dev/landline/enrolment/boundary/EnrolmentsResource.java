package dev.landline.enrolment.boundary;

import dev.landline.audit.control.AdminActions;
import dev.landline.codes.boundary.NoStore;
import dev.landline.enrolment.control.ImageDecodeSlots;
import dev.landline.enrolment.control.PendingEnrolments;
import dev.landline.enrolment.control.QrImages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

/**
 * Pending enrolments of a caller: start from a URI or an image, add export QR codes, preview, save, drop. Previews
 * carry live codes, so no response is stored by a cache.
 */
@Tag(name = "enrolment", description = "getting accounts in: preview first, then save")
@Path("callers/{callerId}/enrolments")
@RequestScoped
@Transactional
@NoStore
@Produces(MediaType.APPLICATION_JSON)
public class EnrolmentsResource {

    private static final String BODY_REQUIRED = "a JSON body is required";

    @Inject
    PendingEnrolments enrolments;

    @Inject
    ImageDecodeSlots slots;

    @Context
    UriInfo uriInfo;

    @Inject
    AdminActions audit;

    @Operation(summary = "Start an enrolment from a pasted otpauth:// URI or Google Authenticator export "
            + "(otpauth-migration://)",
            description = "Nothing is saved yet: the enrolment waits, seeds encrypted, for 15 minutes after its "
                    + "last change.")
    @APIResponse(responseCode = "201", description = "the preview; Location is the enrolment",
            content = @Content(schema = @Schema(implementation = EnrolmentView.class)))
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(@PathParam("callerId") long callerId, @NotNull(message = BODY_REQUIRED) @Valid UriBody body) {
        return created(EnrolmentView.of(enrolments.start(callerId, body.uri())));
    }

    /**
     * The caller is looked up first (a short read: an upload for nobody costs no decode), then the image is
     * received, then decoded in a slot, outside any transaction; only the result is stored.
     */
    @Operation(summary = "Start an enrolment from a screenshot or photo of a QR code",
            description = "The QR code is found and decoded on the server; it may fill only part of the image (a "
                    + "phone photo of a screen is read). A picture of several codes of one export starts it with all "
                    + "of them. 400 says why a picture cannot be read (too small, too blurred, no code, not an "
                    + "authenticator code); 503 with Retry-After while other images are being read.")
    @RequestBody(required = true, description = "a PNG or JPEG image of at most 5 MiB and 40 megapixels", content = {
            @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "201", description = "the preview; Location is the enrolment",
            content = @Content(schema = @Schema(implementation = EnrolmentView.class)))
    @POST
    @Path("images")
    @Consumes(MediaType.WILDCARD)
    @Transactional(TxType.NOT_SUPPORTED)
    public Response startFromImage(@PathParam("callerId") long callerId,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String type, InputStream body) {
        enrolments.checkCaller(callerId);
        return created(EnrolmentView.of(enrolments.startFromQrCodes(callerId, qrCodes(type, body))));
    }

    @Operation(summary = "Add the next QR code of a multi-code Google Authenticator export, as its pasted URI")
    @APIResponse(responseCode = "200", description = "the preview with the new accounts",
            content = @Content(schema = @Schema(implementation = EnrolmentView.class)))
    @POST
    @Path("{enrolmentId}/parts")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject addPart(@PathParam("callerId") long callerId, @PathParam("enrolmentId") String enrolmentId,
            @NotNull(message = BODY_REQUIRED) @Valid UriBody body) {
        return EnrolmentView.of(enrolments.addPart(callerId, enrolmentId, body.uri())).toJson();
    }

    @Operation(summary = "Add the next QR code of a multi-code Google Authenticator export, as an image",
            description = "Every code in the picture that belongs to the export and was not scanned yet is added.")
    @RequestBody(required = true, description = "a PNG or JPEG image of at most 5 MiB and 40 megapixels", content = {
            @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "200", description = "the preview with the new accounts",
            content = @Content(schema = @Schema(implementation = EnrolmentView.class)))
    @POST
    @Path("{enrolmentId}/parts")
    @Consumes(MediaType.WILDCARD)
    @Transactional(TxType.NOT_SUPPORTED)
    public JsonObject addImagePart(@PathParam("callerId") long callerId,
            @PathParam("enrolmentId") String enrolmentId, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
            InputStream body) {
        enrolments.checkEnrolment(callerId, enrolmentId);
        return EnrolmentView.of(enrolments.addParts(callerId, enrolmentId, qrCodes(type, body))).toJson();
    }

    @Operation(summary = "The enrolment with fresh codes")
    @APIResponse(responseCode = "200", description = "the preview",
            content = @Content(schema = @Schema(implementation = EnrolmentView.class)))
    @GET
    @Path("{enrolmentId}")
    public JsonObject one(@PathParam("callerId") long callerId, @PathParam("enrolmentId") String enrolmentId) {
        return EnrolmentView.of(enrolments.find(callerId, enrolmentId)).toJson();
    }

    @Operation(summary = "Save the accounts that are not duplicates; the enrolment is then gone",
            description = "An export with QR codes missing is saved only with partial true (409 otherwise).")
    @APIResponse(responseCode = "201", description = "saved",
            content = @Content(schema = @Schema(implementation = SaveResult.class)))
    @POST
    @Path("{enrolmentId}/save")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response save(@PathParam("callerId") long callerId, @PathParam("enrolmentId") String enrolmentId,
            SaveBody body) {
        var saved = enrolments.save(callerId, enrolmentId, body != null && Boolean.TRUE.equals(body.partial()));
        saved.accounts().forEach(a -> audit.record("account.enrolled", callerId, a.id()));
        return Response.status(Response.Status.CREATED).entity(SaveResult.of(saved)).build();
    }

    @Operation(summary = "Drop the enrolment and its encrypted seeds")
    @APIResponse(responseCode = "204", description = "dropped")
    @DELETE
    @Path("{enrolmentId}")
    public Response discard(@PathParam("callerId") long callerId, @PathParam("enrolmentId") String enrolmentId) {
        enrolments.discard(callerId, enrolmentId);
        return Response.noContent().build();
    }

    /**
     * Receives the whole body (at most 5 MiB) before taking a decode slot, so that a client sending slowly holds a
     * request thread and its buffer, never the slot that other uploads wait for.
     */
    private List<String> qrCodes(String type, InputStream body) {
        var image = ImageUpload.read(type, body);
        return slots.inSlot(() -> QrImages.readAll(image));
    }

    private Response created(EnrolmentView view) {
        var location = uriInfo.getBaseUriBuilder().path(EnrolmentsResource.class).path(view.id())
                .build(uriInfo.getPathParameters().getFirst("callerId"));
        return Response.created(location).entity(view.toJson()).build();
    }
}
