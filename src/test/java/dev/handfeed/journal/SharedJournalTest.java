package dev.handfeed.journal;

import dev.handfeed.testing.Postgres;
import dev.handfeed.testing.SharedPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The journal in a real PostgreSQL, opened by two "nodes" at once: one schema and stream, ids that commit in the
 * order they were given, a hand stored once whoever publishes it, retention.
 */
@ExtendWith(SharedPostgres.class)
class SharedJournalTest {

    private static final Instant AT = Instant.parse("2026-11-01T10:00:00Z");

    private static Postgres postgres;
    private DataSource source;
    private String url;

    @BeforeAll
    static void postgres(Postgres shared) {
        postgres = shared;
    }

    @BeforeEach
    void database() throws Exception {
        url = postgres.createDatabase("journal");
        source = DriverSource.postgres(url, postgres.user(), null);
    }

    private static JournalEntry hand(String handId, long eventId) {
        return new JournalEntry(handId, eventId, "t.txt", AT, "new_hand", "{\"hand\":\"" + handId + "\"}");
    }

    @Test
    void twoNodesShareOneSchemaOneStreamAndOneSequence() throws Exception {
        try (Journal a = Journal.openShared(source, url); Journal b = Journal.openShared(source, url)) {
            assertTrue(a.shared());
            assertEquals(a.streamId(), b.streamId());
            long first = a.nextEventId();
            a.commit("a.txt", new FilePosition(null, null, 10, 2), List.of(hand("h1", first)));
            long second = b.nextEventId();
            b.commit("b.txt", FilePosition.START, List.of(hand("h2", second)));
            assertEquals(first + 1, second);
            assertEquals(List.of(new StoredEvent(first, "new_hand", "{\"hand\":\"h1\"}"),
                    new StoredEvent(second, "new_hand", "{\"hand\":\"h2\"}")), b.events().after(0, 10));
            assertEquals(new FilePosition(null, null, 10, 2), b.position("a.txt").orElseThrow(),
                    "offsets are shared: a standby resumes from them");
            assertEquals(second, a.resumableThrough());
            assertEquals(0, a.lastEventId(), "delivered: only what a follower delivered");
        }
        try (Connection c = source.getConnection()) {
            assertEquals(List.of("3:JDBC", "4:JDBC"), JournalMigrationTest.history(c), "created by the migrations");
        }
    }

    @Test
    void aPublisherThatTookAnIdFirstCommitsItFirstTheOtherWaits() throws Exception {
        try (Journal a = Journal.openShared(source, url); Journal b = Journal.openShared(source, url)) {
            long early = a.nextEventId(); // a holds the publishing lock until it commits
            CompletableFuture<Long> late = CompletableFuture.supplyAsync(() -> {
                long id = b.nextEventId();
                b.commit("b.txt", FilePosition.START, List.of(hand("late", id)));
                return id;
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> waitingForAdvisoryLock() == 1);
            assertFalse(late.isDone(), "b waits for a's transaction: it cannot commit an id a reader would pass");
            assertEquals(List.of(), a.events().after(0, 10), "nothing committed yet");
            a.commit("a.txt", FilePosition.START, List.of(hand("early", early)));
            long lateId = late.get(10, TimeUnit.SECONDS);
            assertTrue(lateId > early);
            assertEquals(List.of(early, lateId), a.events().after(0, 10).stream().map(StoredEvent::eventId).toList());
        }
    }

    @Test
    void theSameHandPublishedTwiceIsStoredAndSentOnce() throws Exception {
        try (Journal a = Journal.openShared(source, url); Journal b = Journal.openShared(source, url)) {
            long id = a.nextEventId();
            a.commit("a.txt", FilePosition.START, List.of(hand("same", id)));
            assertFalse(b.contains("other"));
            long again = b.nextEventId();
            b.commit("b.txt", new FilePosition(null, null, 99, 9), List.of(hand("same", again), hand("other",
                    b.nextEventId())));
            List<StoredEvent> events = a.events().after(0, 10);
            assertEquals(List.of("{\"hand\":\"same\"}", "{\"hand\":\"other\"}"),
                    events.stream().map(StoredEvent::payload).toList());
            assertEquals(id, events.get(0).eventId(), "the first publisher's event stays");
            assertEquals(99, b.position("b.txt").orElseThrow().offset(), "the offset moved on all the same");
        }
    }

    @Test
    void retentionPurgesAndEveryNodeLearnsTheWatermark() throws Exception {
        try (Journal a = Journal.openShared(source, url); Journal b = Journal.openShared(source, url)) {
            for (int i = 0; i < 6; i++) {
                a.commit("a.txt", FilePosition.START, List.of(hand("h" + i, a.nextEventId())));
            }
            Purge purge = a.events().purge(2, AT.minusSeconds(60));
            assertEquals(4, purge.deleted());
            assertEquals(2, b.events().count());
            b.events().purge(2, AT.minusSeconds(60));
            assertEquals(purge.purgedThrough(), b.events().purgedThrough(), "read from the shared meta row");
        }
        try (Journal again = Journal.openShared(source, url)) {
            long next = again.nextEventId();
            assertTrue(next > 6, "ids are never given twice: " + next);
            again.commit("a.txt", FilePosition.START, List.of());
        }
    }

    private long waitingForAdvisoryLock() throws Exception {
        try (Connection c = source.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
