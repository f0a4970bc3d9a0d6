package dev.landline.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WrkTest {

    private static final String CLEAN = """
            Running 5s test @ http://127.0.0.1:46215/
              1 threads and 50 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency    28.29ms   29.66ms    1.20s   89.65%
                Req/Sec     2.21k   450.67     2.94k    65.31%
              Latency Distribution
                 50%  812.00us
                 75%   32.64ms
                 90%   59.29ms
                 99%    1.50s
              11125 requests in 5.06s, 7.35MB read
            Requests/sec:   2196.57
            Transfer/sec:      1.45MB
            """;

    @Test
    void readsRateCountAndPercentilesInMilliseconds() {
        var run = Wrk.parse(CLEAN, 5000, 20_000);
        assertEquals(11125, run.requests());
        assertEquals(5.06, run.seconds(), 1e-9);
        assertEquals(2196.57, run.perSecond(), 1e-9);
        assertEquals(0.812, run.p50(), 1e-9);
        assertEquals(1500, run.p99(), 1e-9);
        assertEquals(0, run.failed());
        assertFalse(run.reusedSignatures());
    }

    @Test
    void countsNon2xxAnswersAndSocketErrorsAsFailedRequests() {
        var failing = CLEAN.replace("Requests/sec:", """
                  Socket errors: connect 0, read 2, write 0, timeout 3
                  Non-2xx or 3xx responses: 7
                Requests/sec:""");
        var run = Wrk.parse(failing, 5000, 20_000);
        assertEquals(7, run.non2xx());
        assertEquals(5, run.socketErrors());
        assertEquals(12, run.failed());
    }

    @Test
    void saysWhenMoreRequestsWentOutThanWereSigned() {
        assertTrue(Wrk.parse(CLEAN, 5000, 10_000).reusedSignatures());
    }

    @Test
    void refusesOutputWithoutASummary() {
        assertThrows(IllegalStateException.class, () -> Wrk.parse("unable to connect to 127.0.0.1:1", 0, 0));
    }
}
