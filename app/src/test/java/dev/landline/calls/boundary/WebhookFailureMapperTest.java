package dev.landline.calls.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.landline.problems.boundary.PersistenceFailureMapper;
import dev.landline.problems.boundary.Problem;
import dev.landline.problems.boundary.TransactionFailureMapper;
import dev.landline.testkit.NccoRules;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** What the webhook failure mapper answers (built here with {@link BareRuntimeDelegate}; on the server: TwoNodesIT). */
class WebhookFailureMapperTest {

    @Test
    void theApologyIsAValidNccoThatEndsTheCallAndSaysNothingOfTheFailure() throws Exception {
        String json;
        try (var jsonb = JsonbBuilder.create()) {
            json = jsonb.toJson(WebhookFailureMapper.apology());
        }
        var ncco = json;
        assertTrue(NccoRules.problems(ncco).isEmpty(), () -> ncco + ": " + NccoRules.problems(ncco));
        assertTrue(ncco.contains("cannot read codes right now"), ncco);
        assertFalse(ncco.contains("\"input\""), "the apology listens for nothing: " + ncco);
    }

    @Test
    void theWebhookApplicationUsesItInsteadOfTheSharedPersistenceMappers() {
        var classes = new VoiceApplication().getClasses();
        assertTrue(classes.contains(WebhookFailureMapper.class));
        assertFalse(classes.contains(PersistenceFailureMapper.class));
        assertFalse(classes.contains(TransactionFailureMapper.class));
        assertTrue(classes.contains(OutageApology.class), "and answers at once while the database is known down");
    }

    @Test
    void aDatabaseOutOfReachIsReportedSoThatTheNextWebhooksDoNotWaitForIt() {
        var reported = new ArrayList<String>();
        var mapper = new WebhookFailureMapper();
        mapper.outageReport = reported::add;
        var refused = new PersistenceException(new SQLTransientConnectionException("Connection refused", "08001"));
        mapper.reportOutage(refused);
        assertEquals(List.of("08001"), reported);
    }

    @Test
    void aBusyPoolIsNoOutage() {
        var reported = new ArrayList<String>();
        var mapper = new WebhookFailureMapper();
        mapper.outageReport = reported::add;
        mapper.reportOutage(new PersistenceException(new SQLException(
                "Error in allocating a connection. Cause: In-use connections equal max-pool-size and expired"
                        + " max-wait-time")));
        mapper.reportOutage(new TransactionalException("a bug", new IllegalStateException()));
        mapper.reportOutage(new PersistenceException(new SQLException("canceling statement", "57014")));
        assertTrue(reported.isEmpty(), "busy, a bug or a cancelled statement is not an outage: " + reported);
    }

    @Test
    void aStatementTheDatabaseRejectedIsNoOutage() {
        var reported = new ArrayList<String>();
        var mapper = new WebhookFailureMapper();
        mapper.outageReport = reported::add;
        mapper.reportOutage(new PersistenceException(new SQLSyntaxErrorException("syntax error", "42601")));
        assertTrue(reported.isEmpty(), "a bug is not an outage: " + reported);
    }

    @Test
    void aStorageFailureDuringATwilioCallIsATwimlApologyThatHangsUp() throws Exception {
        for (var path : List.of("twilio/gather/x", "twilio/voice", "/twilio/gather/x")) {
            var response = mapped(path);
            assertEquals(200, response.getStatus(), path);
            assertEquals("application/xml;charset=UTF-8", response.getMediaType().toString().replace(" ", ""), path);
            var twiml = (String) response.getEntity();
            assertEquals(List.of("Say", "Hangup"), verbs(twiml), twiml);
            assertTrue(twiml.contains("cannot read codes right now"), twiml);
        }
    }

    @Test
    void aStorageFailureOnTwiliosStatusCallbackIs503() {
        var response = mapped("twilio/status");
        assertEquals(503, response.getStatus());
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
    }

    @Test
    void vonagesPathsAndLookAlikesStillGetTheNccoOr503() {
        for (var path : List.of("input/abc", "answer", "twilios/voice", "input/twilio")) {
            var response = mapped(path);
            assertEquals(200, response.getStatus(), path);
            assertEquals(MediaType.APPLICATION_JSON_TYPE, response.getMediaType(), path);
            assertEquals(WebhookFailureMapper.apology(), response.getEntity(), path);
        }
        assertEquals(503, mapped("event").getStatus());
        assertEquals(200, mapped("status").getStatus(), "Twilio's name, Vonage's path: a caller may be waiting");
        assertEquals(200, mapped("twilio/event").getStatus(), "Vonage's name, Twilio's path");
    }

    @BeforeAll
    static void buildResponsesWithoutAServer() {
        BareRuntimeDelegate.install();
    }

    @AfterAll
    static void forgetTheBareResponses() {
        BareRuntimeDelegate.uninstall();
    }

    /** What the mapper answers when the database could not be reached during a webhook to this path. */
    private static Response mapped(String path) {
        var mapper = new WebhookFailureMapper();
        mapper.outageReport = sqlState -> {
        };
        mapper.uriInfo = uriInfo(path);
        return mapper.toResponse(new PersistenceException(new SQLTransientConnectionException("refused", "08001")));
    }

    /** The names of the TwiML document's verbs, in order. */
    private static List<String> verbs(String twiml) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        var root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(twiml.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
        assertEquals("Response", root.getTagName());
        var verbs = new ArrayList<String>();
        for (var node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                verbs.add(element.getTagName());
            }
        }
        return verbs;
    }

    /** A UriInfo that knows its path only (relative to /webhooks), as the mapper asks it. */
    private static UriInfo uriInfo(String path) {
        var segments = Arrays.stream(path.replaceAll("^/+", "").split("/")).map(TestSegment::new)
                .map(PathSegment.class::cast).toList();
        return (UriInfo) Proxy.newProxyInstance(WebhookFailureMapperTest.class.getClassLoader(),
                new Class<?>[] {UriInfo.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getPath" -> path;
                    case "getPathSegments" -> segments;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private record TestSegment(String getPath) implements PathSegment {

        @Override
        public MultivaluedMap<String, String> getMatrixParameters() {
            return new MultivaluedHashMap<>();
        }
    }
}
