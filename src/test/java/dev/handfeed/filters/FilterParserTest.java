package dev.handfeed.filters;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FilterParserTest {

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    @Test
    void everyKeyIsReadFromAFrame() throws InvalidFilter {
        Filters filters = FilterParser.fromJson(json("{\"game_type\":[\"NLH\",\"PLO\"],\"stakes\":[\"0.05/0.10\"],"
                + "\"kind\":[\"cash\"],\"hero_dealt\":true,\"table\":[\"Nice\"],\"types\":[\"new_hand\"]}"));
        assertEquals(new Filters(Set.of("NLH", "PLO"), Set.of("0.05/0.10"), Set.of("cash"), true, Set.of("Nice"),
                Set.of("new_hand")), filters);
        Map<String, Object> described = new LinkedHashMap<>(filters.describe());
        assertEquals(List.of("game_type", "stakes", "kind", "hero_dealt", "table", "types"),
                List.copyOf(described.keySet()));
        assertEquals(Filters.NONE, FilterParser.fromJson(json("{}")), "no key: everything");
    }

    @Test
    void theQueryTakesCommaSeparatedListsAndIgnoresOtherParameters() throws InvalidFilter {
        Filters filters = FilterParser.fromQuery(Map.of("client_name", List.of("x"), "game_type", List.of("NLH,PLO"),
                "kind", List.of("cash"), "hero_dealt", List.of("false"), "last_event_id", List.of("3")));
        assertEquals(new Filters(Set.of("NLH", "PLO"), null, Set.of("cash"), false, null, null), filters);
        assertEquals(Filters.NONE, FilterParser.fromQuery(Map.of("client_name", List.of("x"))));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "`{\"color\":[\"red\"]}` | color | Unknown filter 'color'; the keys are game_type, stakes, kind, hero_dealt, table, types, hero",
            "`{\"game_type\":\"NLH\"}` | game_type | Filter 'game_type' must be a list of strings, got string",
            "`{\"game_type\":[\"NLH\",3]}` | game_type | Filter 'game_type' must be a list of strings, got a number in it",
            "`{\"game_type\":[\"HOLDEM\"]}` | game_type | Unknown game_type 'HOLDEM'; expected one of FLH, NLH, PLH, PLO, PLO5, PLO5-8, PLO8, STUD",
            "`{\"kind\":[\"sng\"]}` | kind | Unknown kind 'sng'; expected one of cash, play_money, tournament",
            "`{\"hero_dealt\":\"yes\"}` | hero_dealt | Filter 'hero_dealt' must be true or false, got string",
            "`{\"table\":[]}` | table | Filter 'table' takes 1 to 100 values, got 0",
            "`{\"types\":[\"heartbeat\"]}` | types | Unknown types 'heartbeat'; expected one of new_hand, tournament_result",
            "`[1]` | filters | Field 'filters' must be an object of filter keys",
    })
    void anythingWrongIsRefusedNamingIt(String frame, String key, String message) {
        InvalidFilter e = assertThrows(InvalidFilter.class, () -> FilterParser.fromJson(json(frame)));
        assertEquals(key, e.key());
        assertEquals(message, e.getMessage());
    }

    @Test
    void badQueryValuesAreRefusedToo() {
        assertEquals("hero_dealt", assertThrows(InvalidFilter.class,
                () -> FilterParser.fromQuery(Map.of("hero_dealt", List.of("1")))).key());
        assertEquals("game_type", assertThrows(InvalidFilter.class,
                () -> FilterParser.fromQuery(Map.of("game_type", List.of("NLH,,PLO")))).key());
        assertTrue(assertThrows(InvalidFilter.class, () -> FilterParser.fromJson(null)).getMessage()
                .contains("'filters' is required"));
    }
}
