package dev.handfeed.wire;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handfeed.hands.HandEvent;
import dev.handfeed.hands.HandParser;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fields added to {@code new_hand} after the original ones come last, in the contract's order, with amounts
 * written like {@code hero_result}: cents for euros and play money, whole chips, null where there is no value.
 */
class NewHandTest {

    private final JsonCodec codec = new JsonCodec();

    @ParameterizedTest(name = "{0} #{1}")
    @CsvSource(delimiter = '|', textBlock = """
        cash_flh_blinds_vs_bets.txt      | 1 | ,"players_dealt":4,"big_blind":0.10,"hero_vpip":true,"hero_pfr":true}
        cash_plo_side_pots.txt           | 1 | ,"big_blind":1.00,"hero_vpip":true,"hero_pfr":true}
        cash_plo8_hi_lo_split.txt        | 1 | ,"big_blind":0.10,"hero_vpip":true,"hero_pfr":false}
        cash_play_money_ante_oop_bb.txt  | 1 | ,"big_blind":0.20,"hero_vpip":false,"hero_pfr":false}
        mtt_antes_bounty_names.txt       | 1 | ,"big_blind":400,"hero_vpip":true,"hero_pfr":true}
        cash_stud.txt                    | 1 | ,"big_blind":null,"hero_vpip":true,"hero_pfr":true}
        hero_not_dealt.txt               | 1 | ,"big_blind":0.02,"hero_vpip":null,"hero_pfr":null}
        """)
    void bigBlindVpipAndPfrCloseTheMessage(String file, int index, String tail) throws IOException {
        HandEvent event = new HandParser().parseAll(fixture(file), file).get(index - 1);
        NewHand message = NewHand.of(assertInstanceOf(HandEvent.Parsed.class, event).hand(), 7,
                Instant.parse("2026-11-26T10:00:00.123Z"));
        String json = codec.toJson(message);
        assertTrue(json.endsWith(tail), json);
    }

    private static byte[] fixture(String file) throws IOException {
        try (InputStream in = NewHandTest.class.getResourceAsStream("/hands/" + file)) {
            assertNotNull(in, file);
            return in.readAllBytes();
        }
    }
}
