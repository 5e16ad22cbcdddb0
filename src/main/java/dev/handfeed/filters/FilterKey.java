package dev.handfeed.filters;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The filter keys of the contract, with the values each accepts (null: any text). */
public enum FilterKey {
    GAME_TYPE("game_type", Set.of("NLH", "PLH", "FLH", "PLO", "PLO8", "PLO5", "PLO5-8", "STUD")),
    STAKES("stakes", null),
    KIND("kind", Set.of("cash", "tournament", "play_money")),
    HERO_DEALT("hero_dealt", null),
    TABLE("table", null),
    TYPES("types", Set.of("new_hand", "tournament_result")),
    /** The player whose history it is: a coach following one student of a shared journal. */
    HERO("hero", null);

    private final String wire;
    private final Set<String> accepted;

    FilterKey(String wire, Set<String> accepted) {
        this.wire = wire;
        this.accepted = accepted;
    }

    public String wire() {
        return wire;
    }

    /** The values the key accepts, or null when any text goes. */
    Set<String> accepted() {
        return accepted;
    }

    static Optional<FilterKey> named(String wire) {
        return Arrays.stream(values()).filter(key -> key.wire.equals(wire)).findFirst();
    }

    static List<String> names() {
        return Arrays.stream(values()).map(FilterKey::wire).toList();
    }
}
