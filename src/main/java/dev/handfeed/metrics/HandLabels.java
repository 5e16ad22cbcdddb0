package dev.handfeed.metrics;

import dev.handfeed.wire.NewHand;

import java.util.Set;

/**
 * The {@code game_type} and {@code kind} labels of a hand. Game types are the contract's codes; an unknown game
 * keeps its raw name on the wire, but is "other" here so that no file can add a label value.
 */
public final class HandLabels {

    /** The codes the parser gives (docs/protocol.md, {@code game_type}). */
    public static final Set<String> GAME_TYPES = Set.of("NLH", "PLH", "FLH", "PLO", "PLO8", "PLO5", "PLO5-8", "STUD");

    private HandLabels() {
    }

    public static String gameType(NewHand hand) {
        return GAME_TYPES.contains(hand.gameType()) ? hand.gameType() : "other";
    }

    /** {@code tournament} (tournament chips), {@code play_money} (play-money cash) or {@code cash} (real money). */
    public static String kind(NewHand hand) {
        if (hand.tournament() != null || "CHIPS".equals(hand.currency())) {
            return "tournament";
        }
        return "PLAY".equals(hand.currency()) ? "play_money" : "cash";
    }
}
