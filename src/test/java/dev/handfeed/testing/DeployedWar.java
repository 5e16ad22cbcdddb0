package dev.handfeed.testing;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * What the integration tests against the deployed WAR share: the deployment (the very WAR the build produced, at
 * the context root), the server's address, an HTTP client, and WebSocket clients that are closed after each test.
 * Every test starts once the server says it is healthy.
 */
public abstract class DeployedWar {

    private static final Duration HEALTHY_WITHIN = Duration.ofSeconds(20);

    @ArquillianResource
    protected URL url;

    protected final HttpClient http = HttpClient.newHttpClient();
    private final List<FeedClient> clients = new ArrayList<>();

    @Deployment(testable = false)
    public static WebArchive deployment() {
        Server.historyFolder();
        return Server.war();
    }

    @BeforeEach
    void serverIsHealthy() {
        await().atMost(HEALTHY_WITHIN).until(() -> Server.get(http, base(), "health").statusCode() == 200);
    }

    @AfterEach
    void closeClients() {
        clients.forEach(FeedClient::close);
    }

    protected URI base() {
        return URI.create(url.toString());
    }

    /** A client on {@code /ws?client_name=NAME} plus {@code query} ({@code &last_event_id=...}), closed after the test. */
    protected FeedClient open(String clientName, String query) {
        FeedClient client = FeedClient.connect(http, URI.create("ws://" + base().getHost() + ":" + base().getPort()
                + "/ws?client_name=" + clientName + query));
        clients.add(client);
        return client;
    }
}
