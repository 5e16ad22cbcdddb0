package dev.handfeed.wire;

import dev.handfeed.tournaments.TournamentSummary;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * How a tournament ended for the player, from one entry of its summary file (docs/protocol.md). The fields of the
 * issue that introduced the message come first, then the additions. The tournament's own type is
 * {@code tournament_type}: {@code type} is the message type, always first. An {@link Event}, numbered and journaled
 * like a hand, and a tournament event for whatever selects events by kind.
 */
@JsonbPropertyOrder({"type", "eventId", "tournamentId", "name", "hero", "buyIn", "registeredPlayers", "mode",
    "tournamentType", "speed", "startedAt", "playedSeconds", "finish", "winnings", "net", "timestamp", "entry",
    "lateRegistration", "flightId", "tournamentPrizePool", "rebuys", "rebuyCost", "addons", "addonCost",
    "totalRebuys", "totalAddons", "totalBuyIn"})
public record TournamentResult(String type, long eventId, String tournamentId, String name, String hero,
                               BuyIn buyIn, Integer registeredPlayers, String mode, String tournamentType,
                               String speed, Instant startedAt, Long playedSeconds, Integer finish,
                               Winnings winnings, BigDecimal net, Instant timestamp, int entry,
                               boolean lateRegistration, Integer flightId, BigDecimal tournamentPrizePool,
                               Integer rebuys, BuyIn rebuyCost, Integer addons, BuyIn addonCost,
                               Integer totalRebuys, Integer totalAddons, BigDecimal totalBuyIn)
        implements Event {

    /** A buy-in, rebuy or add-on price split into its parts; {@code text} is the line's value as written. */
    @JsonbPropertyOrder({"prizePool", "rake", "bounty", "currency", "text"})
    public record BuyIn(BigDecimal prizePool, BigDecimal rake, BigDecimal bounty, String currency, String text) {
    }

    /** Money, prizes in kind (as written) and bounties won by the entry. */
    @JsonbPropertyOrder({"cash", "tickets", "bounties"})
    public record Winnings(BigDecimal cash, List<String> tickets, BigDecimal bounties) {
    }

    /** @param detectedAt when the server read the summary: the file does not say when the tournament ended */
    public static TournamentResult of(TournamentSummary s, long eventId, Instant detectedAt) {
        String currency = s.currency();
        dev.handfeed.tournaments.Winnings w = s.winnings();
        return new TournamentResult("tournament_result", eventId, s.tournamentId(), s.name(), s.hero(),
                buyIn(s.buyIn(), currency), s.registeredPlayers(), s.mode(), s.type(), s.speed(), s.startedAt(),
                s.playedSeconds(), s.finish(), w == null ? null
                : new Winnings(amount(w.cash(), currency), w.tickets(), amount(w.bounties(), currency)),
                amount(s.net(), currency), detectedAt, s.entry(), s.lateRegistration(), s.flightId(),
                amount(s.prizePool(), currency), s.rebuys(), buyIn(s.rebuyCost(), currency), s.addons(),
                buyIn(s.addonCost(), currency), s.totalRebuys(), s.totalAddons(), amount(s.totalBuyIn(), currency));
    }

    private static BuyIn buyIn(dev.handfeed.tournaments.BuyIn b, String currency) {
        return b == null ? null : new BuyIn(amount(b.prizePool(), currency), amount(b.rake(), currency),
                amount(b.bounty(), currency), currency, b.text());
    }

    /**
     * Euros keep cents ({@code 50€} is {@code 50.00}), as in {@code new_hand}; amounts without a currency (play
     * money) stay as written. Never an exponent: every value comes from plain decimal text.
     */
    static BigDecimal amount(BigDecimal value, String currency) {
        if (value == null || !"EUR".equals(currency) || value.scale() > 2) {
            return value;
        }
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }
}
