package dev.handfeed.filters;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads filters from a {@code subscribe} frame's {@code filters} object or from query parameters (lists
 * comma-separated). Strict: an unknown key, a value of the wrong type or an unknown value is refused whole.
 */
public final class FilterParser {

    private static final int MAX_VALUES = 100;
    private static final int MAX_VALUE_LENGTH = 200;
    private static final int QUOTE_LIMIT = 40;

    private FilterParser() {
    }

    public static Filters fromJson(JsonValue filters) throws InvalidFilter {
        if (filters == null) {
            throw new InvalidFilter("filters", "Field 'filters' is required in a subscribe ({} for everything)");
        }
        if (filters.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidFilter("filters", "Field 'filters' must be an object of filter keys");
        }
        Map<FilterKey, Object> keys = new EnumMap<>(FilterKey.class);
        for (Map.Entry<String, JsonValue> entry : ((JsonObject) filters).entrySet()) {
            FilterKey key = FilterKey.named(entry.getKey()).orElseThrow(() -> new InvalidFilter(entry.getKey(),
                    "Unknown filter '" + quote(entry.getKey()) + "'; the keys are " + String.join(", ", FilterKey.names())));
            keys.put(key, key == FilterKey.HERO_DEALT ? bool(entry.getValue()) : values(key, entry.getValue()));
        }
        return build(keys);
    }

    /** The filter keys among the query parameters; others (client_name, last_event_id, ...) are not filters. */
    public static Filters fromQuery(Map<String, List<String>> parameters) throws InvalidFilter {
        Map<FilterKey, Object> keys = new EnumMap<>(FilterKey.class);
        for (FilterKey key : FilterKey.values()) {
            List<String> given = parameters.get(key.wire());
            if (given == null || given.isEmpty()) {
                continue;
            }
            String text = given.get(0);
            if (key == FilterKey.HERO_DEALT) {
                if (!text.equals("true") && !text.equals("false")) {
                    throw new InvalidFilter(key.wire(), "Filter 'hero_dealt' must be true or false, got '" + quote(text) + "'");
                }
                keys.put(key, Boolean.valueOf(text));
            } else {
                List<String> values = new ArrayList<>();
                for (String value : text.split(",", -1)) {
                    values.add(value.strip());
                }
                keys.put(key, checked(key, values));
            }
        }
        return build(keys);
    }

    @SuppressWarnings("unchecked")
    private static Filters build(Map<FilterKey, Object> keys) {
        return new Filters((Set<String>) keys.get(FilterKey.GAME_TYPE), (Set<String>) keys.get(FilterKey.STAKES),
                (Set<String>) keys.get(FilterKey.KIND), (Boolean) keys.get(FilterKey.HERO_DEALT),
                (Set<String>) keys.get(FilterKey.TABLE), (Set<String>) keys.get(FilterKey.TYPES),
                (Set<String>) keys.get(FilterKey.HERO));
    }

    private static Boolean bool(JsonValue value) throws InvalidFilter {
        if (value.getValueType() == JsonValue.ValueType.TRUE) {
            return Boolean.TRUE;
        }
        if (value.getValueType() == JsonValue.ValueType.FALSE) {
            return Boolean.FALSE;
        }
        throw new InvalidFilter("hero_dealt", "Filter 'hero_dealt' must be true or false, got " + kind(value));
    }

    private static Set<String> values(FilterKey key, JsonValue value) throws InvalidFilter {
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidFilter(key.wire(), "Filter '" + key.wire() + "' must be a list of strings, got " + kind(value));
        }
        List<String> values = new ArrayList<>();
        for (JsonValue item : (JsonArray) value) {
            if (item.getValueType() != JsonValue.ValueType.STRING) {
                throw new InvalidFilter(key.wire(), "Filter '" + key.wire() + "' must be a list of strings, got a "
                        + kind(item) + " in it");
            }
            values.add(((JsonString) item).getString());
        }
        return checked(key, values);
    }

    private static Set<String> checked(FilterKey key, List<String> values) throws InvalidFilter {
        if (values.isEmpty() || values.size() > MAX_VALUES) {
            throw new InvalidFilter(key.wire(), "Filter '" + key.wire() + "' takes 1 to " + MAX_VALUES + " values, got "
                    + values.size());
        }
        Set<String> set = new LinkedHashSet<>();
        for (String value : values) {
            if (value.isEmpty() || value.length() > MAX_VALUE_LENGTH) {
                throw new InvalidFilter(key.wire(), "Filter '" + key.wire() + "' has an empty or overlong value");
            }
            if (key.accepted() != null && !key.accepted().contains(value)) {
                throw new InvalidFilter(key.wire(), "Unknown " + key.wire() + " '" + quote(value) + "'; expected one of "
                        + String.join(", ", key.accepted().stream().sorted().toList()));
            }
            set.add(value);
        }
        return Collections.unmodifiableSet(set);
    }

    private static String kind(JsonValue value) {
        return value.getValueType().name().toLowerCase();
    }

    private static String quote(String text) {
        String shown = text.length() > QUOTE_LIMIT ? text.substring(0, QUOTE_LIMIT) + "..." : text;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
