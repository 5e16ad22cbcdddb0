package dev.handfeed.live;

import dev.handfeed.filters.EventFacts;
import dev.handfeed.filters.Filters;
import dev.handfeed.wire.Encoded;
import dev.handfeed.wire.Heartbeat;
import dev.handfeed.wire.NewHand;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HandOffTest {

    private final List<String> sent = new ArrayList<>();
    private final HandOff handOff = new HandOff(3);

    private boolean send(String text) {
        sent.add(text);
        return true;
    }

    private boolean send(Encoded message) {
        return send(message.json());
    }

    private static Encoded hand(long eventId) {
        NewHand hand = new NewHand("new_hand", eventId, "h" + eventId, Instant.EPOCH, null, null, "NLH", "1/2",
                Instant.EPOCH, "winamax", null, "EUR", "T", 6, 1, null, List.of(), List.of(), 2, null, null, null);
        return new Encoded(hand, "hand " + eventId);
    }

    private static EventFacts facts(long eventId) {
        return EventFacts.of((NewHand) hand(eventId).message());
    }

    private static Encoded beat() {
        return new Encoded(new Heartbeat(Instant.EPOCH), "beat");
    }

    @Test
    void withoutAReplayLiveMessagesGoStraightOut() {
        assertTrue(handOff.live(hand(1), facts(1), this::send));
        assertTrue(handOff.live(beat(), null, this::send));
        assertEquals(List.of("hand 1", "beat"), sent);
    }

    @Test
    void duringAReplayLiveMessagesWaitAndEventsTheReplaySentAreNotRepeated() {
        handOff.hold();
        assertTrue(handOff.live(hand(5), facts(5), this::send));   // broadcast while the replay runs; the replay sends it too
        assertTrue(handOff.live(beat(), null, this::send));
        assertTrue(handOff.live(hand(6), facts(6), this::send));   // committed after the replay's last read
        assertEquals(List.of(), sent, "nothing live passes the replay");
        for (long id = 3; id <= 5; id++) {
            handOff.replayed(id);
            send("replayed " + id);
        }
        assertTrue(handOff.release("complete", this::send, this::send));
        assertEquals(List.of("replayed 3", "replayed 4", "replayed 5", "complete", "beat", "hand 6"), sent);
        assertTrue(handOff.live(hand(6), facts(6), this::send), "a late duplicate from a lane is skipped");
        assertTrue(handOff.live(hand(7), facts(7), this::send));
        assertEquals(List.of("replayed 3", "replayed 4", "replayed 5", "complete", "beat", "hand 6", "hand 7"), sent);
    }

    @Test
    void eventsBroadcastBeforeAReplayReadAreTheReplaysToSendAndStopFillingTheHold() {
        handOff.hold();
        assertTrue(handOff.live(hand(4), facts(4), this::send));
        assertTrue(handOff.live(beat(), null, this::send));
        assertTrue(handOff.live(hand(5), facts(5), this::send));
        handOff.replayReading();                                    // the read that finds 4 and 5
        for (long id = 4; id <= 5; id++) {
            handOff.replayed(id);
            send("replayed " + id);
        }
        assertTrue(handOff.live(hand(6), facts(6), this::send));   // the capacity (3) counts the heartbeat and 6 only
        assertTrue(handOff.live(hand(7), facts(7), this::send));
        handOff.replayReading();                                    // the final read: it finds 6 and 7 too
        handOff.replayed(6);
        send("replayed 6");
        handOff.replayed(7);
        send("replayed 7");
        assertTrue(handOff.live(hand(8), facts(8), this::send));   // committed after the final read
        assertTrue(handOff.release("complete", this::send, this::send));
        assertEquals(List.of("replayed 4", "replayed 5", "replayed 6", "replayed 7", "complete", "beat", "hand 8"), sent);
    }

    @Test
    void aNewConnectionHoldsWhatIsBroadcastUntilItsAcknowledgementIsQueued() {
        handOff.hold();                                             // registered, holding
        assertTrue(handOff.live(hand(8), facts(8), this::send));   // broadcast before the ack is queued
        send("ack");
        assertTrue(handOff.release(null, this::send, this::send)); // live: no closing message of its own
        assertTrue(handOff.live(hand(9), facts(9), this::send));
        assertEquals(List.of("ack", "hand 8", "hand 9"), sent);
    }

    @Test
    void eventsAreJudgedByTheFiltersInForceWhenTheyGoOut() {
        Filters plo = new Filters(java.util.Set.of("PLO"), null, null, null, null, null);
        assertTrue(handOff.live(hand(1), facts(1), this::send));
        assertTrue(handOff.subscribe(plo, "subscribed", this::send));
        assertTrue(handOff.live(hand(2), facts(2), this::send), "an NLH hand is filtered out, not a failure");
        assertTrue(handOff.live(beat(), null, this::send), "what is not an event always goes out");
        assertEquals(List.of("hand 1", "subscribed", "beat"), sent);
        assertEquals(plo, handOff.filters());
    }

    @Test
    void aReplayThatNeverEndsCannotHoldMoreThanTheClientsCapacity() {
        handOff.hold();
        assertTrue(handOff.live(hand(1), facts(1), this::send));
        assertTrue(handOff.live(hand(2), facts(2), this::send));
        assertTrue(handOff.live(hand(3), facts(3), this::send));
        assertFalse(handOff.live(hand(4), facts(4), this::send), "the fourth does not fit: the client is closed as too slow");
    }

    @Test
    void aClientThatCannotTakeTheClosingMessageIsReported() {
        handOff.hold();
        handOff.live(hand(1), facts(1), this::send);
        assertFalse(handOff.release("complete", text -> false, this::send));
        assertFalse(handOff.holding());
    }
}
