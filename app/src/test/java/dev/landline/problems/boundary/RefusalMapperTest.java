package dev.landline.problems.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.landline.problems.control.Refusal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A refusal from any feature's control code becomes the problem the API has always given for it. */
class RefusalMapperTest {

    static class Refused extends Refusal {

        private static final long serialVersionUID = 1L;

        Refused(Kind kind, String field, String message) {
            super(kind, field, message);
        }
    }

    private static Problem problem(Refusal refusal) {
        return RefusalMapper.problem(refusal);
    }

    @Test
    void aRefusedFieldIs400NamingTheFieldInTheDetailAndAsTheViolation() {
        var problem = problem(new Refused(Refusal.Kind.INVALID, "pin", "a PIN is made of the digits 0-9 only"));
        assertEquals(400, problem.status());
        assertEquals("Bad Request", problem.title());
        assertEquals("about:blank", problem.type());
        assertEquals("pin: a PIN is made of the digits 0-9 only", problem.detail());
        assertEquals(List.of(new Problem.Violation("pin", "a PIN is made of the digits 0-9 only")),
                problem.violations());
    }

    @Test
    void aClashWithWhatIsStoredIs409() {
        var problem = problem(new Refused(Refusal.Kind.CONFLICT, "accountNumber",
                "this account number is already in use"));
        assertEquals(409, problem.status());
        assertEquals("accountNumber: this account number is already in use", problem.detail());
    }

    @Test
    void aServiceThatCannotRightNowIs503WithItsMessageAndNoViolations() {
        var problem = problem(new Refused(Refusal.Kind.UNAVAILABLE, null,
                "The service is not configured yet: no seed key."));
        assertEquals(503, problem.status());
        assertEquals("The service is not configured yet: no seed key.", problem.detail());
        assertNull(problem.violations());
    }

    @Test
    void aBoundaryBadRequestIsARefusalOfItsField() {
        var problem = problem(new BadRequest("size", "1 to 200"));
        assertEquals(400, problem.status());
        assertEquals("size: 1 to 200", problem.detail());
    }
}
