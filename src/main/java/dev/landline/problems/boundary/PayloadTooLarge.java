package dev.landline.problems.boundary;

/** A request body over the limit, refused before it is parsed. Mapped to 413. */
public class PayloadTooLarge extends RuntimeException {

    public PayloadTooLarge(int limitBytes) {
        super("The request body is larger than " + limitBytes + " bytes.", null, false, false);
    }
}
