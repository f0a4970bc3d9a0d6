package dev.landline.codes.control;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One code, made four ways: the service's own path ({@link CodeGenerator#totp}), each engine directly, and the raw
 * {@link Mac} floor ({@link RawHotp}) with a Mac per call, a reused ThreadLocal Mac keyed once, and a reused one
 * re-keyed per call. All use the same secret and cycle through the same 1,024 time steps; the setup checks that
 * every path gives the same codes (and the floor the RFC 6238 vectors), so no path is measured doing less work.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class CodeGenerationBenchmark {

    /** RFC 4226 / RFC 6238's SHA-1 secret: 20 bytes, the usual size. */
    static final byte[] SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    static final OtpParameters SHA1_SIX = OtpParameters.totp(Algorithm.SHA1, 6, 30);
    static final OtpParameters SHA256_EIGHT = OtpParameters.totp(Algorithm.SHA256, 8, 30);
    static final int STEPS = 1 << 10;

    private static final ThreadLocal<Mac> SHA1_KEYED =
            ThreadLocal.withInitial(() -> RawHotp.keyedMac("HmacSHA1", SECRET));
    private static final ThreadLocal<Mac> SHA256_KEYED =
            ThreadLocal.withInitial(() -> RawHotp.keyedMac("HmacSHA256", SECRET));
    private static final ThreadLocal<Mac> SHA1_UNKEYED = ThreadLocal.withInitial(() -> RawHotp.unkeyedMac("HmacSHA1"));
    private static final ThreadLocal<Mac> SHA256_UNKEYED =
            ThreadLocal.withInitial(() -> RawHotp.unkeyedMac("HmacSHA256"));

    private final CodeGenerator generator = new CodeGenerator(Clock.systemUTC());
    private final Instant[] instants = new Instant[STEPS];
    private final long[] counters = new long[STEPS];
    private int cursor;

    /** The instants every path is measured at: 1,024 consecutive 30-second steps from 2026-01-01, 13 s into each. */
    static Instant[] instants() {
        long start = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
        var instants = new Instant[STEPS];
        for (int i = 0; i < STEPS; i++) {
            instants[i] = Instant.ofEpochSecond(start + 30L * i + 13);
        }
        return instants;
    }

    /** T for each of {@link #instants()}. */
    static long[] counters() {
        var instants = instants();
        var counters = new long[STEPS];
        for (int i = 0; i < STEPS; i++) {
            counters[i] = Math.floorDiv(instants[i].getEpochSecond(), 30);
        }
        return counters;
    }

    @Setup
    public void prepareAndCrossCheck() {
        System.arraycopy(instants(), 0, instants, 0, STEPS);
        System.arraycopy(counters(), 0, counters, 0, STEPS);
        expect("RFC 6238 T=59", "94287082", RawHotp.code(SHA1_KEYED.get(), 1, 8));
        expect("RFC 6238 T=1111111109", "07081804", RawHotp.code(SHA1_KEYED.get(), 37_037_036, 8));
        for (int i = 0; i < STEPS; i++) {
            String sha1 = RawHotp.code(RawHotp.keyedMac("HmacSHA1", SECRET), counters[i], 6);
            expect("SHA1/6 service", sha1, generator.totp(SECRET, SHA1_SIX, instants[i]));
            expect("SHA1/6 Aerogear", sha1, AerogearEngine.generate(SECRET, counters[i]));
            expect("SHA1/6 java-otp", sha1, JavaOtpEngine.generate(SECRET, Algorithm.SHA1, 6, counters[i]));
            expect("SHA1/6 reused Mac", sha1, RawHotp.code(SHA1_KEYED.get(), counters[i], 6));
            String sha256 = RawHotp.code(RawHotp.keyedMac("HmacSHA256", SECRET), counters[i], 8);
            expect("SHA256/8 service", sha256, generator.totp(SECRET, SHA256_EIGHT, instants[i]));
            expect("SHA256/8 java-otp", sha256, JavaOtpEngine.generate(SECRET, Algorithm.SHA256, 8, counters[i]));
            expect("SHA256/8 reused Mac", sha256, RawHotp.code(SHA256_KEYED.get(), counters[i], 8));
        }
    }

    private static void expect(String what, String expected, String actual) {
        if (!expected.equals(actual)) {
            throw new IllegalStateException(what + ": expected " + expected + ", got " + actual);
        }
    }

    private int next() {
        cursor = (cursor + 1) & (STEPS - 1);
        return cursor;
    }

    // the service's own path

    @Benchmark
    public void serviceSha1Six(Blackhole bh) {
        bh.consume(generator.totp(SECRET, SHA1_SIX, instants[next()]));
    }

    @Benchmark
    public void serviceSha256Eight(Blackhole bh) {
        bh.consume(generator.totp(SECRET, SHA256_EIGHT, instants[next()]));
    }

    // each engine directly

    @Benchmark
    public void aerogearEngineSha1Six(Blackhole bh) {
        bh.consume(AerogearEngine.generate(SECRET, counters[next()]));
    }

    @Benchmark
    public void javaOtpEngineSha1Six(Blackhole bh) {
        bh.consume(JavaOtpEngine.generate(SECRET, Algorithm.SHA1, 6, counters[next()]));
    }

    @Benchmark
    public void javaOtpEngineSha256Eight(Blackhole bh) {
        bh.consume(JavaOtpEngine.generate(SECRET, Algorithm.SHA256, 8, counters[next()]));
    }

    // the floor: raw Mac, HOTP truncation, hand-written digits

    @Benchmark
    public void floorSha1SixMacPerCall(Blackhole bh) {
        bh.consume(RawHotp.code(RawHotp.keyedMac("HmacSHA1", SECRET), counters[next()], 6));
    }

    @Benchmark
    public void floorSha1SixMacReused(Blackhole bh) {
        bh.consume(RawHotp.code(SHA1_KEYED.get(), counters[next()], 6));
    }

    @Benchmark
    public void floorSha1SixMacReusedRekeyed(Blackhole bh) {
        bh.consume(RawHotp.code(RawHotp.rekey(SHA1_UNKEYED.get(), SECRET), counters[next()], 6));
    }

    @Benchmark
    public void floorSha256EightMacPerCall(Blackhole bh) {
        bh.consume(RawHotp.code(RawHotp.keyedMac("HmacSHA256", SECRET), counters[next()], 8));
    }

    @Benchmark
    public void floorSha256EightMacReused(Blackhole bh) {
        bh.consume(RawHotp.code(SHA256_KEYED.get(), counters[next()], 8));
    }

    @Benchmark
    public void floorSha256EightMacReusedRekeyed(Blackhole bh) {
        bh.consume(RawHotp.code(RawHotp.rekey(SHA256_UNKEYED.get(), SECRET), counters[next()], 8));
    }
}
