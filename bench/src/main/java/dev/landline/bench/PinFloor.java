package dev.landline.bench;

import java.util.ArrayList;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The PIN step's floor on this machine: the service's own PIN hash alone ({@link CallBench#pinHasher}; no HTTP, no
 * database, no server), with PIN checks arriving at random (Poisson) at the rate the paced run's PIN steps arrived, on
 * as many threads as the service checks PINs on (its {@code PinChecks}: one per core). A check that arrives while
 * every thread is busy waits its turn, as in the service.
 * Its p99 is the least the PIN step's p99 can be when checks sometimes arrive together on these cores: if that alone
 * is above "the hash's own cost + 20 ms", the target is out of reach here whatever the service does.
 */
final class PinFloor {

    private PinFloor() {
    }

    /** Latencies from each check's arrival to its hash's end, over {@code seconds} of arrivals. */
    static Latencies measure(double perSecond, double seconds, int threads, int iterations) throws Exception {
        var hasher = CallBench.pinHasher(iterations);
        var random = new SplittableRandom(15);
        var latencies = new Latencies();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            var pending = new ArrayList<Future<?>>();
            long start = System.nanoTime();
            double at = 0;
            while (at < seconds) {
                at += -Math.log(1 - random.nextDouble()) / perSecond;
                long arrival = start + (long) (at * 1e9);
                long wait = arrival - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                pending.add(pool.submit(() -> {
                    hasher.hash("0123456789");
                    synchronized (latencies) {
                        latencies.add(System.nanoTime() - arrival);
                    }
                }));
            }
            for (var f : pending) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return latencies;
    }
}
