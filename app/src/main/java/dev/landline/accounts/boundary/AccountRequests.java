package dev.landline.accounts.boundary;

import dev.landline.codes.control.Algorithm;
import dev.landline.codes.control.Base32;
import dev.landline.codes.control.KeyUri;
import dev.landline.codes.control.OtpAuthUri;
import dev.landline.codes.control.OtpParameters;
import dev.landline.codes.control.OtpType;
import dev.landline.problems.boundary.BadRequest;

/** Turns a {@link NewAccount} (a Key URI or separate fields) into one validated {@link OtpAuthUri}. */
final class AccountRequests {

    static final int MIN_SECRET_BYTES = 10;
    static final int MAX_SECRET_BYTES = 128;

    private AccountRequests() {
    }

    static OtpAuthUri read(NewAccount request) {
        if (request.uri() != null && !request.uri().isBlank()) {
            return KeyUri.parse(request.uri().strip());
        }
        if (request.label() == null || request.label().isBlank()) {
            throw new BadRequest("label", "a label (the account name) is required, or give an otpauth:// uri");
        }
        if (request.secret() == null || request.secret().isBlank()) {
            throw new BadRequest("secret", "a Base32 secret is required, or give an otpauth:// uri");
        }
        var seed = Base32.decode(request.secret());
        if (seed.length < MIN_SECRET_BYTES || seed.length > MAX_SECRET_BYTES) {
            throw new BadRequest("secret", "a secret has 80 to 1024 bits (16 to 205 Base32 characters)");
        }
        var type = request.type() == null ? OtpType.TOTP : switch (request.type().strip().toLowerCase()) {
            case "totp" -> OtpType.TOTP;
            case "hotp" -> OtpType.HOTP;
            default -> throw new BadRequest("type", "totp or hotp");
        };
        if (type == OtpType.HOTP && request.counter() == null) {
            throw new BadRequest("counter", "an HOTP account needs its counter");
        }
        var algorithm = request.algorithm() == null ? Algorithm.SHA1 : Algorithm.parse(request.algorithm());
        var parameters = new OtpParameters(type, algorithm,
                request.digits() == null ? 6 : request.digits(),
                request.period() == null ? 30 : request.period(),
                request.counter() == null ? 0 : request.counter());
        return new OtpAuthUri(request.issuer(), request.label().strip(), seed, parameters);
    }
}
