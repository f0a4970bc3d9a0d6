package dev.landline.testsupport;

import dev.landline.guard.control.AttemptLedger;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

// test deployments only: its operations are hidden from the API description
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TestSupportResource {

    @Inject
    SettableClock clock;

    @PersistenceContext
    EntityManager em;

    @Inject
    LogCapture logs;

    @Inject
    AttemptLedger ledger;

    @jakarta.annotation.Resource(lookup = "java:comp/DefaultDataSource")
    javax.sql.DataSource dataSource;

    /** Everything the server logged since deployment. */
    @Operation(hidden = true)
    @GET
    @Path("logs")
    @Produces(MediaType.TEXT_PLAIN)
    public String logs() {
        return logs.all();
    }

    @Operation(hidden = true)
    @PUT
    @Path("clock/{epochSecond}")
    public void setClock(@PathParam("epochSecond") long epochSecond) {
        clock.set(Instant.ofEpochSecond(epochSecond));
    }

    @Operation(hidden = true)
    @DELETE
    @Path("clock")
    public void resetClock() {
        clock.set(null);
    }

    /** Every column of every OTP account row, as the database returns it. */
    @Operation(hidden = true)
    @GET
    @Path("rows/otp_account")
    @Transactional
    public JsonArray otpAccountRows() {
        return rows("select id, caller_id, issuer, label, otp_type, algorithm, digits, period, counter,"
                + " menu_position, sealed_secret, key_id from otp_account order by id");
    }

    @Operation(hidden = true)
    @GET
    @Path("rows/caller")
    @Transactional
    public JsonArray callerRows() {
        return rows("select id, display_name, account_number, pin_hash, language from caller order by id");
    }

    @Operation(hidden = true)
    @GET
    @Path("counts")
    @Transactional
    public JsonObject counts() {
        var counts = Json.createObjectBuilder();
        for (var table : List.of("caller", "caller_phone", "otp_account", "call_session", "call_event", "pin_guard",
                "pin_failure", "rate_bucket", "audit_event", "enrolment", "enrolment_account")) {
            var n = ((Number) em.createNativeQuery("select count(*) from " + table).getSingleResult()).longValue();
            counts.add(table, n);
        }
        var failures = ((Number) em.createNativeQuery("select coalesce(sum(failures), 0) from pin_guard")
                .getSingleResult()).longValue();
        counts.add("pin_guard_failures", failures);
        return counts.build();
    }

    /**
     * Charges a PIN attempt of a call exactly as the guard does before it checks the PIN, and leaves it there, as
     * if its hash were still being computed: the decision, and the pending failure row (0 when not allowed).
     */
    @Operation(hidden = true)
    @POST
    @Path("pin-charges/{callerId}/{callUuid}")
    public JsonObject holdPinCharge(@PathParam("callerId") long callerId, @PathParam("callUuid") String callUuid) {
        var charge = ledger.charge(callerId, callUuid);
        return Json.createObjectBuilder().add("decision", charge.decision().name())
                .add("failureId", charge.failureId() == null ? 0 : charge.failureId()).build();
    }

    /** The held attempt's PIN turned out right, as the guard settles it. */
    @Operation(hidden = true)
    @POST
    @Path("pin-charges/{callerId}/{callUuid}/{failureId}/right")
    public void heldPinWasRight(@PathParam("callerId") long callerId, @PathParam("callUuid") String callUuid,
            @PathParam("failureId") long failureId) {
        ledger.succeeded(callerId, failureId, callUuid);
    }

    /** Which database the default datasource really is: product and URL (for the PostgreSQL run). */
    @Operation(hidden = true)
    @GET
    @Path("database")
    @Produces(MediaType.TEXT_PLAIN)
    public String database() throws java.sql.SQLException {
        try (var connection = dataSource.getConnection()) {
            var meta = connection.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getURL();
        }
    }

    @Operation(hidden = true)
    @GET
    @Path("calls/{uuid}")
    @Transactional
    public JsonObject call(@PathParam("uuid") String uuid) {
        var rows = rows("select stage, pin_failures, caller_id from call_session where uuid = '"
                + uuid.replaceAll("[^A-Za-z0-9-]", "") + "'");
        return rows.isEmpty() ? Json.createObjectBuilder().build() : rows.getJsonObject(0);
    }

    private JsonArray rows(String sql) {
        @SuppressWarnings("unchecked")
        List<Object[]> result = em.createNativeQuery(sql).getResultList();
        var array = Json.createArrayBuilder();
        for (Object[] row : result) {
            var values = Json.createArrayBuilder();
            for (Object value : row) {
                values.add(value == null ? "" : String.valueOf(value));
            }
            array.add(Json.createObjectBuilder().add("values", values));
        }
        return array.build();
    }
}
