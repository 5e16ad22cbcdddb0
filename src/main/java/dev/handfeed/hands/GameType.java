package dev.handfeed.hands;

import java.util.Locale;
import java.util.Map;

/**
 * Maps the header's game name to the contract's {@code game_type}. Names not in the table come back
 * unchanged, so an unknown game is still readable and never fails its hand.
 */
final class GameType {

    /** Exact spellings seen in files first: no lower-casing on the per-hand path. */
    private static final Map<String, String> EXACT = Map.of(
            "Holdem no limit", "NLH", "Omaha pot limit", "PLO", "5 Card Omaha pot limit", "PLO5",
            "Holdem fixed limit", "FLH", "7-Card Stud fixed limit", "STUD");

    private static final Map<String, String> CODES = Map.ofEntries(
            Map.entry("holdem no limit", "NLH"),
            Map.entry("holdem pot limit", "PLH"),
            Map.entry("holdem fixed limit", "FLH"),
            Map.entry("omaha pot limit", "PLO"),
            Map.entry("omaha hi/lo pot limit", "PLO8"),
            Map.entry("omaha8 pot limit", "PLO8"),
            Map.entry("5 card omaha pot limit", "PLO5"),
            // fpdb's game map spells 5-card Omaha "Omaha5"; same game, so same code.
            Map.entry("omaha5 pot limit", "PLO5"),
            Map.entry("5 card omaha hi/lo pot limit", "PLO5-8"),
            Map.entry("7-card stud fixed limit", "STUD"));

    private GameType() {
    }

    /** The contract code, or null for a game the contract does not name. */
    static String code(String raw) {
        String code = EXACT.get(raw);
        return code != null ? code : CODES.get(raw.toLowerCase(Locale.ROOT));
    }

    /** Fixed-limit headers show bets, not blinds: the posted small blind is the only reliable one. */
    static boolean fixedLimit(String raw) {
        return raw.regionMatches(true, raw.length() - 11, "fixed limit", 0, 11);
    }

    static boolean stud(String raw) {
        return raw.contains("Stud") || raw.contains("stud");
    }
}
