package dev.landline.codes.boundary;

import dev.landline.codes.control.InvalidOtpInput;
import dev.landline.problems.boundary.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * A bad otpauth URI, secret or OTP parameter that an administrator sent: 400 naming the field. The message never
 * holds the secret. Only the admin API registers it: behind a webhook the parameters come from storage, so there
 * it is a bug (500), not the caller's input.
 */
@Provider
public class InvalidOtpInputMapper implements ExceptionMapper<InvalidOtpInput> {

    @Override
    public Response toResponse(InvalidOtpInput e) {
        return Problem.response(Response.Status.BAD_REQUEST, e.field() + ": " + e.getMessage(),
                List.of(new Problem.Violation(e.field(), e.getMessage())));
    }
}
