package dev.handfeed.tournaments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One line at a time: each form the format allows, and what is refused, with the line it is refused on. */
class SummaryLinesTest {

    private static final String TITLE = "Winamax Poker - Tournament summary : Test(42)\n";
    private final TournamentSummaryParser parser = new TournamentSummaryParser();

    /** A closed block: the title, {@code lines}, then a blank line. */
    private List<SummaryEntry> block(String lines) {
        return parser.parse("t", TITLE + lines + "\n\n");
    }

    private TournamentSummary result(String lines) {
        SummaryEntry entry = block(lines).get(0);
        return assertInstanceOf(SummaryEntry.Result.class, entry, () -> entry.toString()).summary();
    }

    private SummaryParseException failure(String lines) {
        return assertInstanceOf(SummaryEntry.Failed.class, block(lines).get(0)).error();
    }

    @ParameterizedTest
    @CsvSource({"51min 0s, 3060", "1h 43min 28s, 6208", "3min 40s, 220", "45s, 45", "2h, 7200", "0s, 0",
        "10h 0min 1s, 36001"})
    void playedTime(String text, long seconds) {
        assertEquals(seconds, result("You played " + text + "\nYou finished in 1st place").playedSeconds());
    }

    @ParameterizedTest
    @CsvSource({"1st place, 1", "2nd place, 2", "3rd place, 3", "23th place, 23", "3497th place, 3497"})
    void finishPlace(String text, int place) {
        assertEquals(place, result("You finished in " + text).finish());
    }

    @Test
    void anUnknownPlaceIsNullAndSoAreWinningsAndNetUnlessAYouWonLineSays() {
        TournamentSummary unknown = result("Buy-In : 1€ + 0€\nYou finished in ... place");
        assertNull(unknown.finish());
        assertNull(unknown.winnings());
        assertNull(unknown.net());
        TournamentSummary won = result("Buy-In : 1€ + 0€\nYou finished in ... place\nYou won 2€");
        assertEquals(new BigDecimal("1"), won.net());
    }

    @ParameterizedTest
    @ValueSource(strings = {"You finished in 0th place", "You finished in first place", "You finished in 3rd",
        "You played 1 hour", "You played ", "You won 5€ + 6€", "You won Bounty x", "You won 5€ + ",
        "You won Bounty 1€ + Bounty 2€", "Buy-In : 5€", "Buy-In : 1€ + 2€ + 3€ + 4€", "Buy-In : a€ + b€",
        "Buy-In : 1.234€ + 0.10€", "Registered players : many", "Registered players : 12345678901",
        "Prizepool : lots", "Flight ID : -1", "Tournament started 2013/02/30 12:00:00 UTC",
        "Tournament started 2013/02/08 12:00:00 CET", "You have been eliminated", "Your re-entries : 2"})
    void anUnreadableKnownLineFailsTheBlockOnThatLine(String line) {
        SummaryParseException e = failure("Player : Hero\n" + line + "\nYou finished in 1st place");
        assertEquals(3, e.line(), e.getMessage());
        assertEquals("42", e.tournamentId());
        assertTrue(e.getMessage().startsWith("t:3: "), e.getMessage());
    }

    @Test
    void aKnownLineTwiceFailsOnTheSecond() {
        assertEquals(4, failure("Buy-In : 1€ + 0€\nPlayer : A\nBuy-In : 1€ + 0€\nYou finished in 2nd place").line());
        assertEquals(3, failure("Mode : sngType : sitngo\nType : sitngo\nYou finished in 2nd place").line());
    }

    @Test
    void unknownLinesThatAreNotAboutThePlayerAreIgnored() {
        TournamentSummary s = result("Bonus : something new\nGuaranteed : yes\nYou finished in 2nd place");
        assertEquals(2, s.finish());
    }

    @Test
    void buyInForms() {
        BuyIn hyphen = result("Buy-In : 0.93-0.07\nYou finished in 1st place").buyIn();
        assertEquals(List.of(new BigDecimal("0.93"), new BigDecimal("0.07")), List.of(hyphen.prizePool(), hyphen.rake()));
        assertNull(hyphen.bounty());
        for (String word : List.of("Ticket", "Ticket uniquement", "ticket only")) {
            BuyIn ticket = result("Buy-In : " + word + "\nYou finished in 1st place").buyIn();
            assertEquals(word, ticket.text());
            assertNull(ticket.total());
        }
        for (String word : List.of("Free", "Freeroll", "Gratuit")) {
            assertEquals(0, result("Buy-In : " + word + "\nYou finished in 1st place").totalBuyIn().signum());
        }
        BuyIn ko = result("Buy-In : 4.50€ + 4.50€ + 1€\nYou finished in 1st place").buyIn();
        assertEquals(new BigDecimal("4.50"), ko.bounty());
        assertEquals(new BigDecimal("10.00"), ko.total());
    }

