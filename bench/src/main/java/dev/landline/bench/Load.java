package dev.landline.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A closed loop: {@code concurrency} threads, each repeating one unit of work (a webhook, or a whole call) back to
 * back for the warmup and then the measured time. Only what finishes inside the measured window counts.
 */
final class Load {

    /** One thread's record: latencies per step, and failures with a sample of what went wrong. */
    static final class Steps {
        final Map<String, Latencies> byStep = new LinkedHashMap<>();
        final List<String> failures = new ArrayList<>();
        long units;
        long failedUnits;
        volatile boolean recording;

        void record(String step, long nanos) {
            if (recording) {
                byStep.computeIfAbsent(step, s -> new Latencies()).add(nanos);
            }
        }

        /** A unit of work went wrong at {@code step}; false so callers can {@code return steps.fail(...)}. */
        boolean fail(String step, String why) {
            if (recording) {
                byStep.computeIfAbsent(step, s -> new Latencies()).error();
                failedUnits++;
                if (failures.size() < 3) {
                    failures.add(step + ": " + why);
                }
            }
            return false;
        }

        void done() {
            if (recording) {
                units++;
            }
        }
    }

    /** One unit of work; returns normally whether or not it succeeded (failures go to {@link Steps#fail}). */
    interface Unit {
        void run(int thread, Steps steps) throws Exception;
    }

    /** What a run measured, all threads merged. */
    record Result(Map<String, Latencies> byStep, long units, long failedUnits, List<String> failures,
            double seconds) {

        double perSecond(String step) {
            var l = byStep.get(step);
            return l == null ? 0 : l.count() / seconds;
        }

        double unitsPerSecond() {
            return units / seconds;
        }

        long errors() {
            return byStep.values().stream().mapToLong(Latencies::errors).sum();
        }
    }

    static Result run(int concurrency, double warmupSeconds, double seconds, Unit unit) throws InterruptedException {
        return run(concurrency, warmupSeconds, seconds, unit, () -> { }, () -> { });
    }

    /** {@code atStart} and {@code atEnd} run right where the measured window opens and closes. */
    static Result run(int concurrency, double warmupSeconds, double seconds, Unit unit, Runnable atStart,
            Runnable atEnd) throws InterruptedException {
        var all = new ArrayList<Steps>();
        var stop = new AtomicBoolean();
        var finished = new CountDownLatch(concurrency);
        for (int i = 0; i < concurrency; i++) {
            var steps = new Steps();
            all.add(steps);
            int thread = i;
            var t = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        try {
                            unit.run(thread, steps);
                        } catch (Exception e) {
                            steps.fail("driver", e.toString());
                        }
                    }
                } finally {
                    finished.countDown();
                }
            }, "load-" + i);
            t.setDaemon(true);
            t.start();
        }
        Thread.sleep((long) (warmupSeconds * 1000));
        atStart.run();
        long start = System.nanoTime();
        all.forEach(s -> s.recording = true);
        Thread.sleep((long) (seconds * 1000));
        all.forEach(s -> s.recording = false);
        atEnd.run();
        double measured = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        finished.await();
        var merged = new java.util.TreeMap<String, Latencies>();
        var failures = new ArrayList<String>();
        long units = 0;
        long failed = 0;
        for (var steps : all) {
            steps.byStep.forEach((step, l) -> merged.computeIfAbsent(step, s -> new Latencies()).addAll(l));
            units += steps.units;
            failed += steps.failedUnits;
            for (var f : steps.failures) {
                if (failures.size() < 5) {
                    failures.add(f);
                }
            }
        }
        return new Result(merged, units, failed, failures, measured);
    }
}
