package dev.handfeed.hands;

import java.math.BigDecimal;

/**
 * Reads a hand from {@code *** ANTE/BLINDS ***} to the end: section markers, action lines into the
 * {@link Ledger}, {@code Dealt to} lines, the board and the {@code Total pot} line. Player lines are
 * delegated to {@link ActionLine}; this class only decides what kind of line it is looking at.
 */
final class HandBody {

    enum Section { SEATS, BLINDS, BETTING, SHOWDOWN, SUMMARY }

    private final Seats seats;
    private final Ledger ledger;
    private final ActionLine actions;
    private final Notes notes;
    private final String heroOverride;
    private Section section = Section.SEATS;
    private int hero = -1;
    private String heroCards;
    private String board;
    private long rake = -1;
    private BigDecimal totalPot;
    private boolean totalPotAbbreviated;

    HandBody(Seats seats, Ledger ledger, ActionLine actions, Notes notes, String heroOverride) {
        this.seats = seats;
        this.ledger = ledger;
        this.actions = actions;
        this.notes = notes;
        this.heroOverride = heroOverride;
        if (heroOverride != null) {
            hero = seats.indexOfName(heroOverride);
        }
    }

    void read(String line) {
        if (line.startsWith("*** ")) {
            marker(line);
        } else if (section == Section.SUMMARY) {
            summary(line);
        } else if (section == Section.SEATS) {
            throw new MalformedLine("line before '*** ANTE/BLINDS ***': '" + line + "'");
        } else if (line.startsWith("Dealt to ")) {
            dealtTo(line);
        } else {
            int actor = seats.actorOf(line);
            if (actor >= 0) {
                actions.read(actor, line, seats.name(actor).length() + 1, section == Section.BLINDS);
            } else if (line.contains(" to Pot: total ")) {
                // Splash / drop pot: room money, inside the winners' "collected" amounts.
                ledger.drop(Money.tokenCents(line, line.indexOf(" to Pot: total ") + 15));
                notes.add("room money added to the pot: " + line.strip());
            } else if (!line.isBlank()) {
                notes.add("unrecognised line: '" + line + "'");
            }
        }
    }

    private void marker(String line) {
        int end = line.indexOf(" ***", 4);
        if (end < 0) {
            throw new MalformedLine("unreadable section marker '" + line + "'");
        }
        String name = line.substring(4, end);
        Section next = switch (name) {
            case "ANTE/BLINDS" -> Section.BLINDS;
            case "PRE-FLOP", "3rd STREET" -> Section.BETTING;
            case "FLOP", "TURN", "RIVER", "4th STREET", "5th STREET", "6th STREET", "7th STREET" -> {
                ledger.newStreet();
                if (name.length() <= 5) {
                    board = line.substring(end + 4);
                }
                yield Section.BETTING;
            }
            case "SHOW DOWN" -> Section.SHOWDOWN;
            case "SUMMARY" -> Section.SUMMARY;
            default -> {
                notes.add("unknown section marker '" + line.strip() + "'");
                yield section;
            }
        };
        if (section == Section.SEATS && next != Section.BLINDS) {
            throw new MalformedLine("'" + line.strip() + "' before '*** ANTE/BLINDS ***'");
        }
        section = next;
    }

    private void dealtTo(String line) {
        int p = seats.actorOf(line, 9);
        if (p < 0) {
            notes.add("'Dealt to' an unknown name: '" + line + "'");
            return;
        }
        ledger.mark(p);
        String cards = line.substring(9 + seats.name(p).length() + 1);
        // Stud prints a "Dealt to" for every player; only the hero's cards have no hidden "X".
        if (hero < 0 && heroOverride == null && !Cards.hasHidden(cards)) {
            hero = p;
        }
        if (p == hero) {
            heroCards = cards;
        }
    }

    private void summary(String line) {
        if (line.startsWith("Total pot ")) {
            int bar = line.indexOf(" | ");
            int end = bar < 0 ? line.length() : bar;
            totalPot = Money.tryParse(line, 10, end, true);
            totalPotAbbreviated = line.charAt(end - 1) == 'k';
            rake = bar > 0 && line.startsWith("Rake ", bar + 3) ? Money.tokenCents(line, bar + 8) : 0;
        }
    }

    Section section() {
        return section;
    }

    /** Seat index of the hero (detected or forced), or -1. */
    int hero() {
        return hero;
    }

    String heroCards() {
        return heroCards;
    }

    String board() {
        return board;
    }

    /** Hundredths; -1 when the hand has no {@code Total pot} line. */
    long rake() {
        return rake;
    }

    BigDecimal totalPot() {
        return totalPot;
    }

    /** {@code Total pot 15.52k}: rounded by Winamax, so only approximately the sum collected. */
    boolean totalPotAbbreviated() {
        return totalPotAbbreviated;
    }
}
