package dev.handfeed.cluster;

import dev.handfeed.journal.StoredEvent;
import dev.handfeed.wire.Event;
import dev.handfeed.wire.JsonCodec;
import dev.handfeed.wire.NewHand;
import dev.handfeed.wire.TournamentResult;

/**
 * A stored event read back as the message it was: the broadcast path looks at its fields (filters, metrics) while
 * the text sent stays the stored one, byte for byte.
 */
public final class StoredEvents {

    private StoredEvents() {
    }

    public static Event decode(JsonCodec codec, StoredEvent event) {
        return switch (event.type()) {
            case "new_hand" -> codec.fromJson(event.payload(), NewHand.class);
            case "tournament_result" -> codec.fromJson(event.payload(), TournamentResult.class);
            default -> throw new IllegalArgumentException("Event " + event.eventId() + " is of an unknown type '"
                    + event.type() + "'");
        };
    }
}
