package dev.handfeed.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class JournalAccessTest {

    @TempDir
    Path data;

    private final JournalAccess access = new JournalAccess();
    private final List<String> ran = new ArrayList<>();

    @Test
    void workForAClosedJournalRunsWhenItOpensAndWorkForAnOpenOneAtOnce() {
        access.whenOpen(() -> true, journal -> ran.add("early " + journal.lastEventId()));
        assertEquals(List.of(), ran, "nothing to run on before the journal opens");
        assertEquals(1, access.waiting());
        try (Journal journal = Journal.open(data)) {
            access.opened(journal);
            assertEquals(List.of("early 0"), ran);
            assertEquals(0, access.waiting());
            access.whenOpen(() -> true, open -> {
                assertSame(journal, open);
                ran.add("late");
            });
            assertEquals(List.of("early 0", "late"), ran);
            access.closing(journal);
        }
    }

    @Test
    void workNoLongerWantedIsDroppedAndAFailingOneDoesNotStopTheOthers() {
        AtomicBoolean firstStillWanted = new AtomicBoolean(true);
        access.whenOpen(firstStillWanted::get, journal -> ran.add("left"));
        firstStillWanted.set(false); // the client closed while the journal was not open
        access.whenOpen(() -> true, journal -> {
            throw new IllegalStateException("a resume that fails");
        });
        access.whenOpen(() -> true, journal -> ran.add("stayed"));
        assertEquals(2, access.waiting(), "the client that left is no longer waited for");
        try (Journal journal = Journal.open(data)) {
            access.opened(journal);
            assertEquals(List.of("stayed"), ran);
            access.closing(journal);
        }
    }
}
