package dev.handfeed.hands;

import java.util.List;

/**
 * Position labels of the contract (PROTOCOL.md), among the players dealt in, by RULES.md §3.7:
 * the regular blind posters are SB and BB, the dealt-in player on the button seat is BTN, and every
 * other player is named from the button seat backwards using the list for
 * {@code m = dealt-in players + roles (BTN/SB/BB) nobody fills}. A dead button or dead small blind thus
 * keeps its slot and nobody inherits its name, since positions express the distance to the button.
 * Out-of-position posters are not blinds: they keep the label of their seat.
 */
final class Positions {

    /** The names before BTN SB BB for m = 4..10 players, as in the contract's table. */
    private static final List<List<String>> FRONT = List.of(
            List.of(), List.of(), List.of(), List.of(),
            List.of("CO"),
            List.of("MP", "CO"),
            List.of("UTG", "MP", "CO"),
            List.of("UTG", "UTG+1", "MP", "CO"),
            List.of("UTG", "UTG+1", "MP", "HJ", "CO"),
            List.of("UTG", "UTG+1", "UTG+2", "MP", "HJ", "CO"),
            List.of("UTG", "UTG+1", "UTG+2", "MP", "MP+1", "HJ", "CO"));

    private Positions() {
    }

    /**
     * @param sb index of the regular small-blind poster or -1; {@code bb} likewise
     * @return a label per seat index, null for players not dealt in or when there is no button
     */
    static String[] assign(Seats seats, Ledger ledger, Integer button, int sb, int bb) {
        int n = seats.count();
        String[] labels = new String[n];
        int dealt = 0;
        for (int i = 0; i < n; i++) {
            dealt += ledger.dealt(i) ? 1 : 0;
        }
        if (button == null || dealt < 2) {
            return labels;
        }
        int btn = -1;
        for (int i = 0; i < n; i++) {
            if (ledger.dealt(i) && seats.seat(i) == button) {
                btn = i;
            }
        }
        if (dealt == 2) {
            headsUp(ledger, labels, bb >= 0 && ledger.dealt(bb) ? bb : otherThan(ledger, n, btn));
            return labels;
        }
        int filled = 0;
        if (bb >= 0 && ledger.dealt(bb)) {
            labels[bb] = "BB";
            filled++;
        }
        if (sb >= 0 && ledger.dealt(sb) && labels[sb] == null) {
            labels[sb] = "SB";
            filled++;
        }
        if (btn >= 0 && labels[btn] == null) {
            labels[btn] = "BTN";
            filled++;
        }
        int m = dealt + 3 - filled;
        List<String> front = FRONT.get(Math.min(m, FRONT.size() - 1));
        // Walk seats counter-clockwise from the button: nearest gets CO, the farthest UTG.
        int named = 0;
        for (int step = 1; step <= n; step++) {
            int next = nearestBefore(seats, ledger, labels, button);
            if (next < 0) {
                break;
            }
            int slot = front.size() - 1 - named;
            // Only a table larger than the contract's ten-handed list gets here with slot < 0.
            labels[next] = slot >= 0 ? front.get(slot) : "UTG";
            named++;
        }
        return labels;
    }

    private static void headsUp(Ledger ledger, String[] labels, int bb) {
        for (int i = 0; i < labels.length; i++) {
            if (ledger.dealt(i)) {
                labels[i] = i == bb ? "BB" : "BTN";
            }
        }
    }

    private static int otherThan(Ledger ledger, int n, int btn) {
        for (int i = n - 1; i >= 0; i--) {
            if (ledger.dealt(i) && i != btn) {
                return i;
            }
        }
        return -1;
    }

    /** The unlabelled dealt-in seat closest to the button going counter-clockwise, or -1. */
    private static int nearestBefore(Seats seats, Ledger ledger, String[] labels, int button) {
        int best = -1;
        int bestDistance = Integer.MAX_VALUE;
        for (int i = 0; i < labels.length; i++) {
            if (ledger.dealt(i) && labels[i] == null) {
                int seat = seats.seat(i);
                int distance = seat < button ? button - seat : 1_000_000 - (seat - button);
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = i;
                }
            }
        }
        return best;
    }
}
