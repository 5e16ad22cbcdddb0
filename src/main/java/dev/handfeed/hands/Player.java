package dev.handfeed.hands;

import java.math.BigDecimal;

/**
 * One player dealt into a hand, with the money that player put in and took out.
 *
 * @param seat      seat number from the seat line
 * @param name      the name exactly as on the seat line (spaces, dots, accents kept)
 * @param position  contract position label, or null when the hand has no button (stud)
 * @param net       collected minus invested
 * @param invested  antes, blinds (dead ones too), calls, bets and raise increments
 * @param collected every {@code collected} amount, uncalled returns included
 */
public record Player(int seat, String name, String position, BigDecimal net,
                     BigDecimal invested, BigDecimal collected) {
}
