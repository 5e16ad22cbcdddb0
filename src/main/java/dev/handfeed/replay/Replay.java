package dev.handfeed.replay;

import dev.handfeed.filters.EventFacts;
import dev.handfeed.filters.Filters;
import dev.handfeed.journal.EventLog;
import dev.handfeed.journal.JournalException;
import dev.handfeed.journal.StoredEvent;
import dev.handfeed.live.Client;
import dev.handfeed.wire.JsonText;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One client's replay, read from the journal page by page, through the client's filters. At most {@code window} messages are ever unconfirmed:
 * when the client is that far behind, the replay pauses until its pong shows it has read them, so a client that
 * is thousands of events behind is served at its own pace and never costs the server more than a window of memory.
 * A paused replay holds no thread; the pong schedules the next step.
 */
final class Replay implements Runnable {

    /** How a replay ends: with the range of ids it covered and the events it sent, or cut short. */
    interface Ending {
        void completed(Client client, long from, long to, long count);

        /** The client could not take the next event: it is too far behind. */
        void tooSlow(Client client, long count);

        /** The connection closed, or the journal failed ({@code why}, null when the client left). */
        void failed(Client client, long count, String why);
    }

    private static final Logger LOG = Logger.getLogger(Replay.class.getName());
    /**
     * Messages sent per turn before the replay goes back in the workers' queue: short turns let the other
     * replays and, between turns, the live feed go first (see {@link ReplayWorkers}).
     */
    static final int TURN = 100;
    /** A turn reads what it sends: a longer page would be read again by the next turn, the unsent part for nothing. */
    private static final int PAGE = TURN;

    private final Client client;
    private final EventLog log;
    private final int window;
    private final ReplayWorkers workers;
    private final Ending ending;
    private final long from;
    private long cursor;
    private long count;
    private int sinceReceipt;

    Replay(Client client, EventLog log, long after, int window, ReplayWorkers workers, Ending ending) {
        this.client = client;
        this.log = log;
        this.from = after + 1;
        this.cursor = after;
        this.window = window;
        this.workers = workers;
        this.ending = ending;
    }

    /** The client's filters judge stored events too; without filters nothing needs reading. */
    static boolean wanted(Filters filters, dev.handfeed.journal.StoredEvent event) {
        if (filters.isEmpty()) {
            return true;
        }
        return filters.matches(EventFacts.of(JsonText.object(event.payload())));
    }

    @Override
    public void run() {
        client.holdSends(); // the turn's messages leave together, when it ends
        try {
            int turn = 0;
            while (client.isOpen()) {
                client.replayReading();
                List<StoredEvent> page = log.after(cursor, PAGE);
                if (page.isEmpty()) {
                    // Nothing newer is committed: whatever is broadcast from here on is held by the client's
                    // hand-off and follows the replay.
                    ended().completed(client, from, cursor, count);
                    return;
                }
                for (StoredEvent event : page) {
                    if (client.unconfirmed() >= window) {
                        client.whenRead(() -> workers.execute(this));
                        return;
                    }
                    if (turn >= TURN) {
                        workers.execute(this);
                        return;
                    }
                    if (!wanted(client.filters(), event)) {
                        cursor = event.eventId();
                        continue;
                    }
                    if (!client.sendReplayed(event.payload(), event.eventId())) {
                        ended().tooSlow(client, count);
                        return;
                    }
                    cursor = event.eventId();
                    count++;
                    turn++;
                    if (++sinceReceipt >= Math.max(1, window / 2)) {
                        client.askReadReceipt();
                        sinceReceipt = 0;
                    }
                }
            }
            LOG.fine(() -> "Replay to client " + client.id() + " stopped: the connection closed after " + count);
            ended().failed(client, count, null);
        } catch (JournalException e) {
            ended().failed(client, count, e.getMessage());
        } catch (RuntimeException e) {
            // A fault of ours, not the journal's: the client still learns it and goes live instead of holding its
            // live messages until it is closed for being too far behind; the other replays go on.
            LOG.log(Level.SEVERE, "Replay to client " + client.id() + " failed after " + count + " event(s)", e);
            ended().failed(client, count, "an internal error (see the server log)");
        } finally {
            client.sendHeld();
        }
    }

    /** The replay ends here, however it ends: it no longer counts among the running ones. */
    private Ending ended() {
        workers.ended();
        return ending;
    }
}
