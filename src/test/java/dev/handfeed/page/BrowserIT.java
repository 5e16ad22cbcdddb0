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
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The live page in a real headless Chromium against a real Payara Micro: hands appended to the history folder
 * appear as rows, in the summary and on the chart; the overlay shows the last hand; the server is stopped and
 * started again under the open pages, which reconnect and show every hand once. Screenshots of each view go to
 * {@code screenshots.dir} (target/screenshots; {@code -Dscreenshots.dir=docs} refreshes the README's).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** A stopped server takes ~20 s to come back, and the page's next try is up to 16 s of backoff after that. */
    private static final Duration RECONNECT = Duration.ofSeconds(120);
    private static final String ROWS = "document.querySelectorAll('#hands tbody tr[data-hand-id]')";

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> handIds = new ArrayList<>();
    private Path work;
    private Path nice;
    private Path paris;
    private Map<String, String> settings;
    private PayaraProcess server;
    private Browser browser;
    private boolean serverKeepsEvents;
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
        serverKeepsEvents = Server.get(http, server.base(), "events?after=0&limit=1").statusCode() == 200;
        browser = Browser.start(work.resolve("browser.log"));
        // Every view is open before the first hand: it must come to them live.
        browser.open("main", server.base(), 1920, 1080);
        browser.open("phone", server.base(), 360, 780);
        browser.open("overlay", server.base().resolve("/?overlay=1"), 1920, 1080);
        browser.open("overlay-phone", server.base().resolve("/?overlay=1"), 360, 640);
        browser.open("paris", server.base().resolve("/?table=Paris"), 1280, 800);
        for (String page : List.of("main", "phone", "overlay", "overlay-phone", "paris")) {
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
    void appendedHandsAppearAsRowsInTheSummaryAndOnTheChart() throws IOException {
        // One at a time: two files are read independently, and the test wants to know the order.
        appendAndSee(nice, HandTexts.cash(1), HandTexts.handId(1));
        appendAndSee(nice, HandTexts.cash(2), HandTexts.handId(2));
        appendAndSee(paris, HandTexts.bigBlindFold(3), HandTexts.handId(9401943, 3));
        appendAndSee(nice, HandTexts.cash(4), HandTexts.handId(4));

        awaitEval("main", ROWS + ".length", "4");
        assertEquals(List.of(handIds.get(3), handIds.get(2), handIds.get(1), handIds.get(0)), shownHands("main"),
                "newest first, each hand once");
        assertEquals("Nice|NLH|0.01/0.02|CO|Q♦Q♥|A♥7♣2♦|+0.07 €|num pos", cells("main", handIds.get(0)));
        assertEquals("Paris|NLH|0.01/0.02|BB|7♣2♦|–|−0.02 €|num neg", cells("main", handIds.get(2)));
        // Three wins of 0.07 and a loss of 0.02; no hand carries big_blind, hero_vpip or hero_pfr yet.
        awaitEval("main", "document.querySelector('#summary tr[data-currency=EUR]').innerText.trim()",
                "EUR\t4\t+0.19 €\t–\t–\t–");
        assertEquals("pos", browser.evalString("main",
                "document.querySelector('#summary tr[data-currency=EUR] td:nth-of-type(2)').className"));
        awaitEval("main", "document.getElementById('chart').dataset.points", "4");
        assertEquals("EUR:0.19", browser.evalString("main", "document.getElementById('chart').dataset.last"));
        assertTrue(browser.evalInt("main", "document.querySelector('#chart canvas')?.width ?? 0") > 600,
                "uPlot drew its canvas");
        assertEquals("Live", browser.evalString("main", "document.getElementById('status').textContent"));

        awaitEval("phone", ROWS + ".length", "4");
        assertEquals(0, browser.evalInt("phone", "document.documentElement.scrollWidth - innerWidth"),
                "nothing wider than a 360 px phone but the tables, which scroll inside their boxes");
        assertTrue(browser.evalInt("phone", "Math.ceil(document.querySelector('#hands tbody td:last-child')"
                + ".getBoundingClientRect().right)") <= 360, "a hand's result shows on the phone without scrolling");
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
                    "+0.19 €");
            assertEquals("+0.07 €", browser.evalString(page, "document.querySelector('#overlay-hand .o-result').textContent"));
            assertEquals("CO · NLH · 0.01/0.02", browser.evalString(page,
                    "document.querySelector('#overlay-hand .o-meta').textContent"));
            assertEquals("rgba(0, 0, 0, 0)|rgba(0, 0, 0, 0)", browser.evalString(page,
                    "getComputedStyle(document.documentElement).backgroundColor + '|' "
                            + "+ getComputedStyle(document.body).backgroundColor"), "transparent for OBS");
            assertEquals("none", browser.evalString(page, "getComputedStyle(document.querySelector('main')).display"));
            assertTrue(browser.evalInt(page, "Math.ceil(document.querySelector('.overlay-view')"
                    + ".getBoundingClientRect().right)") <= browser.evalInt(page, "innerWidth"), "fits the window");
        }
        assertTrue(fontPixels("overlay") >= 28, "legible on a 1920x1080 stream: " + fontPixels("overlay"));
        assertTrue(fontPixels("overlay-phone") >= 16, "legible on a phone: " + fontPixels("overlay-phone"));
        screenshot("overlay", "overlay.png", true);
        screenshot("overlay-phone", "overlay-phone.png", true);
        assertNoProblems("overlay");
        assertNoProblems("overlay-phone");
    }

    @Test
    @Order(4)
    void filtersInThePageUrlKeepOnlyTheMatchingHands() {
        awaitEval("paris", ROWS + ".length", "1");
        assertEquals(List.of(handIds.get(2)), shownHands("paris"));
        awaitEval("paris", "document.querySelector('#summary tr[data-currency=EUR]').innerText.trim()",
                "EUR\t1\t−0.02 €\t–\t–\t–");
        assertEquals("(Paris)", browser.evalString("paris", "document.getElementById('filters-active').textContent"));
        assertTrue(browser.evalString("paris", "document.querySelector('#filters input[name=table]').value")
                .equals("Paris"));
    }

    @Test
    @Order(5)
    void afterTheServerRestartsTheOpenPagesReconnectAndShowEachHandOnce() throws Exception {
        server.close();
        awaitNotLive("main");
        handWrittenWhileDown = HandTexts.handId(5);
        append(nice, HandTexts.cash(5), handWrittenWhileDown);
        server = PayaraProcess.start(settings, work, "server-2.log", 200, server.base().getPort());

        for (String page : List.of("main", "overlay")) {
            awaitState(page, "live", RECONNECT);
        }
        appendAndSee(nice, HandTexts.cash(6), HandTexts.handId(6));
        awaitEval("overlay", "document.querySelector('#overlay-hand .o-result').textContent", "+0.07 €");

        List<String> shown = shownHands("main");
        assertEquals(shown.size(), shown.stream().distinct().count(), "no hand twice: " + shown);
        assertEquals(shown.size(), browser.evalInt("main", ROWS + ".length"));
        assertTrue(shown.containsAll(handIds.subList(0, 4)), "the hands from before the restart stay");
    }

    /**
     * Needs the server's journal API (GET /events and resume with last_event_id): skipped, saying so, on a server
     * without it. The hand written while the server was down goes out as the server starts, before any page is
     * back; only a resume brings it to the page.
     */
    @Test
    @Order(6)
    void aHandWrittenWhileTheServerWasDownIsCaughtUpAndAReloadShowsTheSameSession() {
        assumeTrue(serverKeepsEvents, "this server has no GET /events (the resume API): catch-up not testable yet");
        await().atMost(WAIT).until(() -> shownHands("main").contains(handWrittenWhileDown));
        List<String> shown = shownHands("main");
        List<String> newestFirst = new ArrayList<>(handIds);
        Collections.reverse(newestFirst);
        assertEquals(newestFirst, shown, "every hand once, in order, including the one written while down");

        browser.open("reloaded", server.base(), 1280, 800);
        awaitState("reloaded", "live", WAIT);
        assertEquals(shown, shownHands("reloaded"), "GET /events gives the page the same session");
        awaitEval("reloaded", "document.getElementById('chart').dataset.points", String.valueOf(shown.size()));
        assertNoProblems("reloaded");
        browser.closePage("reloaded");
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

    /** Console and page errors, failed loads; a server without GET /events answers it 404, which the page expects. */
    private void assertNoProblems(String page) {
        List<String> problems = browser.problems(page).stream()
                .filter(p -> serverKeepsEvents || !p.matches("HTTP 404: http://[^/]+/events\\?.*"))
                .toList();
        assertEquals(List.of(), problems, page);
    }
}
