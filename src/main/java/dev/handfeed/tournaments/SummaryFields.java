package dev.handfeed.tournaments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * The lines of one summary block after its first, read one at a time into the fields they give. A known line must
 * read exactly and appear once. Other lines are ignored, because Winamax added lines over the years
 * ({@code Mode}, {@code Type}, {@code Flight ID}, {@code Levels}), except lines starting with {@code You}: those
 * describe the player's own costs and result, and one misread would make the net wrong.
 */
final class SummaryFields {

    private final Set<String> seen = new HashSet<>();
    private String hero;
    private BuyIn buyIn;
    private BuyIn rebuyCost;
    private BuyIn addonCost;
    private Integer rebuys;
    private Integer addons;
    private Integer registeredPlayers;
    private Integer totalRebuys;
    private Integer totalAddons;
    private BigDecimal prizePool;
    private String mode;
    private String type;
    private String speed;
    private Integer flightId;
    private Instant startedAt;
    private Long playedSeconds;
    private boolean finished;
    private Integer finish;
    private Winnings winnings;
    private boolean euros;

    /** @param line one line, trailing spaces already removed, not blank */
    void read(String line) {
        if (line.startsWith("You")) {
            player(line);
            return;
        }
        String value;
        if ((value = value(line, "Player : ")) != null) {
            hero = value;
        } else if ((value = value(line, "Buy-In : ")) != null) {
            buyIn = BuyIn.parse(money(value));
        } else if ((value = value(line, "Rebuy cost : ")) != null) {
            rebuyCost = BuyIn.parse(money(value));
        } else if ((value = value(line, "Addon cost : ")) != null) {
            addonCost = BuyIn.parse(money(value));
        } else if ((value = value(line, "Registered players : ")) != null) {
            registeredPlayers = SummaryValues.count(value);
        } else if ((value = value(line, "Total rebuys : ")) != null) {
            totalRebuys = SummaryValues.count(value);
        } else if ((value = value(line, "Total addons : ")) != null) {
            totalAddons = SummaryValues.count(value);
        } else if ((value = value(line, "Prizepool : ")) != null) {
            prizePool = SummaryValues.amount(money(value));
        } else if ((value = value(line, "Mode : ")) != null) {
            mode(value);
        } else if ((value = value(line, "Type : ")) != null) {
            type = value;
        } else if ((value = value(line, "Speed : ")) != null) {
            speed = value;
        } else if ((value = value(line, "Flight ID : ")) != null) {
            flightId = SummaryValues.count(value);
        } else if ((value = value(line, "Tournament started ")) != null) {
            startedAt = SummaryValues.started(value);
        } else {
            // Levels (not part of a result) and lines of later formats.
            value(line, "Levels : ");
        }
    }

    /** The lines about the player's own entry; unknown ones are errors. */
    private void player(String line) {
        String value;
        if ((value = value(line, "Your rebuys : ")) != null) {
            rebuys = SummaryValues.count(value);
        } else if ((value = value(line, "Your addons : ")) != null) {
            addons = SummaryValues.count(value);
        } else if ((value = value(line, "You played ")) != null) {
            playedSeconds = SummaryValues.played(value);
        } else if ((value = value(line, "You finished in ")) != null) {
            finished = true;
            finish = SummaryValues.finish(value);
        } else if ((value = value(line, "You won ")) != null) {
            winnings = Winnings.parse(money(value));
        } else {
            throw new MalformedSummary("unknown line about the player's entry: '" + line + "'");
        }
    }

    /** {@code Mode : sng}, or {@code Mode : sngType : sitngo} in 2012-2013 files, where a line break is missing. */
    private void mode(String value) {
        int glued = value.indexOf("Type : ");
        if (glued < 0) {
            mode = value;
            return;
        }
        mode = glued == 0 ? null : value.substring(0, glued);
        if (!seen.add("Type : ")) {
            throw new MalformedSummary("a second 'Type' line");
        }
        type = value.substring(glued + 7);
    }

    /** The text after {@code label}, or null when the line is another one; a label met twice is an error. */
    private String value(String line, String label) {
        if (!line.startsWith(label)) {
            return null;
        }
        if (!seen.add(label)) {
            throw new MalformedSummary("a second '" + label.strip() + "' line");
        }
        return line.substring(label.length());
    }

    /** Notes the currency of an amount line: Winamax writes {@code €}; play money has no sign. */
    private String money(String value) {
        euros |= value.indexOf('€') >= 0;
        return value;
    }

    boolean finished() {
        return finished;
    }

    TournamentSummary build(String source, long line, int entry, Title title) {
        Winnings won = winnings != null ? winnings : finish != null ? Winnings.NOTHING : null;
        return new TournamentSummary(source, line, entry, title.tournamentId(), title.name(),
                title.lateRegistration(), hero, buyIn, rebuyCost, addonCost, rebuys, addons, registeredPlayers,
                totalRebuys, totalAddons, prizePool, mode, type, speed, flightId, euros ? "EUR" : null, startedAt,
                playedSeconds, finish, won);
    }
}
