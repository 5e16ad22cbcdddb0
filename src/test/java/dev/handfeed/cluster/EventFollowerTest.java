package dev.handfeed.cluster;

import dev.handfeed.journal.DriverSource;
import dev.handfeed.journal.FilePosition;
import dev.handfeed.journal.Journal;
import dev.handfeed.journal.JournalEntry;
import dev.handfeed.journal.StoredEvent;
import dev.handfeed.testing.Postgres;
import dev.handfeed.testing.SharedPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A node's follower on a real PostgreSQL: every committed event once, in id order, whoever published it; and an
 * event whose notification never came is read all the same, by the poll.
 */
@ExtendWith(SharedPostgres.class)
class EventFollowerTest {

    private static final Instant AT = Instant.parse("2026-11-01T10:00:00Z");

    private static Postgres postgres;

    @BeforeAll
    static void postgres(Postgres shared) {
        postgres = shared;
    }

    @Test
    void everyEventOnceInOrderNotifiedOrNot() throws Exception {
        String url = postgres.createDatabase("follower");
        DataSource source = DriverSource.postgres(url, postgres.user(), null);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        BlockingQueue<StoredEvent> delivered = new LinkedBlockingQueue<>();
        try (Journal a = Journal.openShared(source, url); Journal b = Journal.openShared(source, url)) {
            a.commit("a.txt", FilePosition.START, List.of(entry("before", a.nextEventId())));
            Journal f = Journal.openShared(source, url); // the node that follows starts after event 1
            ClusterNode node = new ClusterNode();
            EventFollower follower = new EventFollower(source, f, node, delivered::add, 200);
            executor.execute(follower);
            await().atMost(Duration.ofSeconds(10)).until(() -> node.newest() == 1);

            a.commit("a.txt", FilePosition.START, List.of(entry("a1", a.nextEventId())));
            b.commit("b.txt", FilePosition.START, List.of(entry("b1", b.nextEventId()), entry("b2", b.nextEventId())));
            // Written without a notification: only the poll can find it.
            try (Connection c = source.getConnection(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO events VALUES (nextval('event_ids'), 'new_hand', now(), '{\"hand\":\"quiet\"}')");
            }
            List<String> got = new java.util.ArrayList<>();
            long last = 1;
            for (int i = 0; i < 4; i++) {
                StoredEvent event = delivered.poll(10, TimeUnit.SECONDS);
                assertNotNull(event, "delivered so far: " + got);
                assertTrue(event.eventId() > last, "in id order");
                last = event.eventId();
                got.add(event.payload());
            }
            assertEquals(List.of("{\"hand\":\"a1\"}", "{\"hand\":\"b1\"}", "{\"hand\":\"b2\"}", "{\"hand\":\"quiet\"}"),
                    got, "the event there before the follower started is not its to deliver");
            // The node records an event as delivered right after handing it over, so its lag may trail by a moment.
            long newest = last;
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertEquals(newest, f.lastEventId(), "acks count from what the node delivered");
                assertEquals(0, node.lag());
            });
            follower.stop();
            assertTrue(!follower.failed());
            assertEquals(List.of(), List.copyOf(delivered), "nothing twice");
            f.close();
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * A client is acked with the journal's newest event id once it is registered. An event broadcast just before the
     * registration has passed it by, so that id must count the event already, or the client waits for it in vain.
     */
    @Test
    void theJournalCountsAnEventBeforeItIsBroadcast() throws Exception {
        String url = postgres.createDatabase("follower_counts_first");
        DataSource source = DriverSource.postgres(url, postgres.user(), null);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        BlockingQueue<long[]> broadcast = new LinkedBlockingQueue<>();
        try (Journal a = Journal.openShared(source, url); Journal f = Journal.openShared(source, url)) {
            ClusterNode node = new ClusterNode();
            EventFollower follower = new EventFollower(source, f, node,
                    event -> broadcast.add(new long[] {event.eventId(), f.lastEventId()}), 200);
            executor.execute(follower);
            await().atMost(Duration.ofSeconds(10)).until(() -> node.newest() == 0);

            a.commit("a.txt", FilePosition.START, List.of(entry("a1", a.nextEventId()), entry("a2", a.nextEventId())));
            for (int i = 0; i < 2; i++) {
                long[] seen = broadcast.poll(10, TimeUnit.SECONDS);
                assertNotNull(seen, "event " + (i + 1) + " was not broadcast");
                assertEquals(seen[0], seen[1], "the newest id an ack gives, as event " + seen[0] + " is broadcast");
            }
            follower.stop();
            assertTrue(!follower.failed());
        } finally {
            executor.shutdownNow();
        }
    }

    private static JournalEntry entry(String handId, long eventId) {
        return new JournalEntry(handId, eventId, "t.txt", AT, "new_hand", "{\"hand\":\"" + handId + "\"}");
    }
}
