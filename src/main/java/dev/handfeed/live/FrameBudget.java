package dev.handfeed.live;

import java.util.concurrent.TimeUnit;

/**
 * A client's allowance of inbound frames: a token bucket refilled at CLIENT_MAX_FRAMES_PER_SECOND, holding twice
 * that for bursts. A frame over it is refused; refusals that go on for {@link #ABUSE_NANOS} (no calm second between
 * two of them) are abuse, and the client is closed.
 */
final class FrameBudget {

    /** Verdict on one frame. */
    enum Verdict { ALLOWED, REFUSED, ABUSE }

    static final long ABUSE_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long CALM_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final double perNano;
    private final double capacity;
    private double tokens;
    private long refilledAt;
    private boolean over;
    private long overSince;
    private long lastRefused;

    FrameBudget(int perSecond, long now) {
        this.perNano = perSecond / 1e9;
        this.capacity = 2.0 * perSecond;
        this.tokens = capacity;
        this.refilledAt = now;
    }

    synchronized Verdict take(long now) {
        tokens = Math.min(capacity, tokens + (now - refilledAt) * perNano);
        refilledAt = now;
        boolean calm = now - lastRefused > CALM_NANOS;
        if (tokens >= 1) {
            tokens -= 1;
            if (over && calm) {
                over = false;
            }
            return Verdict.ALLOWED;
        }
        if (!over || calm) {
            over = true;
            overSince = now;
        }
        lastRefused = now;
        return now - overSince >= ABUSE_NANOS ? Verdict.ABUSE : Verdict.REFUSED;
    }
}
