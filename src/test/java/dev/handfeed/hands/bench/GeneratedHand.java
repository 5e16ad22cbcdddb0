package dev.handfeed.hands.bench;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A generated hand's text and the values the simulator knows for it, independently of the parser.
 *
 * @param heroResult null when the hero sat out (no {@code Dealt to} line)
 * @param nets       collected minus invested of every player dealt in
 * @param bigBlind   the table's big blind (fixed limit: the small bet), null for stud
 * @param heroVpip   the hero called, bet or raised in the first betting round; null when the hero sat out
 * @param heroPfr    the hero bet or raised in the first betting round; null when the hero sat out
 */
public record GeneratedHand(String text, String handId, String gameType, String stakes, String hero,
                            BigDecimal heroResult, Map<String, BigDecimal> nets, BigDecimal rake, BigDecimal bigBlind,
                            Boolean heroVpip, Boolean heroPfr) {
}
