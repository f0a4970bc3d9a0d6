package dev.landline.codes.control;

/**
 * RFC 4648 Base32, read as authenticator apps read a secret: case does not matter, spaces and {@code -} group
 * separators are dropped, trailing {@code =} padding may be there or not. The bits left over after the last whole
 * byte are ignored (as Google Authenticator and Aerogear do). Any other character, an empty secret or a length no
 * encoder produces (1, 3 or 6 characters past a multiple of 8) is an {@link InvalidOtpInput} on "secret".
 * Errors give a character's position, never the character.
 */
public final class Base32 {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Base32() {
    }

    public static byte[] decode(String text) {
        if (text == null) {
            throw new InvalidOtpInput("secret", "a Base32 secret is required");
        }
        var symbols = new StringBuilder(text.length());
        int padding = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '-' || c == '\t' || c == '\r' || c == '\n') {
                continue;
            }
            if (c == '=') {
                padding++;
                continue;
            }
            int value = valueOf(c);
            if (value < 0 || padding > 0) {
                throw new InvalidOtpInput("secret", "the secret is not Base32: character " + (i + 1)
                        + (value < 0 ? " is not one of A-Z and 2-7" : " follows the = padding"));
            }
            symbols.append((char) value);
        }
        int length = symbols.length();
        if (length == 0) {
            throw new InvalidOtpInput("secret", "the secret is empty");
        }
        int rest = length % 8;
        if (rest == 1 || rest == 3 || rest == 6) {
            throw new InvalidOtpInput("secret",
                    "the secret is not Base32: " + length + " characters cannot encode whole bytes");
        }
        var bytes = new byte[length * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int next = 0;
        for (int i = 0; i < length; i++) {
            buffer = (buffer << 5) | symbols.charAt(i);
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                bytes[next++] = (byte) (buffer >> bits);
                buffer &= (1 << bits) - 1;
            }
        }
        symbols.setLength(0);
        return bytes;
    }

    /** Upper-case RFC 4648 Base32 without padding, as the Key URI format asks. */
    public static String encode(byte[] bytes) {
        var text = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                text.append(ALPHABET.charAt((buffer >> bits) & 31));
            }
            buffer &= (1 << bits) - 1;
        }
        if (bits > 0) {
            text.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return text.toString();
    }

    private static int valueOf(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        if (c >= '2' && c <= '7') {
            return c - '2' + 26;
        }
        return -1;
    }
}
