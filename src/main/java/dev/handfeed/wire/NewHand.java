package dev.handfeed.wire;

import dev.handfeed.hands.Hand;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * One hand the watcher found. The six fields of the original design come first; the rest are additions of the
 * contract (docs/protocol.md). {@code hero_result} and {@code hero_position} are null when the hero was not dealt in,
 * and so are {@code hero_vpip} and {@code hero_pfr}; {@code big_blind} is formatted like {@code hero_result}.
 */
@JsonbPropertyOrder({"type", "eventId", "handId", "timestamp", "heroResult", "heroPosition", "gameType", "stakes",
    "detectedAt", "site", "hero", "currency", "table", "maxSeats", "buttonSeat", "tournament", "heroCards", "board",
    "playersDealt", "bigBlind", "heroVpip", "heroPfr"})
public record NewHand(String type, long eventId, String handId, Instant timestamp, BigDecimal heroResult,
                      String heroPosition, String gameType, String stakes, Instant detectedAt, String site, String hero,
                      String currency, String table, int maxSeats, Integer buttonSeat, Tournament tournament,
                      List<String> heroCards, List<String> board, int playersDealt, BigDecimal bigBlind,
                      Boolean heroVpip, Boolean heroPfr) implements Event {

    /** The tournament of a hand; null for cash games. */
    @JsonbPropertyOrder({"name", "id", "buyIn", "level"})
    public record Tournament(String name, String id, String buyIn, String level) {
    }

    public static NewHand of(Hand hand, long eventId, Instant detectedAt) {
        dev.handfeed.hands.Tournament t = hand.tournament();
        return new NewHand("new_hand", eventId, hand.handId(), hand.timestamp(),
                amount(hand.heroResult(), hand.currency()), hand.heroPosition(), hand.gameType(), hand.stakes(),
                detectedAt, "winamax", hand.hero(), hand.currency(), hand.table(), hand.maxSeats(), hand.buttonSeat(),
                t == null ? null : new Tournament(t.name(), t.id(), t.buyIn(), t.level()),
                hand.heroCards(), hand.board(), hand.players().size(), amount(hand.bigBlind(), hand.currency()),
                hand.heroVpip(), hand.heroPfr());
    }

    /**
     * Money keeps cents ({@code 5.50}, as the contract's example); chips are whole unless a half chip really
     * occurred. Never an exponent: {@code 2.7E+3} is valid JSON that many clients print badly.
     */
    static BigDecimal amount(BigDecimal value, String currency) {
        if (value == null) {
            return null;
        }
        if (!"CHIPS".equals(currency) && value.scale() <= 2) {
            return value.setScale(2, RoundingMode.UNNECESSARY);
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0, RoundingMode.UNNECESSARY) : stripped;
    }
}
