package dev.handfeed.journal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A server's part in {@link JournalKillTest}, in a JVM of its own: records hands, says so, and waits to be killed
 * before they are written into the database.
 */
public final class JournalKillMain {

    private JournalKillMain() {
    }

    public static void main(String[] args) throws Exception {
        Journal journal = Journal.open(Path.of(args[0]));
        int count = Integer.parseInt(args[1]);
        List<JournalEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long id = journal.nextEventId();
            entries.add(new JournalEntry("hand-" + id, id, "t.txt", Instant.now(), "new_hand", "{\"event_id\":" + id + "}"));
        }
        journal.commit("t.txt", new FilePosition(null, null, 1000, 50), entries);
        System.out.println("recorded through " + journal.lastEventId());
        System.out.flush();
        Thread.currentThread().join(); // never stores: the kill comes first
    }
}
