package dev.handfeed.live;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static dev.handfeed.live.FrameBudget.Verdict.ABUSE;
import static dev.handfeed.live.FrameBudget.Verdict.ALLOWED;
import static dev.handfeed.live.FrameBudget.Verdict.REFUSED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class FrameBudgetTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void aBurstOfTwiceTheRateThenTheRateItself() {
        FrameBudget budget = new FrameBudget(20, 0);
        for (int i = 0; i < 40; i++) {
            assertEquals(ALLOWED, budget.take(0), "frame " + i);
        }
        assertEquals(REFUSED, budget.take(0));
        assertEquals(REFUSED, budget.take(49 * MS));
        assertEquals(ALLOWED, budget.take(50 * MS), "one frame every 50 ms at 20 a second");
        assertEquals(REFUSED, budget.take(51 * MS));
    }

    @Test
    void tenSecondsOverTheRateIsAbuse() {
        FrameBudget budget = new FrameBudget(20, 0);
        long now = 0;
        FrameBudget.Verdict last = ALLOWED;
        while (last != ABUSE) {
            now += 10 * MS; // 100 a second
            last = budget.take(now);
        }
        // The burst of 40 lasts 0.5 s at a net 80 over; refusals start then, and 10 s of them is abuse.
        assertEquals(10_500, now / MS, 50);
    }

    @Test
    void aCalmSecondForgetsThePastRefusals() {
        FrameBudget budget = new FrameBudget(1, 0);
        long now = 0;
        for (int second = 0; second < 30; second++) {
            // Three frames every 1.5 s: some refused, but never a refusal a second apart: no abuse, ever.
            now += 1_500 * MS;
            for (int i = 0; i < 3; i++) {
                FrameBudget.Verdict verdict = budget.take(now + i);
                assertNotEquals(ABUSE, verdict, "at " + now / MS + " ms");
            }
        }
    }
}
