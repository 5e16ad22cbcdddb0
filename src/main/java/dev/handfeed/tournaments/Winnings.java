package dev.handfeed.tournaments;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What the player won in one entry, from the {@code You won} line: parts joined by {@code " + "}, each an amount
 * of money ({@code 50€}), a bounty total ({@code Bounty 18.86€}) or a prize in kind ({@code Ticket 10€}, kept as
 * text: the file gives no cash value for it). No {@code You won} line after a known place means nothing was won.
 *
 * @param cash     the money part, 0 when the line has none or there is no line
 * @param tickets  the parts that are neither money nor bounties, as written, in order
 * @param bounties the {@code Bounty} part; null when the line has none (a mystery KO's {@code You won 1.00€}
 *                 does not say whether it is a prize or a bounty, so it is cash)
 */
public record Winnings(BigDecimal cash, List<String> tickets, BigDecimal bounties) {

    static final Winnings NOTHING = new Winnings(BigDecimal.ZERO, List.of(), null);

    public Winnings {
        tickets = List.copyOf(tickets);
    }

    /** Cash plus bounties: the money the entry brought back. */
    public BigDecimal money() {
        return bounties == null ? cash : cash.add(bounties);
    }

    static Winnings parse(String text) {
        BigDecimal cash = null;
        BigDecimal bounties = null;
        List<String> tickets = new ArrayList<>(1);
        for (String part : text.split(" \\+ ", -1)) {
            if (part.isBlank()) {
                throw new MalformedSummary("empty part in 'You won " + text + "'");
            } else if (part.startsWith("Bounty ")) {
                if (bounties != null) {
                    throw new MalformedSummary("two bounty parts in 'You won " + text + "'");
                }
                bounties = SummaryValues.amount(part.substring(7));
            } else if (Character.isDigit(part.charAt(0)) || part.charAt(0) == '€') {
                if (cash != null) {
                    throw new MalformedSummary("two amounts in 'You won " + text + "'");
                }
                cash = SummaryValues.amount(part);
            } else {
                tickets.add(part);
            }
        }
        return new Winnings(cash == null ? BigDecimal.ZERO : cash, tickets, bounties);
    }
}
