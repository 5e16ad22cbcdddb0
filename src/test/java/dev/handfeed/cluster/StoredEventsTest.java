package dev.handfeed.cluster;

import dev.handfeed.filters.EventFacts;
import dev.handfeed.hands.HandEvent;
import dev.handfeed.hands.HandParser;
import dev.handfeed.journal.StoredEvent;
import dev.handfeed.tournaments.SummaryEntry;
import dev.handfeed.tournaments.TournamentSummaryParser;
import dev.handfeed.wire.Event;
import dev.handfeed.wire.JsonCodec;
import dev.handfeed.wire.NewHand;
import dev.handfeed.wire.TournamentResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A node that follows a shared journal broadcasts events it did not write: read back from their stored text, they
 * must be the messages that were written, down to the filters' facts and the exact text.
 */
class StoredEventsTest {

    private static final Instant AT = Instant.parse("2026-11-26T10:00:00.123Z");
    private final JsonCodec codec = new JsonCodec();

    @ParameterizedTest
    @ValueSource(strings = {"cash_nlh_showdown_rake.txt", "mtt_antes_bounty_names.txt", "cash_stud.txt",
        "hero_not_dealt.txt", "cash_play_money_ante_oop_bb.txt"})
    void aStoredHandReadsBackAsTheHandThatWasWritten(String fixture) throws IOException {
        HandEvent parsed = new HandParser().parseAll(read("/hands/" + fixture), fixture).get(0);
        NewHand written = NewHand.of(assertInstanceOf(HandEvent.Parsed.class, parsed).hand(), 42, AT);
        String json = codec.toJson(written);
        Event read = StoredEvents.decode(codec, new StoredEvent(42, "new_hand", json));
        assertEquals(written, read);
        assertEquals(json, codec.toJson(read));
        assertEquals(EventFacts.of(written), EventFacts.of(read));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rebuys_addons_cashed.txt", "satellite_ticket_won.txt", "husng_unknown_place.txt"})
    void aStoredResultReadsBackAsTheResultThatWasWritten(String fixture) throws IOException {
        SummaryEntry entry = new TournamentSummaryParser().parse(fixture, read("/summaries/fixtures/" + fixture)).get(0);
        TournamentResult written = TournamentResult.of(assertInstanceOf(SummaryEntry.Result.class, entry).summary(),
                7, AT);
        String json = codec.toJson(written);
        Event read = StoredEvents.decode(codec, new StoredEvent(7, "tournament_result", json));
        assertEquals(json, codec.toJson(read));
        assertEquals(EventFacts.of(written), EventFacts.of(read));
    }

    private static byte[] read(String resource) throws IOException {
        try (InputStream in = StoredEventsTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            return in.readAllBytes();
        }
    }
}
