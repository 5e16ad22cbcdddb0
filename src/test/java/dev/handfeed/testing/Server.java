package dev.handfeed.testing;

import jakarta.json.JsonObject;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The WAR under test and plain HTTP calls to the running server. */
public final class Server {

    /** The contract's timestamp: ISO-8601 UTC with exactly three fraction digits. */
    public static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    /** The servers the integration tests run against; {@code handfeed.server} names the one of this run. */
    public enum Kind { PAYARA, WILDFLY }

    private Server() {
    }

    /** The server under test, as the Failsafe execution says ({@code handfeed.server}); Payara Micro by default. */
    public static Kind kind() {
        return Kind.valueOf(System.getProperty("handfeed.server", "payara").toUpperCase(java.util.Locale.ROOT));
    }

    /** WildFly's management interface, where its own {@code /health} and {@code /metrics} live. */
    public static URI wildflyManagement() {
        return URI.create("http://127.0.0.1:" + System.getProperty("wildfly.management.port") + "/");
    }

    /** The very WAR that {@code package} built, deployed at the context root as users deploy it. */
    public static WebArchive war() {
        Path war = Path.of(System.getProperty("handfeed.war", "target/handfeed.war"));
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war.toFile()).as(WebArchive.class);
    }

    /** The folder of this build's integration tests ({@code it.dir}), shared with the server's settings. */
    public static Path itDir() {
        return Path.of(System.getProperty("it.dir", "target/it"));
    }

    /** The history folder the server under test watches (WINAMAX_HISTORY_PATH in arquillian.xml). */
    public static Path historyFolder() {
        try {
            return Files.createDirectories(itDir().resolve("history"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static HttpResponse<String> get(HttpClient http, URI base, String path) {
        try {
            return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonObject json(HttpClient http, URI base, String path) {
        return FeedClient.JSON.createReader(new StringReader(get(http, base, path).body())).readObject();
    }
}
