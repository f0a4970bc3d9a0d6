package dev.landline.problems.boundary;

/** A request body over the limit, refused before it is parsed. Mapped to 413. */
public class PayloadTooLarge extends RuntimeException {

    /** Reads and drops at most this much of an oversized body, so the client can still read the 413. */
    static final long DRAIN_LIMIT = 1024 * 1024;

    public PayloadTooLarge(int limitBytes) {
        super("The request body is larger than " + limitBytes + " bytes.", null, false, false);
    }

    /**
     * A whole request body of at most {@code limitBytes}: an empty one when there is none, a refusal (413) when it is
     * larger (the rest drained first), and a {@link BadRequest} naming the body when it cannot be read.
     */
    public static byte[] readAtMost(java.io.InputStream body, int limitBytes) {
        if (body == null) {
            return new byte[0];
        }
        try {
            var bytes = body.readNBytes(limitBytes + 1);
            if (bytes.length > limitBytes) {
                drain(body);
                throw new PayloadTooLarge(limitBytes);
            }
            return bytes;
        } catch (java.io.IOException e) {
            throw new BadRequest("body", "could not be read");
        }
    }

    /**
     * Skips the rest of an oversized body (up to 1 MiB) before the refusal is sent: a server that answers while the
     * client is still sending makes the client see a closed connection instead of the 413.
     */
    public static void drain(java.io.InputStream body) {
        if (body == null) {
            return;
        }
        try {
            long skipped = 0;
            var buffer = new byte[8192];
            int n;
            while (skipped < DRAIN_LIMIT && (n = body.read(buffer)) > 0) {
                skipped += n;
            }
        } catch (java.io.IOException | RuntimeException ignored) {
            // already read or closed: the refusal is sent anyway
        }
    }
}
