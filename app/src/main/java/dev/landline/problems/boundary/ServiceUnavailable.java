package dev.landline.problems.boundary;

/** The service cannot do this right now (for example: no encryption key configured). Mapped to 503. */
public class ServiceUnavailable extends RuntimeException {

    public ServiceUnavailable(String message) {
        super(message, null, false, false);
    }
}
