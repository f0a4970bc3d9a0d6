package dev.landline.codes.control;

import static dev.landline.codes.control.CodeGenerationBenchmark.SECRET;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.aerogear.security.otp.api.Base32.DecodingException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Where the engines' time goes beyond the floor, one suspect at a time (what the libraries do per code, read from
 * their bytecode), and what keeping a java-otp generator would buy. Not a target: an explanation of the main table.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class CodeGenerationCosts {

    private final long[] counters = CodeGenerationBenchmark.counters();
    private final int[] sixDigitCodes = new int[CodeGenerationBenchmark.STEPS];
    private final int[] eightDigitCodes = new int[CodeGenerationBenchmark.STEPS];
    private final TimeBasedOneTimePasswordGenerator cachedSha256Eight =
            new TimeBasedOneTimePasswordGenerator(Duration.ofMillis(1), 8, "HmacSHA256");
    private int cursor;

    /** The codes of the same secret and steps as {@link CodeGenerationBenchmark}; checks the kept generator. */
    @Setup
    public void prepare() {
        var sha1 = RawHotp.keyedMac("HmacSHA1", SECRET);
        for (int i = 0; i < counters.length; i++) {
            sixDigitCodes[i] = Integer.parseInt(RawHotp.code(sha1, counters[i], 6));
        }
        var floorMac = RawHotp.keyedMac("HmacSHA256", SECRET);
        try {
            for (int i = 0; i < counters.length; i++) {
                long counter = counters[i];
                String expected = RawHotp.code(floorMac, counter, 8);
                eightDigitCodes[i] = Integer.parseInt(expected);
                var key = new SecretKeySpec(SECRET, "HmacSHA256");
                var at = Instant.ofEpochMilli(counter);
                if (!expected.equals(cachedSha256Eight.generateOneTimePasswordString(key, at, Locale.ROOT))
                        || !expected.equals(RawHotp.digits(cachedSha256Eight.generateOneTimePassword(key, at), 8))) {
                    throw new IllegalStateException("a kept java-otp generator disagrees with the floor at " + counter);
                }
            }
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private int next() {
        cursor = (cursor + 1) & (CodeGenerationBenchmark.STEPS - 1);
        return cursor;
    }

    /** Aerogear's formatting: {@code String.format("%06d")} in the default locale. */
    @Benchmark
    public void aerogearFormatsWithStringFormat(Blackhole bh) {
        bh.consume(String.format("%06d", sixDigitCodes[next()]));
    }

    /** java-otp's formatting: {@code String.format(Locale.ROOT, "%08d")}. */
    @Benchmark
    public void javaOtpFormatsWithStringFormat(Blackhole bh) {
        bh.consume(String.format(Locale.ROOT, "%08d", eightDigitCodes[next()]));
    }

    /** AerogearEngine encodes the key to Base32 and Aerogear decodes it again (three regexes, boxed map lookups). */
    @Benchmark
    public void aerogearBase32RoundTrip(Blackhole bh) throws DecodingException {
        bh.consume(org.jboss.aerogear.security.otp.api.Base32.decode(Base32.encode(SECRET)));
    }

    /**
     * Candidate fix 1: one generator per algorithm and length, kept (JavaOtpEngine builds one, with a
     * {@code Mac.getInstance}, per code). java-otp still clones its prototype Mac and calls String.format per code.
     */
    @Benchmark
    public void javaOtpCachedGeneratorSha256Eight(Blackhole bh) throws InvalidKeyException {
        bh.consume(cachedSha256Eight.generateOneTimePasswordString(new SecretKeySpec(SECRET, "HmacSHA256"),
                Instant.ofEpochMilli(counters[next()]), Locale.ROOT));
    }

    /** Candidate fix 2: the kept generator's {@code int} API, digits written by hand instead of String.format. */
    @Benchmark
    public void javaOtpCachedGeneratorIntSha256Eight(Blackhole bh) throws InvalidKeyException {
        int code = cachedSha256Eight.generateOneTimePassword(new SecretKeySpec(SECRET, "HmacSHA256"),
                Instant.ofEpochMilli(counters[next()]));
        bh.consume(RawHotp.digits(code, 8));
    }
}
