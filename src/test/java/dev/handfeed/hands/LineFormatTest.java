package dev.handfeed.hands;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The line formats, table-driven: headers, table lines, amounts, stakes, and the per-line decoding. */
class LineFormatTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        Winamax Poker - CashGame - HandId: #9401942-10897-1483850712 - Holdem no limit (0.01€/0.02€) - 2017/01/08 04:45:12 UTC | CashGame | 9401942-10897-1483850712 | Holdem no limit | 0.01€/0.02€ | 2017-01-08T04:45:12Z | | |
        Winamax Poker - Tournament "#30 - W SERIES - MYSTERY REBUY" buyIn: 4.50€ + 0.50€ level: 22 - HandId: #3554930429305815100-158-1725228148 - Holdem no limit (1000/4000/8000) - 2024/09/01 22:02:28 UTC | Tournament | 3554930429305815100-158-1725228148 | Holdem no limit | 1000/4000/8000 | 2024-09-01T22:02:28Z | #30 - W SERIES - MYSTERY REBUY | 4.50€ + 0.50€ | 22
        Winamax Poker - Tournament "Super Freeroll Stade 1 - Déglingos !" buyIn: Ticket only level: 0 - HandId: #1-2-3 - Holdem no limit (10/20) - 2012/06/28 07:51:15 UTC | Tournament | 1-2-3 | Holdem no limit | 10/20 | 2012-06-28T07:51:15Z | Super Freeroll Stade 1 - Déglingos ! | Ticket only | 0
        Winamax Poker - Tournament "Quitte ou Double" buyIn: 0.93-0.07 level: 10 - HandId: #118267374808858625-31-1343075816 - Holdem no limit (50/200/400) - 2012/07/23 20:36:56 UTC | Tournament | 118267374808858625-31-1343075816 | Holdem no limit | 50/200/400 | 2012-07-23T20:36:56Z | Quitte ou Double | 0.93-0.07 | 10
        Winamax Poker - HOLD-UP "Colorado" - HandId: #18671167-1064605-1690707726 - Holdem no limit (0.01€/0.02€) - 2023/07/30 09:02:06 UTC | HOLD-UP | 18671167-1064605-1690707726 | Holdem no limit | 0.01€/0.02€ | 2023-07-30T09:02:06Z | | |
        Winamax Poker - CashGame - HandId: #9250793-470-1478990787 - 7-Card Stud fixed limit (5€/25€/50€) - 2016/11/12 22:46:27 UTC | CashGame | 9250793-470-1478990787 | 7-Card Stud fixed limit | 5€/25€/50€ | 2016-11-12T22:46:27Z | | |
        ' Tournament "GUERILLA" buyIn: 4.50€ + 0.50€ level: 1 - HandId: #2612804708405870609-6-1672853787 - Holdem no limit (25/100/200) - 2023/01/04 17:36:27 UTC' | Tournament | 2612804708405870609-6-1672853787 | Holdem no limit | 25/100/200 | 2023-01-04T17:36:27Z | GUERILLA | 4.50€ + 0.50€ | 1
        """)
    void readsHeaders(String line, String kind, String id, String game, String stakes, String time, String name,
                      String buyIn, String level) {
        Header h = Header.parse(line);
        assertAll(() -> assertEquals(kind, h.kind()), () -> assertEquals(id, h.handId()),
                () -> assertEquals(game, h.gameRaw()), () -> assertEquals(stakes, h.stakesRaw()),
                () -> assertEquals(time, h.timestamp().toString()), () -> assertEquals(name, h.tournamentName()),
                () -> assertEquals(buyIn, h.buyIn()), () -> assertEquals(level, h.level()),
                () -> assertEquals(line.startsWith(" "), h.prefixStripped()));
    }
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        Winaax Poker - CashGame - HandId: #1-2-3 - Holdem no limit (1€/2€) - 2013/10/25 01:25:38 UTC | Winamax Poker
        Winamax Poker - CashGame - HandId: #1-2 - Holdem no limit (1€/2€) - 2013/10/25 01:25:38 UTC   | a-b-c
        Winamax Poker - CashGame - HandId: #1-2-3 - Holdem no limit (1€/2€) - 2013/13/25 01:25:38 UTC | date
        Winamax Poker - CashGame - HandId: #1-2-3 - Holdem no limit (1€/2€) - 2013/10/25 01:25:38 CET | UTC
        Winamax Poker - CashGame - HandId: #1-2-3 - Holdem no limit 1€/2€ - 2013/10/25 01:25:38 UTC   | stakes
        Winamax Poker - Tournament "x" level: 1 - HandId: #1-2-3 - Holdem no limit (1/2) - 2013/10/25 01:25:38 UTC | buyIn
        """)
    void rejectsBrokenHeadersWithAReason(String line, String reason) {
        MalformedLine e = assertThrows(MalformedLine.class, () -> Header.parse(line));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        Table: 'Nice' 5-max (real money) Seat #5 is the button                         | Nice                          | 5  | false | 5
        Table: 'No Limit Hold'em(1853325)#0' 10-max (real money) Seat #3 is the button  | No Limit Hold'em(1853325)#0   | 10 | false | 3
        Table: 'Freeroll 150€(5142226)#348' 6-max (real money) Seat #6 is the button    | Freeroll 150€(5142226)#348    | 6  | false | 6
        Table: 'Guadalupe' 5-max (play money) Seat #2 is the button                     | Guadalupe                     | 5  | true  | 2
        Table: 'Pampelune' 6-max (real money)                                           | Pampelune                     | 6  | false |
        Table 'Nagoya' 5-max (real money) Seat #3 is the button                         | Nagoya                        | 5  | false | 3
        Table: 'Neuilly-sur-Seine' 5-max (real money) Seat 0000005 is the button        | Neuilly-sur-Seine             | 5  | false | 5
        Table: 'L'Auberge d'Été 5-max' 9-max (real money) Seat #0 is the button         | L'Auberge d'Été 5-max         | 9  | false | 0
        """)
    void readsTableLines(String line, String name, int max, boolean play, Integer button) {
        assertEquals(new TableLine(name, max, play, button), TableLine.parse(line));
    }
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        0.01€    | 0.01
        2€       | 2
        €4.50    | 4.50
        4455.50  | 4455.50
        0,90€    | 0.90
        12385.65€| 12385.65
        """)
    void readsAmounts(String text, String value) {
        assertEquals(new BigDecimal(value).movePointRight(2).longValueExact(), Money.cents(text, 0, text.length()));
    }
    @Test
    void rejectsNonAmountsAndMoreThanTwoDecimalsAndReadsThousandsOnlyWhereAllowed() {
        for (String bad : List.of("", "€", "2O€", "1.", ".5", "1.2.3", "12k", "-3", "1 000", "0.005")) {
            assertThrows(MalformedLine.class, () -> Money.cents(bad, 0, bad.length()), bad);
        }
        assertEquals(0, new BigDecimal("15520").compareTo(Money.tryParse("15.52k", 0, 6, true)));
        assertNull(Money.tryParse("15.52k", 0, 6, false));
    }
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        0.01€/0.02€   | 0.01/0.02 |      | 0.01 | 0.02
        0.03/0.10/0.20| 0.10/0.20 | 0.03 | 0.10 | 0.20
        5€/25€/50€    | 25/50     | 5    | 25   | 50
        1.00€/2.00€   | 1.00/2.00 |      | 1.00 | 2.00
        25/100/200    | 100/200   | 25   | 100  | 200
        """)
    void readsStakes(String raw, String text, String ante, String sb, String last) {
        Stakes s = Stakes.parse(raw);
        assertEquals(text, s.text());
        assertEquals(ante == null ? null : new BigDecimal(ante), s.ante());
        assertEquals(new BigDecimal(sb).movePointRight(2).longValueExact(), s.smallBlind());
        assertEquals(new BigDecimal(last).movePointRight(2).longValueExact(), s.last());
    }
    @Test
    void utf8IsStrictAndCp1252IsTheFallback() {
        LineDecoder d = new LineDecoder();
        byte[] utf8 = "Göttingen 0.01€ Laula⌃".getBytes(StandardCharsets.UTF_8);
        assertEquals("Göttingen 0.01€ Laula⌃", d.decode(utf8, 0, utf8.length));
        byte[] cp = "Déglingos 0,90€".getBytes(Charset.forName("windows-1252"));
        assertEquals("Déglingos 0,90€", d.decode(cp, 0, cp.length));
        byte[] overlong = {'a', (byte) 0xC0, (byte) 0xAF};
        assertEquals("aÀ¯", d.decode(overlong, 0, overlong.length), "overlong UTF-8 is not UTF-8");
        byte[] surrogate = {(byte) 0xED, (byte) 0xA0, (byte) 0x80};
        assertTrue(!LineDecoder.validUtf8(surrogate, 0, 3));
        byte[] crInside = "a\rb".getBytes(StandardCharsets.US_ASCII);
        assertEquals("ab", d.decode(crInside, 0, 3));
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        assertTrue(LineDecoder.endsInsideUtf8Sequence(euro, 1));
        assertTrue(LineDecoder.endsInsideUtf8Sequence(euro, 2));
        assertTrue(!LineDecoder.endsInsideUtf8Sequence(euro, 3));
        assertTrue(!LineDecoder.endsInsideUtf8Sequence(new byte[] {'5', (byte) 0x80}, 2), "cp1252 euro after a digit");
    }
}
