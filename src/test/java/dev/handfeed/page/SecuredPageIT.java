package dev.handfeed.page;

import dev.handfeed.testing.Browser;
import dev.handfeed.testing.HandTexts;
import dev.handfeed.testing.SecuredServer;
import dev.handfeed.testing.SecuredServerExtension;
import dev.handfeed.testing.TokenMint;
import jakarta.json.JsonString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live page in a real headless Chromium against the server with AUTH_MODE=jwt ({@link SecuredServer}): without a
 * token it shows the token form and loads nothing; a bad token gets the server's reason on the page; a valid one,
 * typed in the form, loads the session from GET /events and connects, and is kept for the tab (sessionStorage), so
 * the overlay opened in the same tab needs nothing more; an OBS source gets it in the URL's fragment, which the page
 * moves into the tab's storage and out of the address bar. A token that expires while the page is open ends in the
 * form with the reason, not in a silent reconnection loop. No token ever reaches the server's log.
 */
@ExtendWith(SecuredServerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecuredPageIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ROWS = "document.querySelectorAll('#hands tbody tr[data-hand-id]')";
    private static final String STATE = "document.getElementById('status').dataset.state";
    private static final String PROBLEM = "document.getElementById('token-problem').textContent";
    /** Shown, not only present: {@code hidden} off and a box on the screen (not display:none through the overlay). */
    private static final String FORM_SHOWN = "(() => { const f = document.getElementById('token-form');"
            + " return String(!f.hidden && f.getClientRects().length > 0); })()";
    /** A table id no other test writes: these hands are new to the shared server. */
    private static final long TABLE = 9401977;

    private final SecuredServer server;
    private final List<String> tokens = new ArrayList<>();
    private Path hands;
    private Browser browser;
    private String valid;

    SecuredPageIT(SecuredServer server) {
        this.server = server;
    }

    @BeforeAll
    void startBrowserWithAHandAlreadyPlayed() throws Exception {
        Path work = Files.createDirectories(server.log().resolveSibling("page"));
        hands = server.history().resolve("20260101_Nice_real_holdem_no-limit.txt");
        valid = keep(server.token("page-user", 600));
        append(1);
        // The hand is in the journal: a page that shows no hand shows nothing because it has no token.
        await().atMost(WAIT).until(() -> server.get("events?after=0&limit=500", SecuredServer.bearer(valid)).body()
                .contains(HandTexts.handId(TABLE, 1)));
        browser = Browser.start(work.resolve("browser.log"));
    }

    @AfterAll
    void stopBrowser() throws InterruptedException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void withoutATokenThePageAsksForOneAndLoadsNothing() {
        browser.open("main", server.base(), 1280, 800);
        awaitEval("main", STATE, "auth");
        assertEquals("true", browser.evalString("main", FORM_SHOWN));
        assertEquals("This server asks for a token (AUTH_MODE=jwt)", browser.evalString("main",
                "document.querySelector('#token-form label').textContent"));
        assertEquals("Token needed", browser.evalString("main", "document.getElementById('status').textContent"));
        assertEquals("", browser.evalString("main", PROBLEM), "no token was refused: there was none");
        assertEquals(0, browser.evalInt("main", ROWS + ".length"));
        assertEquals(0, browser.evalInt("main", "document.querySelectorAll('#summary tbody tr').length"));
        // One refused request, for the session so far; the page opened no WebSocket without a token.
        assertEquals(List.of("HTTP 401: " + server.base().resolve("/events?after=0&limit=500")),
                browser.problems("main"));
    }

    @Test
    @Order(2)
    void aWrongOrExpiredTokenIsRefusedOnThePageWithTheServersReason() throws Exception {
        submitToken("main", keep("not-a-token"));
        awaitEval("main", PROBLEM, "The server refused the token: Malformed token: not a signed JWT");
        assertEquals("auth", browser.evalString("main", STATE));
        assertEquals("Token refused", browser.evalString("main", "document.getElementById('status').textContent"));
        assertEquals("true", browser.evalString("main", FORM_SHOWN));

        Instant now = Instant.now();
        submitToken("main", keep(server.mint().hs256(TokenMint.claims("page-user", 600)
                .notBeforeTime(Date.from(now.minusSeconds(900))).expirationTime(Date.from(now.minusSeconds(300)))
                .build())));
        awaitEval("main", PROBLEM, "The server refused the token: Token expired");
        assertEquals("true", browser.evalString("main", FORM_SHOWN));
        assertEquals(0, browser.evalInt("main", ROWS + ".length"));
        screenshot("main", "token-refused.png");

        submitToken("main", "   ");
        assertEquals("Paste a token first.", browser.evalString("main", PROBLEM), "nothing sent, nothing reloaded");
    }

    @Test
    @Order(3)
    void aValidTokenLoadsTheSessionConnectsAndShowsNewHands() throws Exception {
        int refusedBefore = browser.problems("main").size();
        submitToken("main", valid);
        awaitEval("main", STATE, "live");
        assertEquals("Live", browser.evalString("main", "document.getElementById('status').textContent"));
        assertEquals("false", browser.evalString("main", FORM_SHOWN));
        assertEquals(List.of(HandTexts.handId(TABLE, 1)), shownHands("main"), "the session so far, from GET /events");

        append(2);
        await().atMost(WAIT).until(() -> shownHands("main"),
                equalTo(List.of(HandTexts.handId(TABLE, 2), HandTexts.handId(TABLE, 1))));
        assertEquals(valid, browser.evalString("main", "sessionStorage.getItem('handfeed.token')"), "kept for the tab");
        assertFalse(browser.evalString("main", "location.href").contains(signature(valid)), "never in the URL");
        // With the token: GET /events, GET /ws/stats and the WebSocket all passed (no 401, no failed handshake).
        List<String> problems = browser.problems("main");
        assertEquals(List.of(), problems.subList(refusedBefore, problems.size()));
    }

    @Test
    @Order(4)
    void theOverlayInTheSameTabUsesTheTokenItKept() throws Exception {
        int before = browser.problems("main").size();
        browser.eval("main", "setTimeout(() => { location.href = '/?overlay=1'; }, 0)");
        await().atMost(WAIT).ignoreExceptions().until(() -> browser.evalString("main",
                "String(document.documentElement.classList.contains('overlay') && " + STATE + " === 'live')"),
                equalTo("true"));
        awaitEval("main", "document.querySelector('#overlay-hand .o-result')?.textContent", "+0.07 €");
        assertEquals("Session · 2 hands", browser.evalString("main",
                "document.querySelector('#overlay-net [data-currency=EUR] .o-label').textContent"));
        List<String> problems = browser.problems("main");
        assertEquals(List.of(), problems.subList(before, problems.size()));
    }

    @Test
    @Order(5)
    void anObsSourceCarriesTheTokenInTheFragmentWhichLeavesTheAddressBar() throws Exception {
        String obs = keep(server.token("obs", 600));
        browser.open("obs", URI.create(server.base().resolve("/?overlay=1") + "#token=" + obs), 1920, 1080);
        awaitEval("obs", STATE, "live");
        awaitEval("obs", "document.querySelector('#overlay-net [data-currency=EUR] .o-label')?.textContent",
                "Session · 2 hands");
        assertEquals(server.base().resolve("/?overlay=1").toString(), browser.evalString("obs", "location.href"),
                "the token left the address bar (and the history)");
        assertEquals(obs, browser.evalString("obs", "sessionStorage.getItem('handfeed.token')"));
        assertEquals("false", browser.evalString("obs", FORM_SHOWN));

        append(3);
        awaitEval("obs", "document.querySelector('#overlay-net [data-currency=EUR] .o-label')?.textContent",
                "Session · 3 hands");
        // A page reload (OBS's "refresh") finds the token in the tab's storage.
        browser.eval("obs", "setTimeout(() => location.reload(), 0)");
        await().atMost(WAIT).ignoreExceptions().until(() -> browser.evalString("obs",
                "String(performance.getEntriesByType('navigation')[0].type === 'reload' && " + STATE + " === 'live')"),
                equalTo("true"));
        assertEquals(List.of(), browser.problems("obs"), "no request of the overlay was refused");

        browser.open("obs-without", server.base().resolve("/?overlay=1"), 1280, 720);
        awaitEval("obs-without", STATE, "auth");
        assertEquals("true", browser.evalString("obs-without", FORM_SHOWN), "the overlay shows the form too");
        assertEquals("", browser.evalString("obs-without", "document.getElementById('overlay-net').textContent"));
        screenshot("obs-without", "overlay-token-form.png");
    }

    /** A token that expires while the page is live: the server closes with 4401 and the page asks for a new one. */
    @Test
    @Order(6)
    void aTokenThatExpiresWhileLiveEndsInTheFormWithTheReason() {
        String shortLived = keep(server.token("page-user", 15));
        browser.open("expiring", URI.create(server.base() + "#token=" + shortLived), 1280, 800);
        awaitEval("expiring", STATE, "live");
        assertEquals(3, browser.evalInt("expiring", ROWS + ".length"));
        await().atMost(Duration.ofSeconds(15 + SecuredServer.CLOCK_SKEW_SECONDS + 20))
                .until(() -> browser.evalString("expiring", STATE), equalTo("auth"));
        assertEquals("The server ended the connection: Token expired. Paste a new token.",
                browser.evalString("expiring", PROBLEM));
        assertEquals("true", browser.evalString("expiring", FORM_SHOWN));
        assertEquals("", browser.evalString("expiring", "document.getElementById('notices').textContent"),
                "one message, in the form: not the server's advice to programs (send a refresh) beside it");
        assertEquals(3, browser.evalInt("expiring", ROWS + ".length"), "what was shown stays");
        screenshot("expiring", "token-expired.png");
    }

    @Test
    @Order(7)
    void noTokenTheBrowserSentReachedTheServerLog() throws IOException {
        String log = Files.readString(server.log());
        for (String token : tokens) {
            assertFalse(log.contains(signature(token)), "a token's signature in the server log");
            int dot = token.lastIndexOf('.');
            assertTrue(dot < 0 || !log.contains(token.substring(0, dot)), "a token's claims in the server log");
        }
        assertFalse(log.contains("not-a-token"));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private String keep(String token) {
        tokens.add(token);
        return token;
    }

    private void append(int n) throws IOException {
        Files.writeString(hands, HandTexts.cash(TABLE, n), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /**
     * Types {@code token} into the form and submits it as a user would. The page reloads: the test waits for the
     * new document (the marker left on the old one is gone) before it looks.
     */
    private void submitToken(String page, String token) {
        browser.eval(page, "(() => { window.beforeSubmit = true; const form = document.getElementById('token-form');"
                + " form.token.value = '" + token.replace("'", "") + "'; setTimeout(() => form.requestSubmit(), 0);"
                + " })()");
        if (token.isBlank()) {
            awaitEval(page, PROBLEM, "Paste a token first.");
            assertEquals("true", browser.evalString(page, "String(window.beforeSubmit)"), "the page did not reload");
            return;
        }
        await().atMost(WAIT).ignoreExceptions().until(() -> browser.evalString(page,
                "String(window.beforeSubmit === undefined && " + STATE + " !== 'loading')"), equalTo("true"));
    }

    /** For a look at the refusals as a user sees them (target/screenshots); the README shows none of them. */
    private void screenshot(String page, String name) {
        browser.screenshot(page, Path.of(System.getProperty("screenshots.dir", "target/screenshots"), name), false);
    }

    private static String signature(String token) {
        return token.substring(token.lastIndexOf('.') + 1);
    }

    private List<String> shownHands(String page) {
        return browser.eval(page, "[..." + ROWS + "].map(r => r.dataset.handId)").asJsonArray()
                .getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private void awaitEval(String page, String expression, String expected) {
        await().atMost(WAIT).until(() -> browser.evalString(page, "String(" + expression + ")"), equalTo(expected));
    }
}
