package dev.handfeed.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real headless Chromium, driven through {@code src/test/browser/bridge.mjs} (Node, playwright-core, the browser
 * shipped in the npm package @sparticuz/chromium) which the build installs into {@code target/browser}. The test
 * owns the server; the browser only looks at it, so the server can be stopped and started under an open page.
 */
public final class Browser implements AutoCloseable {

    private static final Duration ANSWER = Duration.ofSeconds(60);

    private final Process process;
    private final Writer requests;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private int nextId = 1;

    private Browser(Process process) {
        this.process = process;
        this.requests = process.outputWriter(StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readAnswers, "browser-bridge-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the browser; its own output goes to {@code log}. Unpacks Chromium below the tool folder, not /tmp. */
    public static Browser start(Path log) throws IOException, InterruptedException {
        Path tool = Path.of(System.getProperty("browser.dir", "target/browser"));
        if (!Files.isDirectory(tool.resolve("node_modules"))) {
            throw new IllegalStateException("No browser tool in " + tool.toAbsolutePath()
                    + ": the build installs it (npm ci) in pre-integration-test; run mvn verify");
        }
        Path tmp = Files.createDirectories(tool.resolve("tmp"));
        ProcessBuilder builder = new ProcessBuilder("node", "bridge.mjs").directory(tool.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("TMPDIR", tmp.toAbsolutePath().toString());
        Browser browser = new Browser(builder.start());
        String ready = browser.answers.poll(3, TimeUnit.MINUTES);
        if (ready == null || !ready.contains("\"ready\":true")) {
            browser.process.destroyForcibly();
            throw new IllegalStateException("The browser did not start (" + ready + "); see " + log);
        }
        return browser;
    }

    /** Opens {@code url} in a fresh browser context named {@code page}, with this window size. */
    public void open(String page, URI url, int width, int height) {
        call(Json.createObjectBuilder().add("op", "open").add("page", page).add("url", url.toString())
                .add("width", width).add("height", height));
    }

    /** The value of a JavaScript expression in the page (JSON-serialisable). */
    public JsonValue eval(String page, String expression) {
        return call(Json.createObjectBuilder().add("op", "eval").add("page", page).add("expression", expression));
    }

    public int evalInt(String page, String expression) {
        return Integer.parseInt(eval(page, expression).toString().replace("\"", ""));
    }

    public String evalString(String page, String expression) {
        JsonValue value = eval(page, expression);
        return value instanceof JsonString s ? s.getString() : value.toString();
    }

    /** A PNG of the page's window; {@code transparent} keeps a transparent page transparent (overlays). */
    public void screenshot(String page, Path file, boolean transparent) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        call(Json.createObjectBuilder().add("op", "screenshot").add("page", page)
                .add("path", file.toAbsolutePath().toString()).add("omitBackground", transparent));
    }

    /** Console errors, page errors, failed requests and HTTP errors the page met so far. */
    public List<String> problems(String page) {
        JsonArray list = call(Json.createObjectBuilder().add("op", "problems").add("page", page)).asJsonArray();
        return list.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    public void closePage(String page) {
        call(Json.createObjectBuilder().add("op", "close").add("page", page));
    }

    private synchronized JsonValue call(jakarta.json.JsonObjectBuilder request) {
        int id = nextId++;
        String line = request.add("id", id).build().toString();
        try {
            requests.write(line + "\n");
            requests.flush();
            String answer = answers.poll(ANSWER.toSeconds(), TimeUnit.SECONDS);
            if (answer == null) {
                throw new IllegalStateException("No answer from the browser within " + ANSWER + " to " + line);
            }
            JsonObject json = Json.createReader(new StringReader(answer)).readObject();
            if (json.getInt("id", -1) != id) {
                throw new IllegalStateException("Answer to another request: " + answer + " (asked " + line + ")");
            }
            if (!json.getBoolean("ok")) {
                throw new IllegalStateException("The browser failed " + line + ": " + json.getString("error"));
            }
            return json.get("value");
        } catch (IOException e) {
            throw new UncheckedIOException("The browser bridge is gone", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void readAnswers() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                answers.add(line);
            }
        } catch (IOException e) {
            answers.add("{\"id\":-1,\"ok\":false,\"error\":\"bridge output closed: " + e.getMessage() + "\"}");
        }
    }

    /** Closing stdin makes the bridge close the browser and exit; it is killed if it does not. */
    @Override
    public void close() throws InterruptedException {
        try {
            requests.close();
        } catch (IOException e) {
            process.destroy();
        }
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
    }
}