    @Test
    void winningsForms() {
        Winnings mixed = result("You finished in 1st place\nYou won 12€ + Ticket WPT Day 1 + Bounty 3.50€").winnings();
        assertEquals(new BigDecimal("12"), mixed.cash());
        assertEquals(List.of("Ticket WPT Day 1"), mixed.tickets());
        assertEquals(new BigDecimal("3.50"), mixed.bounties());
        Winnings zero = result("You finished in 9th place\nYou won 0.00€").winnings();
        assertEquals(new BigDecimal("0.00"), zero.cash());
        assertEquals(new BigDecimal("0"), result("You finished in 9th place").winnings().cash());
    }

    @Test
    void rebuysWithoutAStatedCostLeaveTheTotalUnknown() {
        TournamentSummary s = result("Buy-In : 9€ + 1€\nYour rebuys : 2\nYou finished in 9th place");
        assertNull(s.totalBuyIn());
        assertNull(s.net());
        TournamentSummary none = result("Buy-In : 9€ + 1€\nYour rebuys : 0\nYou finished in 9th place");
        assertEquals(new BigDecimal("-10"), none.net());
    }

    @Test
    void titleForms() {
        TournamentSummary parens = onlyResult("Winamax Poker - Tournament summary : Sunday (2)(1234)\nYou finished in 1st place\n\n");
        assertEquals("Sunday (2)", parens.name());
        assertEquals("1234", parens.tournamentId());
        assertFalse(parens.lateRegistration());
        TournamentSummary late = onlyResult("Winamax Poker - Tournament summary : KO(5) - Day 2(123) - LATE REGISTRATION \n"
                + "You finished in 1st place\n\n");
        assertEquals("KO(5) - Day 2", late.name());
        assertEquals("123", late.tournamentId());
        assertTrue(late.lateRegistration());
        SummaryParseException e = assertInstanceOf(SummaryEntry.Failed.class,
                parser.parse("t", "Winamax Poker - Tournament summary : A(1) - Re-entry\nYou finished in 1st place\n\n")
                        .get(0)).error();
        assertEquals(1, e.line());
        assertEquals("1", e.tournamentId());
    }

    @Test
    void modeAndTypeRunTogetherOrOnTheirOwnLines() {
        TournamentSummary glued = result("Mode : ttType : flight\nYou finished in 1st place");
        assertEquals(List.of("tt", "flight"), List.of(glued.mode(), glued.type()));
        TournamentSummary apart = result("Mode : sng\nType : doubleornothing\nYou finished in 1st place");
        assertEquals(List.of("sng", "doubleornothing"), List.of(apart.mode(), apart.type()));
    }

    @Test
    void currencyIsEuroOnlyWhenAnAmountSaysSo() {
        assertNull(result("Buy-In : 9.30 + 0.70\nPrizepool : 20\nYou finished in 2nd place").currency());
        assertEquals("EUR", result("Buy-In : Gratuit\nYou finished in 2nd place\nYou won 1€").currency());
    }

    @Test
    void anOpenBlockIsReportedAsOpen() {
        List<SummaryEntry> open = parser.parse("t", TITLE + "You finished in 2nd place\n");
        assertFalse(open.get(0).closed());
        assertInstanceOf(SummaryEntry.Result.class, open.get(0));
        List<SummaryEntry> unterminated = parser.parse("t", TITLE + "You finished in 2nd place\n\n \t");
        assertTrue(unterminated.get(0).closed(), "a complete blank line closes it");
        SummaryEntry pending = parser.parse("t", TITLE + "Player : Hero\n").get(0);
        assertEquals(new SummaryEntry.Pending("t", 1, 1, "42"), pending);
    }

    private TournamentSummary onlyResult(String text) {
        return assertInstanceOf(SummaryEntry.Result.class, parser.parse("t", text).get(0)).summary();
    }
}
