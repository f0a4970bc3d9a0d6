package dev.landline.accounts.control;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One PIN derivation at the production cost, two ways: the JDK's {@code PBKDF2WithHmacSHA256} (what PinHasher used
 * until issue 6) and {@link Pbkdf2HmacSha256} (what it uses now). The setup checks both give the same bytes.
 * Run: {@code mvn -Pjmh -pl jmh -am package}, then
 * {@code java -cp jmh/target/benchmarks.jar org.openjdk.jmh.Main PinDerivationBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PinDerivationBenchmark {

    /** What PinHasher feeds PBKDF2: the hex of HMAC-SHA256(pepper, PIN), 64 ASCII characters. */
    static final String PEPPERED = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final byte[] SALT = "sixteen byte sal".getBytes(StandardCharsets.US_ASCII);

    @Param("600000")
    int iterations;

    @Setup
    public void crossCheck() throws Exception {
        if (!Arrays.equals(jdk(), landline())) {
            throw new IllegalStateException("the two derivations differ");
        }
    }

    @Benchmark
    public byte[] jdk() throws Exception {
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(PEPPERED.toCharArray(), SALT, iterations, 256)).getEncoded();
    }

    @Benchmark
    public byte[] landline() {
        return Pbkdf2HmacSha256.derive(PEPPERED.getBytes(StandardCharsets.US_ASCII), SALT, iterations, 32);
    }
}
