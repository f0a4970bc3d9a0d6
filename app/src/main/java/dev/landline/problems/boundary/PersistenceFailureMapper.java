package dev.landline.problems.boundary;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The same as {@link TransactionFailureMapper} for a failure raised before the commit. */
@Provider
public class PersistenceFailureMapper implements ExceptionMapper<PersistenceException> {

    @Override
    public Response toResponse(PersistenceException e) {
        return TransactionFailureMapper.respond(e);
    }
}
