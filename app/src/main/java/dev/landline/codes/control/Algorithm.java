package dev.landline.codes.control;

import java.util.Locale;

/** The HMAC behind a code: SHA-1 (RFC 4226, the Key URI default), SHA-256 or SHA-512 (RFC 6238). */
public enum Algorithm {

    SHA1("HmacSHA1"),
    SHA256("HmacSHA256"),
    SHA512("HmacSHA512");

    private final String macName;

    Algorithm(String macName) {
        this.macName = macName;
    }

    /** The JCE {@link javax.crypto.Mac} name, e.g. {@code HmacSHA256}. */
    public String macName() {
        return macName;
    }

    /**
     * Reads the {@code algorithm} value of a Key URI leniently: case does not matter and a hyphen is allowed
     * ("SHA1", "sha256", "SHA-512"). Anything else, MD5 included, is an {@link InvalidOtpInput}.
     */
    public static Algorithm parse(String text) {
        if (text != null) {
            switch (text.strip().replace("-", "").toUpperCase(Locale.ROOT)) {
                case "SHA1":
                    return SHA1;
                case "SHA256":
                    return SHA256;
                case "SHA512":
                    return SHA512;
                default:
                    break;
            }
        }
        throw new InvalidOtpInput("algorithm", "the algorithm must be SHA1, SHA256 or SHA512");
    }
}
