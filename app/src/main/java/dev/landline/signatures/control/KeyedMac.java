package dev.landline.signatures.control;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An HMAC whose algorithm is looked up and keyed once: every use works on a clone of that keyed prototype, which is
 * never used itself, so one instance serves every thread. Looking the algorithm up and keying it
 * ({@code Mac.getInstance}, {@code init}) cost as much as the MAC of a webhook's token, on every webhook (issue 15).
 * A provider whose MAC cannot be cloned gets a fresh one per use. The key's bytes never leave it; its
 * {@code toString} names the algorithm only.
 */
final class KeyedMac {

    private final SecretKeySpec key;
    private final Mac prototype;

    private KeyedMac(SecretKeySpec key, Mac prototype) {
        this.key = key;
        this.prototype = prototype;
    }

    /** {@code algorithm} (a JCA MAC name, e.g. {@code HmacSHA256}) keyed with these bytes. */
    static KeyedMac of(String algorithm, byte[] key) {
        var spec = new SecretKeySpec(key, algorithm);
        return new KeyedMac(spec, fresh(spec));
    }

    /** The MAC of these bytes. */
    byte[] of(byte[] data) {
        Mac mac;
        try {
            mac = (Mac) prototype.clone();
        } catch (CloneNotSupportedException notCloneable) {
            mac = fresh(key);
        }
        return mac.doFinal(data);
    }

    private static Mac fresh(SecretKeySpec key) {
        try {
            var mac = Mac.getInstance(key.getAlgorithm());
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(key.getAlgorithm() + " unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "KeyedMac[" + key.getAlgorithm() + "]";
    }
}
