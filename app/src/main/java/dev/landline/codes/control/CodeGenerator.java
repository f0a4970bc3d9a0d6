package dev.landline.codes.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Makes an account's code. SHA-1 with 6 digits, the profile nearly every account uses, goes through Aerogear OTP
 * Java; other algorithms and lengths, and HOTP, go through java-otp. The RFC vectors and an agreement test keep
 * both engines honest. Codes are exactly {@code digits} ASCII digits, zero-padded on the left.
 */
@ApplicationScoped
public class CodeGenerator {

    @Inject
    Clock clock;

    protected CodeGenerator() {
    }

    public CodeGenerator(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
    }

    public Instant now() {
        return clock.instant();
    }

    /** The TOTP code of the step that contains {@code at}. */
    public String totp(byte[] secret, OtpParameters p, Instant at) {
        long t = step(p.requireType(OtpType.TOTP), at).index();
        if (t < 0) {
            throw new InvalidOtpInput("time", "TOTP time steps start at 1970-01-01T00:00:00Z");
        }
        if (p.algorithm() == Algorithm.SHA1 && p.digits() == AerogearEngine.DIGITS) {
            return AerogearEngine.generate(secret, t);
        }
        return JavaOtpEngine.generate(secret, p.algorithm(), p.digits(), t);
    }

    /** The HOTP code for {@code counter} (usually {@code p.counter()}, passed separately so it can move on). */
    public String hotp(byte[] secret, OtpParameters p, long counter) {
        if (counter < 0) {
            throw new InvalidOtpInput("counter", "the counter cannot be negative");
        }
        return JavaOtpEngine.generate(secret, p.requireType(OtpType.HOTP).algorithm(), p.digits(), counter);
    }

    /** The time step that contains {@code at}; floor division keeps T right past 2038 and before 1970. */
    public TimeStep step(OtpParameters p, Instant at) {
        long period = p.period();
        long second = at.getEpochSecond();
        long index = Math.floorDiv(second, period);
        var start = Instant.ofEpochSecond(index * period);
        return new TimeStep(index, start, start.plusSeconds(period), period - Math.floorMod(second, period));
    }
}
