package dev.handfeed.journal;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The journal that is open now, for the parts that read it (acks, replays, {@code GET /events}, retention). The
 * watcher opens and closes it (and opens it again after a failure); readers take it as it is at that moment, or
 * wait for it ({@link #whenOpen}).
 */
@ApplicationScoped
public class JournalAccess {

    private static final Logger LOG = Logger.getLogger(JournalAccess.class.getName());

    /** Work waiting for the journal, dropped unrun once {@code wanted} says it is no longer wanted. */
    private record Waiting(BooleanSupplier wanted, Consumer<Journal> then) {
    }

    private final AtomicReference<Journal> current = new AtomicReference<>();
    private final List<Waiting> waiting = new ArrayList<>(); // guarded by this

    public Optional<Journal> current() {
        return Optional.ofNullable(current.get());
    }

    /**
     * Runs {@code then} with the open journal: now when it is open, else (on the watcher's thread) as soon as it
     * opens, if {@code wanted} still holds then. A client resuming in the moment between the server's start and the
     * journal's opening is served once it opens, instead of being told to come back.
     */
    public void whenOpen(BooleanSupplier wanted, Consumer<Journal> then) {
        Journal open;
        synchronized (this) {
            open = current.get();
            if (open == null) {
                waiting.removeIf(w -> !w.wanted().getAsBoolean()); // clients that left while it was closed
                waiting.add(new Waiting(wanted, then));
                return;
            }
        }
        then.accept(open);
    }

    public void opened(Journal journal) {
        List<Waiting> ready;
        synchronized (this) {
            current.set(journal);
            ready = List.copyOf(waiting);
            waiting.clear();
        }
        for (Waiting w : ready) {
            if (!w.wanted().getAsBoolean()) {
                continue;
            }
            try {
                w.then().accept(journal);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Work waiting for the journal failed; the rest goes on", e);
            }
        }
    }

    public void closing(Journal journal) {
        current.compareAndSet(journal, null);
    }

    /** Work waiting for the journal to open. */
    public synchronized int waiting() {
        return waiting.size();
    }
}
