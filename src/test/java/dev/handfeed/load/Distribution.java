package dev.handfeed.load;

import java.util.Arrays;
import java.util.Locale;

/** Percentiles of measured durations (nanoseconds in, milliseconds out). */
record Distribution(int count, double p50Ms, double p99Ms, double maxMs) {

    static Distribution of(long[] nanos, int count) {
        if (count == 0) {
            return new Distribution(0, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return new Distribution(count, ms(sorted[rank(count, 0.50)]), ms(sorted[rank(count, 0.99)]),
                ms(sorted[count - 1]));
    }

    /** Nearest-rank percentile. */
    private static int rank(int count, double quantile) {
        return Math.max(0, (int) Math.ceil(quantile * count) - 1);
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "p50 %.3f ms, p99 %.3f ms, max %.3f ms (n=%d)", p50Ms, p99Ms, maxMs, count);
    }
}
