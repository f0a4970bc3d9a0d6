package dev.landline.calls.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.persistence.PersistenceException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** PIN checks run on their own threads, never more at once than the machine has cores, and fail as they threw. */
class PinChecksTest {

    private final PinChecks checks = new PinChecks();

    PinChecksTest() {
        checks.threadFactory = new ManagedThreadFactory() {
            @Override
            public Thread newThread(Runnable task) {
                var thread = new Thread(task, "managed-thread-of-the-server");
                thread.setDaemon(true);
                return thread;
            }

            @Override
            public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
                throw new UnsupportedOperationException("not used");
            }
        };
    }

    @AfterEach
    void stop() {
        checks.stop();
    }

    @Test
    void aCheckRunsOnAPinCheckThreadNotTheCallersOne() {
        var ranOn = checks.run(Thread::currentThread).toCompletableFuture().join();
        assertNotSame(Thread.currentThread(), ranOn);
        assertTrue(ranOn.getName().matches("pin-check-[0-9]+"), ranOn.getName());
    }

    @Test
    void thePinCheckThreadsAreNumberedAndFitTheFifteenCharactersLinuxKeepsOfAThreadName() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        var names = java.util.concurrent.ConcurrentHashMap.<String>newKeySet();
        var all = new CountDownLatch(cores);
        var release = new CountDownLatch(1);
        List<CompletableFuture<Void>> checksRunning = new ArrayList<>();
        for (int i = 0; i < cores; i++) {
            checksRunning.add(checks.run(() -> {
                names.add(Thread.currentThread().getName());
                all.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return (Void) null;
            }).toCompletableFuture());
        }
        assertTrue(all.await(10, TimeUnit.SECONDS));
        release.countDown();
        CompletableFuture.allOf(checksRunning.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        var expected = new java.util.HashSet<String>();
        for (int i = 1; i <= cores; i++) {
            expected.add(PinChecks.THREAD_NAME + "-" + i);
        }
        assertEquals(expected, names, "one thread per core, numbered from 1");
        assertTrue(names.stream().allMatch(name -> name.length() <= 15), names.toString());
    }

    @Test
    void neverMoreChecksRunAtOnceThanTheMachineHasCores() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        var running = new AtomicInteger();
        var most = new AtomicInteger();
        var release = new CountDownLatch(1);
        var started = new CountDownLatch(cores);
        List<CompletableFuture<Integer>> all = new ArrayList<>();
        for (int i = 0; i < cores + 3; i++) {
            all.add(checks.run(() -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return running.decrementAndGet();
            }).toCompletableFuture());
        }
        assertTrue(started.await(10, TimeUnit.SECONDS), "as many checks as cores start at once");
        Thread.sleep(200); // a further check, were it let in, would have started by now
        assertEquals(cores, running.get(), "the rest wait, holding no thread of the caller's");
        release.countDown();
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertEquals(cores, most.get(), "and every waiting check ran in its turn");
    }

    @Test
    void onceStoppedACheckStillArrivingRunsOnTheCallersThreadInsteadOfFailing() {
        checks.run(() -> 1).toCompletableFuture().join();
        checks.stop();
        assertSame(Thread.currentThread(), checks.run(Thread::currentThread).toCompletableFuture().join());
    }

    @Test
    void stoppedBeforeAnyCheckItStartsNoThreadsAndChecksRunOnTheCallersThread() {
        checks.stop();
        assertSame(Thread.currentThread(), checks.run(Thread::currentThread).toCompletableFuture().join());
        assertFalse(checks.threads instanceof ExecutorService, "no pool was started");
    }

    @Test
    void aFailedCheckCompletesWithTheExceptionItThrewNotAWrapper() throws Exception {
        var down = new PersistenceException("database unreachable");
        var failure = new CompletableFuture<Throwable>();
        checks.run(() -> {
            throw down;
        }).whenComplete((reply, thrown) -> failure.complete(thrown));
        assertSame(down, failure.get(10, TimeUnit.SECONDS), "the webhooks' failure mapper must see it as thrown");
    }
}
