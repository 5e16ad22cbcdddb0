package dev.handfeed.page;

import dev.handfeed.testing.Browser;
import dev.handfeed.testing.HandTexts;
import dev.handfeed.testing.PayaraProcess;
import dev.handfeed.testing.Server;
import jakarta.json.JsonString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live page in a real headless Chromium against a real Payara Micro: hands appended to the history folder and a
 * tournament summary written beside them appear as rows, in the summary and on the chart; the overlay shows the
 * last hand; filtered pages get only what their filters let through, from the server; the server is stopped and
 * started again under the open pages, which reconnect, catch up by resume and show every hand once. Screenshots of
 * each view go to {@code screenshots.dir} (target/screenshots; {@code -Dscreenshots.dir=docs} refreshes the
 * README's).
 * <p>
 * Payara Micro only, not {@code @AnyServer}: the test stops the server and starts it again on the same port under
 * the open pages, which takes a server process of its own ({@link PayaraProcess}), not the managed container the
 * WildFly run deploys to. The page and the library use only what docs/protocol.md promises on both servers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** A stopped server takes ~20 s to come back, and the page's next try is up to 16 s of backoff after that. */
    private static final Duration RECONNECT = Duration.ofSeconds(120);
    private static final String ROWS = "document.querySelectorAll('#hands tbody tr[data-hand-id]')";
    private static final String RESULT_ROWS = "document.querySelectorAll('#hands tbody tr.result-row')";
    /** A knockout tournament's summary (TournamentFeedIT checks its event field by field): it nets +34.28 €. */
    private static final String SUMMARY_FIXTURE = "/summaries/fixtures/knockout_2025_cash_and_bounty.txt";
    private static final String TOURNAMENT_ID = "1014872879";

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> handIds = new ArrayList<>();
    private Path work;
    private Path nice;
    private Path paris;
    private Map<String, String> settings;
    private PayaraProcess server;
    private Browser browser;
    private String handWrittenWhileDown;

    @BeforeAll
    void startServerAndBrowser() throws Exception {
        work = Files.createDirectories(Server.itDir().resolve("browser"));
        Path history = Files.createDirectories(work.resolve("history"));
        nice = history.resolve("20260101_Nice_real_holdem_no-limit.txt");
        paris = history.resolve("20260101_Paris_real_holdem_no-limit.txt");
        settings = Map.of("WINAMAX_HISTORY_PATH", history.toString(), "HANDFEED_DATA_DIR",
                work.resolve("data").toString(), "HEARTBEAT_INTERVAL", "2", "QUIET_PERIOD_MS", "300",
                "RESCAN_INTERVAL_MS", "1000");
        server = PayaraProcess.start(settings, work, "server-1.log");
        browser = Browser.start(work.resolve("browser.log"));
        // Every view is open before the first hand: it must come to them live.
        browser.open("main", server.base(), 1920, 1080);
        browser.open("phone", server.base(), 360, 780);
        browser.open("overlay", server.base().resolve("/?overlay=1"), 1920, 1080);
        browser.open("overlay-phone", server.base().resolve("/?overlay=1"), 360, 640);
        browser.open("paris", server.base().resolve("/?table=Paris"), 1280, 800);
        browser.open("results", server.base().resolve("/?types=tournament_result"), 1280, 800);
        for (String page : List.of("main", "phone", "overlay", "overlay-phone", "paris", "results")) {
            awaitState(page, "live", WAIT);
        }
        openPageOfOurOwn();
    }

    /**
     * A page of the user's own, opened from disk, with the README's raw snippet of the original design, and with
     * the client library imported from the server across origins, as the README shows.
     */
    private void openPageOfOurOwn() throws IOException {
        Path page = Files.writeString(work.resolve("own-page.html"), "<!DOCTYPE html><title>own page</title>\n");
        browser.open("own", page.toUri(), 800, 600);
        String ws = "ws://127.0.0.1:" + server.base().getPort() + "/ws";
        browser.eval("own", "(() => { window.raw = []; const ws = new WebSocket('" + ws + "?client_name=my_overlay');"
                + " ws.onmessage = (event) => { const message = JSON.parse(event.data);"
                + " if (message.type === 'new_hand') { window.raw.push(message.hand_id); } }; })()");
        browser.eval("own", "import('" + server.base().resolve("/handfeed-client.js") + "').then(({ HandFeed }) => {"
                + " window.library = []; window.libraryStates = [];"
                + " HandFeed.connect('" + ws + "', { clientName: 'own-page', onHand: (hand) => window.library"
                + ".push(hand.hand_id), onStatus: (status) => window.libraryStates.push(status.state) }); })");
        await().atMost(WAIT).until(() -> browser.evalString("own", "window.libraryStates.join(',')"),
                equalTo("connecting,live"));
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    @Order(1)
    void appendedHandsAndATournamentResultAppearAsRowsInTheSummaryAndOnTheChart() throws IOException {
        // One at a time: two files are read independently, and the test wants to know the order.
        appendAndSee(nice, HandTexts.cash(1), HandTexts.handId(1));
        appendAndSee(nice, HandTexts.cash(2), HandTexts.handId(2));
        appendAndSee(paris, HandTexts.bigBlindFold(3), HandTexts.handId(9401943, 3));
        appendAndSee(nice, HandTexts.cash(4), HandTexts.handId(4));
        writeSummary();

        awaitEval("main", RESULT_ROWS + ".length", "1");
        awaitEval("main", ROWS + ".length", "4");
        assertEquals(List.of(handIds.get(3), handIds.get(2), handIds.get(1), handIds.get(0)), shownHands("main"),
                "newest first, each hand once");
        assertEquals("Nice|NLH|0.01/0.02|CO|Q♦Q♥|A♥7♣2♦|+0.07 €|num pos", cells("main", handIds.get(0)));
        assertEquals("Paris|NLH|0.01/0.02|BB|7♣2♦|–|−0.02 €|num neg", cells("main", handIds.get(2)));
        assertEquals(TOURNAMENT_ID, browser.evalString("main",
                "document.querySelector('#hands tbody tr:first-child').dataset.tournamentId"), "the newest row");
        assertEquals("STARDUST - SPACE KO|tournament|4.50€ + 4.50€ + 1€|12th / 523|25.42 € + bounty 18.86 €|"
                + "|+34.28 €|num pos", resultCells("main"));
        // Hands: three wins of 0.07 (+3.5 big blinds of 0.02 each, raised preflop) and a big blind folded (-0.02,
        // -1 bb, no voluntary chip): 0.19 €, 9.5 bb in 4 hands = 237.5 bb/100, VPIP and PFR 3 of 4. The tournament
        // adds its net, 34.28 €, to the euros, and nothing to the per-hand figures.
        awaitEval("main", "document.querySelector('#summary tr[data-currency=EUR]').innerText.trim()",
                "EUR\t4 + 1 tournament\t+34.47 €\t237.5\t75 %\t75 %");
        assertEquals("pos", browser.evalString("main",
                "document.querySelector('#summary tr[data-currency=EUR] td:nth-of-type(2)').className"));
        awaitEval("main", "document.getElementById('chart').dataset.points", "5");
        assertEquals("EUR:34.47", browser.evalString("main", "document.getElementById('chart').dataset.last"));
        assertTrue(browser.evalInt("main", "document.querySelector('#chart canvas')?.width ?? 0") > 600,
                "uPlot drew its canvas");
        assertEquals("Live", browser.evalString("main", "document.getElementById('status').textContent"));

        awaitEval("phone", ROWS + ".length", "4");
        awaitEval("phone", RESULT_ROWS + ".length", "1");
        assertEquals(0, browser.evalInt("phone", "document.documentElement.scrollWidth - innerWidth"),
                "nothing wider than a 360 px phone but the tables, which scroll inside their boxes");
        assertTrue(browser.evalInt("phone", "(() => { const box = document.querySelector('.hands-box .scroll')"
                + ".getBoundingClientRect().right; return Math.ceil(Math.max(...[...document.querySelectorAll("
                + "'#hands tbody td:last-child')].map(td => td.getBoundingClientRect().right)) - box); })()") <= 0,
                "the result of a hand and of a tournament shows on the phone without scrolling its box");
        screenshot("main", "live-page.png", false);
        screenshot("phone", "live-page-phone.png", false);
        assertNoProblems("main");
        assertNoProblems("phone");
    }

    @Test
    @Order(2)
    void theRawSnippetOfTheOriginalDesignAndTheLibraryImportedFromAnotherPageGetEveryHand() {
        List<String> firstFour = handIds.subList(0, 4);
        await().atMost(WAIT).until(() -> strings("own", "window.raw"), equalTo(firstFour));
        await().atMost(WAIT).until(() -> strings("own", "window.library"), equalTo(firstFour));
        assertNoProblems("own");
    }

    @Test
    @Order(3)
    void theOverlayShowsTheLastHandAndTheSessionNetOnATransparentPage() {
        for (String page : List.of("overlay", "overlay-phone")) {
            awaitEval(page, "document.querySelector('#overlay-net [data-currency=EUR] .o-total')?.textContent",
                    "+34.47 €");
            assertEquals("Session · 4 hands · 1 tournament", browser.evalString(page,
                    "document.querySelector('#overlay-net [data-currency=EUR] .o-label').textContent"));
            assertEquals("+0.07 €", browser.evalString(page, "document.querySelector('#overlay-hand .o-result').textContent"));
            assertEquals("CO · NLH · 0.01/0.02", browser.evalString(page,
                    "document.querySelector('#overlay-hand .o-meta').textContent"));
            assertEquals("rgba(0, 0, 0, 0)|rgba(0, 0, 0, 0)", browser.evalString(page,
                    "getComputedStyle(document.documentElement).backgroundColor + '|' "
                            + "+ getComputedStyle(document.body).backgroundColor"), "transparent for OBS");
            assertEquals("none", browser.evalString(page, "getComputedStyle(document.querySelector('main')).display"));
            assertTrue(browser.evalInt(page, "Math.ceil(document.querySelector('.overlay-view')"
                    + ".getBoundingClientRect().right)") <= browser.evalInt(page, "innerWidth"), "fits the window");
            // A range over the text has one box per line it takes (the element itself stretches to its row).
            assertEquals(1, browser.evalInt(page, "(() => { const r = document.createRange();"
                    + " r.selectNodeContents(document.querySelector('#overlay-net .o-total'));"
                    + " return r.getClientRects().length; })()"), "the session net on one line, its unit with it");
        }
        assertTrue(fontPixels("overlay") >= 28, "legible on a 1920x1080 stream: " + fontPixels("overlay"));
        assertTrue(fontPixels("overlay-phone") >= 16, "legible on a phone: " + fontPixels("overlay-phone"));
        screenshot("overlay", "overlay.png", true);
        screenshot("overlay-phone", "overlay-phone.png", true);
        assertNoProblems("overlay");
        assertNoProblems("overlay-phone");
    }

    /**
     * The server does the filtering (the page's own check, kept for servers that cannot, drops nothing), the page
     * says so from the server's {@code subscribed} answer, and a tournament result, which has no table, is not a
     * Paris event; a page that asks for results only gets the result.
     */
    @Test
    @Order(4)
    void filtersInThePageUrlAreTheServersAndKeepOnlyTheMatchingEvents() {
        awaitEval("paris", ROWS + ".length", "1");
        assertEquals(List.of(handIds.get(2)), shownHands("paris"));
        assertEquals("0", browser.evalString("paris", RESULT_ROWS + ".length"));
        awaitEval("paris", "document.querySelector('#summary tr[data-currency=EUR]').innerText.trim()",
                "EUR\t1\t−0.02 €\t−100.0\t0 %\t0 %");
        assertEquals("(Paris)", browser.evalString("paris", "document.getElementById('filters-active').textContent"));
        assertEquals("Paris", browser.evalString("paris",
                "document.querySelector('#filters input[name=table]').value"));
        assertEquals("server|applied by the server", filteredWhere("paris"));
        assertEquals("1", subscribedAnswers("paris"));
        assertEquals("0", filteredHere("paris"), "every event the page received passed: the server filtered");

        awaitEval("results", RESULT_ROWS + ".length", "1");
        assertEquals("0", browser.evalString("results", ROWS + ".length"));
        assertEquals("EUR\t0 + 1 tournament\t+34.28 €\t–\t–\t–", browser.evalString("results",
                "document.querySelector('#summary tr[data-currency=EUR]').innerText.trim()"));
        assertEquals("server|applied by the server", filteredWhere("results"));
        assertEquals("0", filteredHere("results"));
        assertEquals("true", browser.evalString("results",
                "String(document.querySelector('#filters input[name=types][value=tournament_result]').checked)"));
        assertNoProblems("paris");
        assertNoProblems("results");
    }

    /**
     * The open pages reconnect by themselves and each hand shows once. The filtered page asks for its filters
     * again on the new connection (the server answers {@code subscribed} again), so the Nice hands of the restart
     * never reach it: a Paris hand written after them arrives, and the page had nothing to drop.
     */
    @Test
    @Order(5)
    void afterTheServerRestartsTheOpenPagesReconnectWithTheirFiltersAndShowEachHandOnce() throws Exception {
        server.close();
        awaitNotLive("main");
        handWrittenWhileDown = HandTexts.handId(5);
        append(nice, HandTexts.cash(5), handWrittenWhileDown);
        server = PayaraProcess.start(settings, work, "server-2.log", 200, server.base().getPort());

        for (String page : List.of("main", "overlay", "paris")) {
            awaitState(page, "live", RECONNECT);
        }
        appendAndSee(nice, HandTexts.cash(6), HandTexts.handId(6));
        awaitEval("overlay", "document.querySelector('#overlay-hand .o-result').textContent", "+0.07 €");
        appendAndSee(paris, HandTexts.bigBlindFold(7), HandTexts.handId(9401943, 7));

        await().atMost(WAIT).until(() -> shownHands("paris"), equalTo(List.of(handIds.get(6), handIds.get(2))));
        assertTrue(Integer.parseInt(subscribedAnswers("paris")) >= 2, "filters asked for again on reconnecting");
        assertEquals("server|applied by the server", filteredWhere("paris"));
        assertEquals("0", filteredHere("paris"), "hands 5 and 6 (Nice) were kept from the page by the server");

        List<String> shown = shownHands("main");
        assertEquals(shown.size(), shown.stream().distinct().count(), "no hand twice: " + shown);
        assertEquals(shown.size(), browser.evalInt("main", ROWS + ".length"));
        assertTrue(shown.containsAll(handIds.subList(0, 4)), "the hands from before the restart stay");
        assertEquals("1", browser.evalString("main", RESULT_ROWS + ".length"), "the tournament result once");
    }

    /**
     * The hand written while the server was down goes out as the server starts, before any page is back; only a
     * resume brings it to the page. A page opened afterwards gets the same session from GET /events.
     */
    @Test
    @Order(6)
    void aHandWrittenWhileTheServerWasDownIsCaughtUpAndAReloadShowsTheSameSession() {
        await().atMost(WAIT).until(() -> shownHands("main").contains(handWrittenWhileDown));
        List<String> shown = shownHands("main");
        List<String> newestFirst = new ArrayList<>(handIds);
        Collections.reverse(newestFirst);
        assertEquals(newestFirst, shown, "every hand once, in order, including the one written while down");
        String summary = browser.evalString("main",
                "document.querySelector('#summary tr[data-currency=EUR]').innerText.trim()");

        browser.open("reloaded", server.base(), 1280, 800);
        awaitState("reloaded", "live", WAIT);
        assertEquals(shown, shownHands("reloaded"), "GET /events gives the page the same session");
        assertEquals(resultCells("main"), resultCells("reloaded"));
        assertEquals(summary, browser.evalString("reloaded",
                "document.querySelector('#summary tr[data-currency=EUR]').innerText.trim()"));
        // Every hand and the result are points of the curve.
        awaitEval("reloaded", "document.getElementById('chart').dataset.points", String.valueOf(shown.size() + 1));
        assertNoProblems("reloaded");
        browser.closePage("reloaded");
        assertEquals(shown, shownHands("main"), "closing one page leaves the browser and the other pages running");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private void append(Path file, String text, String handId) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        handIds.add(handId);
    }

    private void appendAndSee(Path file, String text, String handId) throws IOException {
        append(file, text, handId);
        await().atMost(WAIT).until(() -> shownHands("main").contains(handId));
    }

    /** The tournament summary, written whole beside the hands, as Winamax writes it when the player busts. */
    private void writeSummary() throws IOException {
        try (InputStream in = BrowserIT.class.getResourceAsStream(SUMMARY_FIXTURE)) {
            Files.write(nice.resolveSibling("20251206_STARDUST - SPACE KO(" + TOURNAMENT_ID
                    + ")_real_holdem_no-limit_summary.txt"), in.readAllBytes());
        }
    }

    /** The cells of the page's tournament result row after the time, and the net's class, joined by |. */
    private String resultCells(String page) {
        return browser.evalString(page, "(() => { const r = document.querySelector('#hands tr.result-row');"
                + " const c = [...r.cells].slice(1).map(td => td.textContent);"
                + " return [...c, r.cells[7].className].join('|'); })()");
    }

    /** Who applies the page's filters, as it shows it: the server or the page, and the words. */
    private String filteredWhere(String page) {
        return browser.evalString(page, "(() => { const w = document.getElementById('filters-where');"
                + " return w.dataset.by + '|' + w.textContent; })()");
    }

    /** How many {@code subscribed} answers the page got, one per connection with filters. */
    private String subscribedAnswers(String page) {
        return browser.evalString(page, "document.getElementById('filters-where').dataset.subscribed ?? '0'");
    }

    /** Events the server sent that the page's own filter check dropped. */
    private String filteredHere(String page) {
        return browser.evalString(page, "document.getElementById('filters-active').dataset.filteredHere ?? '0'");
    }

    private List<String> shownHands(String page) {
        return strings(page, "[..." + ROWS + "].map(r => r.dataset.handId)");
    }

    private List<String> strings(String page, String expression) {
        return browser.eval(page, expression).asJsonArray().getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList();
    }

    /** A row's cells from the table to the result, and the result cell's class, joined by |. */
    private String cells(String page, String handId) {
        return browser.evalString(page, "(() => { const r = document.querySelector('tr[data-hand-id=\"" + handId
                + "\"]'); const c = [...r.cells].slice(1).map(td => td.textContent);"
                + " return [...c, r.cells[7].className].join('|'); })()");
    }

    private double fontPixels(String page) {
        return Double.parseDouble(browser.evalString(page,
                "String(parseFloat(getComputedStyle(document.querySelector('.overlay-view')).fontSize))"));
    }

    private void awaitEval(String page, String expression, String expected) {
        Supplier<String> value = () -> browser.evalString(page, "String(" + expression + ")");
        await().atMost(WAIT).until(value::get, equalTo(expected));
    }

    private void awaitState(String page, String state, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(250))
                .until(() -> browser.evalString(page, "document.getElementById('status').dataset.state"),
                        equalTo(state));
    }

    private void awaitNotLive(String page) {
        await().atMost(WAIT).until(() -> !"live".equals(browser.evalString(page,
                "document.getElementById('status').dataset.state")));
    }

    private void screenshot(String page, String name, boolean transparent) {
        browser.screenshot(page, Path.of(System.getProperty("screenshots.dir", "target/screenshots"), name),
                transparent);
    }

    /** Console and page errors, failed loads and HTTP errors. */
    private void assertNoProblems(String page) {
        assertEquals(List.of(), browser.problems(page), page);
    }
}
