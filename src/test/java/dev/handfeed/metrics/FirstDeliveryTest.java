package dev.handfeed.metrics;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FirstDeliveryTest {

    private final FirstDelivery first = new FirstDelivery();

    @Test
    void eachHandIsFirstOnceInTheOrderClientsReceiveThem() {
        long seen = System.nanoTime();
        assertTrue(first.claim(seen, 10));
        assertFalse(first.claim(seen, 10), "the second client's write of the same hand");
        assertTrue(first.claim(seen, 11), "the next hand of the same read");
        assertFalse(first.claim(seen, 10), "a slower lane still writing the earlier hand");
        assertTrue(first.claim(seen + 1_000, 1), "a later change, even with a lower id (a new journal)");
        assertFalse(first.claim(seen + 500, 12), "a change seen earlier is not news");
    }

    @Test
    void seenTimesAreComparedAcrossTheNanoTimeWrap() {
        assertTrue(first.claim(Long.MAX_VALUE - 10, 1));
        assertTrue(first.claim(Long.MIN_VALUE + 10, 2), "20 ns later, past the wrap");
    }

    @Test
    void clientsOnParallelThreadsClaimEachHandExactlyOnce() throws Exception {
        long seen = System.nanoTime();
        int hands = 2_000;
        ExecutorService lanes = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> claims = new ArrayList<>();
            for (int lane = 0; lane < 4; lane++) {
                claims.add(lanes.submit(() -> {
                    int won = 0;
                    for (int id = 1; id <= hands; id++) {
                        won += first.claim(seen, id) ? 1 : 0;
                    }
                    return won;
                }));
            }
            int total = 0;
            for (Future<Integer> claim : claims) {
                total += claim.get(30, TimeUnit.SECONDS);
            }
            assertEquals(hands, total);
        } finally {
            lanes.shutdownNow();
        }
    }
}
