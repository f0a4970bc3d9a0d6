package dev.landline.calls.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Where a call's PIN is checked: on one of as many threads as the machine has cores, never on an HTTP worker. A
 * check is a deliberately slow hash (about a tenth of a second of CPU); on the HTTP workers, a few overlapping checks
 * held every worker, and the light steps of other calls (an account number, a repeat) waited behind them. Here a
 * check beyond the cores waits its turn holding no worker, and the light steps share the cores with at most one
 * hash per core. The threads come from the server's default {@link ManagedThreadFactory} (Jakarta Concurrency), so a
 * check runs with the application's context (its class loader and names) and can start transactions of its own; it
 * inherits nothing of the request's (no request scope, no transaction). They are named {@value #THREAD_NAME}-1, -2, …
 * (also the operating system's name for them), so that a thread dump, {@code top -H} or the benchmark can tell how
 * much of the server's CPU goes to PIN checks.
 */
@ApplicationScoped
public class PinChecks {

    /** The PIN-check threads' name, numbered from 1; at most 15 characters with its number, as Linux keeps them. */
    public static final String THREAD_NAME = "pin-check";

    @Resource
    ManagedThreadFactory threadFactory;

    /** Package-private: a test runs checks on its own executor. */
    Executor threads;

    private boolean stopped;

    /**
     * A check's outcome, or its exception exactly as thrown (not wrapped): the webhooks' mappers see it as ever. Once
     * the application stops, a check still arriving runs on the caller's thread, as before there were these threads.
     */
    public <T> CompletionStage<T> run(Supplier<T> check) {
        var outcome = new CompletableFuture<T>();
        Runnable task = () -> {
            try {
                outcome.complete(check.get());
            } catch (Throwable failed) {
                outcome.completeExceptionally(failed);
            }
        };
        try {
            threads().execute(task);
        } catch (RejectedExecutionException | IllegalStateException stopping) {
            // the pool is shut down, or the server's factory makes no more threads for a stopping application:
            // the task was not taken
            task.run();
        }
        return outcome;
    }

    /**
     * Started on the first check, so that a node that never answers a call starts no threads; never after
     * {@link #stop}, when checks run on their callers' threads.
     */
    synchronized Executor threads() {
        if (threads == null) {
            var made = new AtomicInteger();
            threads = stopped ? Runnable::run
                    : Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), task -> {
                        var thread = threadFactory.newThread(task);
                        thread.setName(THREAD_NAME + "-" + made.incrementAndGet());
                        return thread;
                    });
        }
        return threads;
    }

    /** Checks already waiting still run (their callers are on the line); no new one is taken. */
    @PreDestroy
    synchronized void stop() {
        stopped = true;
        if (threads instanceof ExecutorService service) {
            service.shutdown();
        }
    }
}
