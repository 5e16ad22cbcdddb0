package dev.handfeed.tournaments;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/**
 * A buy-in as a summary states it ({@code Buy-In}, {@code Rebuy cost} and {@code Addon cost} lines), split into
 * its parts. Amounts are exact and at the scale they are written with.
 * <ul>
 * <li>{@code 4.70€ + 0.30€}: prize pool part, then rake;</li>
 * <li>{@code 0.60€ + 0.30€ + 0.10€} (knockout, mystery KO): prize pool part, bounty part, rake;</li>
 * <li>{@code 0.93-0.07}: the hyphen form of older hand headers, prize pool part and rake;</li>
 * <li>{@code Gratuit}, {@code Free}, {@code Freeroll}: a freeroll, every part 0;</li>
 * <li>{@code Ticket}, {@code Ticket only}, {@code Ticket uniquement}: paid with a ticket whose value the file does
 *     not give, every part null.</li>
 * </ul>
 *
 * @param text      the value as written
 * @param prizePool the part that goes to the prize pool; null when the file does not say
 * @param bounty    the bounty part of a three-part buy-in; null otherwise
 * @param rake      the fee; null when the file does not say
 */
public record BuyIn(String text, BigDecimal prizePool, BigDecimal bounty, BigDecimal rake) {

    private static final Set<String> FREE = Set.of("gratuit", "free", "freeroll");
    private static final Set<String> TICKET = Set.of("ticket", "ticket only", "ticket uniquement");

    /** What one such buy-in costs: the three parts added; null when the parts are not known. */
    public BigDecimal total() {
        if (prizePool == null || rake == null) {
            return null;
        }
        return bounty == null ? prizePool.add(rake) : prizePool.add(bounty).add(rake);
    }

    static BuyIn parse(String text) {
        String word = text.toLowerCase(Locale.ROOT);
        if (FREE.contains(word)) {
            return new BuyIn(text, BigDecimal.ZERO, null, BigDecimal.ZERO);
        }
        if (TICKET.contains(word)) {
            return new BuyIn(text, null, null, null);
        }
        String[] parts = text.split(" \\+ ", -1);
        if (parts.length == 2) {
            return new BuyIn(text, SummaryValues.amount(parts[0]), null, SummaryValues.amount(parts[1]));
        }
        if (parts.length == 3) {
            return new BuyIn(text, SummaryValues.amount(parts[0]), SummaryValues.amount(parts[1]),
                    SummaryValues.amount(parts[2]));
        }
        int hyphen = text.indexOf('-');
        if (hyphen > 0 && text.indexOf('-', hyphen + 1) < 0 && text.indexOf(' ') < 0) {
            return new BuyIn(text, SummaryValues.amount(text.substring(0, hyphen)), null,
                    SummaryValues.amount(text.substring(hyphen + 1)));
        }
        throw new MalformedSummary("unreadable buy-in '" + text + "': expected 'a€ + b€', 'a€ + b€ + c€', a-b,"
                + " a freeroll or a ticket");
    }
}
