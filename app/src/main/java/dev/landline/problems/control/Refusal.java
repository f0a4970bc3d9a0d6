package dev.landline.problems.control;

/**
 * Something the service will not do, said by the code that knows why, in words meant for the person who asked: the
 * boundary turns it into a problem response (RFC 9457) by its {@link Kind}, naming the {@link #field()} at fault
 * when there is one. Each feature's control code throws its own subclass, named by what went wrong, so no control
 * code knows about HTTP. The message is shown to the client as it is: it must never contain a PIN, a secret, a
 * code, DTMF digits or a driver's message, and no cause is kept (JDK exceptions quote their input).
 */
public abstract class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of refusal: the client's input, a clash with what is stored, or the service not able right now. */
    public enum Kind {
        /** The input cannot be used (400). */
        INVALID,
        /** The input clashes with what is stored, for example a duplicate account number (409). */
        CONFLICT,
        /** The service cannot do this right now, for example without its keys (503). */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String field;

    /** A refusal of one input field's value. */
    protected Refusal(Kind kind, String field, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.field = field;
    }

    /** A refusal that no field of the request could change. */
    protected Refusal(Kind kind, String message) {
        this(kind, null, message);
    }

    public Kind kind() {
        return kind;
    }

    /** The input field at fault ("pin", "secret", …), or null when the refusal is not about one field. */
    public String field() {
        return field;
    }
}
