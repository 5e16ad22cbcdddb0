package dev.handfeed.filters;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code hero} key: a coach on a shared journal follows one player's hands and results. */
class HeroFilterTest {

    @Test
    void heroKeepsOnlyThatPlayersEventsHandsAndResultsAlike() throws Exception {
        Filters alice = FilterParser.fromQuery(Map.of("hero", List.of("alice, bob")));
        assertEquals(Set.of("alice", "bob"), alice.heroes());
        assertEquals(Map.of("hero", Set.of("alice", "bob")), alice.describe());
        assertTrue(alice.matches(facts("{\"type\":\"new_hand\",\"hero\":\"alice\",\"table\":\"Nice\"}")));
        assertTrue(alice.matches(facts("{\"type\":\"tournament_result\",\"hero\":\"bob\"}")));
        assertFalse(alice.matches(facts("{\"type\":\"new_hand\",\"hero\":\"carol\"}")));
        assertFalse(alice.matches(facts("{\"type\":\"new_hand\",\"hero\":null}")), "no hero: not that player's");
        assertTrue(Filters.NONE.matches(facts("{\"type\":\"new_hand\",\"hero\":null}")));
    }

    @Test
    void heroInASubscribeIsAListOfNames() throws Exception {
        Filters filters = FilterParser.fromJson(Json.createReader(new StringReader("{\"hero\":[\"alice\"]}")).readObject());
        assertEquals(Set.of("alice"), filters.heroes());
        InvalidFilter wrong = org.junit.jupiter.api.Assertions.assertThrows(InvalidFilter.class, () ->
                FilterParser.fromJson(Json.createReader(new StringReader("{\"hero\":\"alice\"}")).readObject()));
        assertTrue(wrong.getMessage().contains("'hero' must be a list of strings"), wrong.getMessage());
    }

    private static EventFacts facts(String json) {
        return EventFacts.of(Json.createReader(new StringReader(json)).readObject());
    }
}
