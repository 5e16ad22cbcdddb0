package dev.handfeed.filters;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A client's subscription. Each key is null when not set; within a key the values are alternatives, and the keys
 * combine with AND. No key set means everything. A key names a field: an event without that field (a tournament
 * result and {@code stakes}) does not pass it.
 */
public record Filters(Set<String> gameTypes, Set<String> stakes, Set<String> kinds, Boolean heroDealt,
                      Set<String> tables, Set<String> types, Set<String> heroes) {

    public static final Filters NONE = new Filters(null, null, null, null, null, null, null);

    /** The filters without {@code hero}, which came later. */
    public Filters(Set<String> gameTypes, Set<String> stakes, Set<String> kinds, Boolean heroDealt,
                   Set<String> tables, Set<String> types) {
        this(gameTypes, stakes, kinds, heroDealt, tables, types, null);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    public boolean matches(EventFacts event) {
        return in(gameTypes, event.gameType()) && in(stakes, event.stakes()) && in(kinds, event.kind())
                && (heroDealt == null || heroDealt == event.heroDealt()) && in(tables, event.table())
                && in(types, event.type()) && in(heroes, event.hero());
    }

    /** The filters as understood, for {@code subscribed}: only the keys set, with the contract's names. */
    public Map<String, Object> describe() {
        Map<String, Object> keys = new LinkedHashMap<>();
        put(keys, FilterKey.GAME_TYPE, gameTypes);
        put(keys, FilterKey.STAKES, stakes);
        put(keys, FilterKey.KIND, kinds);
        put(keys, FilterKey.HERO_DEALT, heroDealt);
        put(keys, FilterKey.TABLE, tables);
        put(keys, FilterKey.TYPES, types);
        put(keys, FilterKey.HERO, heroes);
        return keys;
    }

    private static void put(Map<String, Object> keys, FilterKey key, Object value) {
        if (value != null) {
            keys.put(key.wire(), value);
        }
    }

    private static boolean in(Set<String> allowed, String value) {
        return allowed == null || (value != null && allowed.contains(value));
    }
}
