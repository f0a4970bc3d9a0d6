package dev.landline.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Webhooks sent at once, for the players' concurrent presses. */
final class Parallel {

    private Parallel() {
    }

    /** Runs these tasks on {@code threads} threads; their results in order (each within 120 s). */
    static <T> List<T> run(int threads, List<Callable<T>> tasks) {
        var pool = Executors.newFixedThreadPool(threads);
        try {
            var futures = new ArrayList<Future<T>>();
            for (var task : tasks) {
                futures.add(pool.submit(task));
            }
            var results = new ArrayList<T>();
            for (var future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("a webhook failed", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
