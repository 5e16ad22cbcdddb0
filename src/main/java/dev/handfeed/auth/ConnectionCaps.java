package dev.handfeed.auth;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Open WebSocket connections, per peer address and in total, against MAX_CONNECTIONS_PER_ADDRESS and
 * MAX_CONNECTIONS. {@link #check} is the filter's early answer (HTTP 429/503 before the upgrade); {@link #admit} is
 * the exact one, taken when the connection opens, so that connections racing past the check still never exceed a cap.
 */
public final class ConnectionCaps {

    /** Whether one more connection fits. */
    public enum Verdict { ADMITTED, ADDRESS_FULL, SERVER_FULL }

    private final int perAddress;
    private final int total;
    private final ConcurrentMap<String, Integer> byAddress = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();

    public ConnectionCaps(int perAddress, int total) {
        this.perAddress = perAddress;
        this.total = total;
    }

    public Verdict check(String address) {
        if (address != null && byAddress.getOrDefault(address, 0) >= perAddress) {
            return Verdict.ADDRESS_FULL;
        }
        return open.get() >= total ? Verdict.SERVER_FULL : Verdict.ADMITTED;
    }

    /** Takes a place for a connection from {@code address} (null: unknown, only the total counts). */
    public Verdict admit(String address) {
        if (address != null) {
            AtomicBoolean taken = new AtomicBoolean();
            byAddress.compute(address, (a, n) -> {
                int count = n == null ? 0 : n;
                if (count >= perAddress) {
                    return n;
                }
                taken.set(true);
                return count + 1;
            });
            if (!taken.get()) {
                return Verdict.ADDRESS_FULL;
            }
        }
        if (open.incrementAndGet() > total) {
            open.decrementAndGet();
            leave(address);
            return Verdict.SERVER_FULL;
        }
        return Verdict.ADMITTED;
    }

    /** Gives back the place an admitted connection held; called once per admitted connection. */
    public void release(String address) {
        open.decrementAndGet();
        leave(address);
    }

    public int perAddress() { return perAddress; }
    public int total() { return total; }

    private void leave(String address) {
        if (address != null) {
            byAddress.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
        }
    }
}
