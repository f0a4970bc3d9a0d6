package dev.landline.problems.boundary;

/** The request clashes with what is stored (for example a duplicate account number). Mapped to 409. */
public class Conflict extends BadRequest {

    public Conflict(String field, String message) {
        super(field, message);
    }
}
