package dev.handfeed.filters;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FiltersTest {

    private static final EventFacts NLH_CASH = new EventFacts("new_hand", "NLH", "0.01/0.02", "cash", true, "Nice");
    private static final EventFacts PLO_NOT_DEALT = new EventFacts("new_hand", "PLO", "0.50/1", "cash", false, "Port");
    private static final EventFacts SNG = new EventFacts("new_hand", "NLH", "15/30", "tournament", true, "Expresso#0");
    private static final EventFacts RESULT = new EventFacts("tournament_result", null, null, "tournament", false, null);

    @Test
    void noFilterTakesEverything() {
        for (EventFacts event : new EventFacts[] {NLH_CASH, PLO_NOT_DEALT, SNG, RESULT}) {
            assertTrue(Filters.NONE.matches(event));
        }
    }

    @Test
    void valuesOfAKeyAreAlternativesAndKeysCombineWithAnd() {
        Filters nlhOrPloCash = new Filters(Set.of("NLH", "PLO"), null, Set.of("cash"), null, null, null);
        assertTrue(nlhOrPloCash.matches(NLH_CASH));
        assertTrue(nlhOrPloCash.matches(PLO_NOT_DEALT));
        assertFalse(nlhOrPloCash.matches(SNG));
        Filters dealtPlo = new Filters(Set.of("PLO"), null, null, true, null, null);
        assertFalse(dealtPlo.matches(PLO_NOT_DEALT));
    }

    @Test
    void aKeyTheEventDoesNotHaveExcludesItWhileKindAndTypesPickTournamentResults() {
        assertFalse(new Filters(null, Set.of("15/30"), null, null, null, null).matches(RESULT));
        assertTrue(new Filters(null, null, Set.of("tournament"), null, null, null).matches(RESULT));
        assertTrue(new Filters(null, null, Set.of("tournament"), null, null, null).matches(SNG));
        assertFalse(new Filters(null, null, null, null, null, Set.of("new_hand")).matches(RESULT));
    }

    @Test
    void storedEventsGiveTheSameFactsAsTheTypedMessage() {
        String json = "{\"type\":\"new_hand\",\"event_id\":3,\"hero_result\":null,\"game_type\":\"PLO\","
                + "\"stakes\":\"0.50/1\",\"currency\":\"EUR\",\"table\":\"Port\",\"tournament\":null}";
        assertEquals(PLO_NOT_DEALT, EventFacts.of(Json.createReader(new StringReader(json)).readObject()));
        String chips = "{\"type\":\"new_hand\",\"hero_result\":-30,\"game_type\":\"NLH\",\"stakes\":\"15/30\","
                + "\"currency\":\"CHIPS\",\"table\":\"Expresso#0\",\"tournament\":{\"name\":\"Expresso\"}}";
        assertEquals(SNG, EventFacts.of(Json.createReader(new StringReader(chips)).readObject()));
    }
}
