package dev.handfeed.journal;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The journal that is open now, for the parts that read it (acks, replays, {@code GET /events}, retention). The
 * watcher opens and closes it (and opens it again after a failure); readers take it as it is at that moment.
 */
@ApplicationScoped
public class JournalAccess {

    private final AtomicReference<Journal> current = new AtomicReference<>();

    public Optional<Journal> current() {
        return Optional.ofNullable(current.get());
    }

    public void opened(Journal journal) {
        current.set(journal);
    }

    public void closing(Journal journal) {
        current.compareAndSet(journal, null);
    }
}
