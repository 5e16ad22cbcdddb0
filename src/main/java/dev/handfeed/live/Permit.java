package dev.handfeed.live;

import dev.handfeed.auth.Caller;
import dev.handfeed.auth.Grant;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * What one admitted connection may do: who it is, until when its token holds (replaced by a refresh), its frame
 * budget, and the place it takes under the connection caps, given back once when it closes.
 */
final class Permit {

    private final Caller caller;
    private final FrameBudget budget;
    private final Consumer<String> release;
    private final AtomicBoolean released = new AtomicBoolean();
    private volatile Grant grant;

    Permit(Caller caller, FrameBudget budget, Consumer<String> release) {
        this.caller = caller;
        this.budget = budget;
        this.release = release;
        this.grant = caller.grant();
    }

    Caller caller() { return caller; }
    FrameBudget budget() { return budget; }
    /** The current token's grant; null when AUTH_MODE=none. */
    Grant grant() { return grant; }

    void refresh(Grant newGrant) {
        grant = newGrant;
    }

    void release() {
        if (released.compareAndSet(false, true)) {
            release.accept(caller.address());
        }
    }
}
