package dev.handfeed.live;

import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code ws://HOST:PORT/ws?client_name=NAME[&last_event_id=N&stream_id=S]}. Holds no state: every connection lives in the {@link ClientRegistry}.
 * Frames above {@link #MAX_FRAME_BYTES} are refused by the container with close code 1009.
 */
@ServerEndpoint(value = "/ws", configurator = OriginCheck.class)
public class FeedEndpoint {

    static final int MAX_FRAME_BYTES = 64 * 1024;
    private static final int NAME_LIMIT = 100;
    private static final String CLIENT = Client.class.getName();
    private static final Logger LOG = Logger.getLogger(FeedEndpoint.class.getName());

    @Inject
    ClientRegistry registry;

    @Inject
    ClientRequests requests;

    /** {@code ?last_event_id=N&stream_id=S} resumes: the replay follows the ack; a bad value gets an error. */
    @OnOpen
    public void open(Session session, EndpointConfig config) {
        // Liveness is ours (pings, send timeout, dead peers), so no container idle timeout. With a positive one,
        // Payara's Tyrus would also leave a cancelled timer task behind for every frame until it expires.
        session.setMaxIdleTimeout(0);
        Optional<ResumePoint> resume = Optional.empty();
        String invalid = null;
        try {
            resume = ResumePoint.fromQuery(session.getRequestParameterMap());
        } catch (InvalidRequest e) {
            invalid = e.getMessage();
        }
        Client client = registry.open(session, clientName(session), resume.isPresent());
        session.getUserProperties().put(CLIENT, client);
        if (invalid != null) {
            registry.sendError(client, invalid);
        }
        resume.ifPresent(point -> requests.resume(client, point));
    }

    @OnMessage(maxMessageSize = MAX_FRAME_BYTES)
    public void text(String frame, Session session) {
        client(session).ifPresent(client -> {
            client.heard();
            requests.text(client, frame);
        });
    }

    @OnMessage(maxMessageSize = MAX_FRAME_BYTES)
    public void binary(ByteBuffer frame, Session session) {
        client(session).ifPresent(client -> {
            client.heard();
            requests.binary(client);
        });
    }

    /** Pongs come from every client every few seconds: answered from the session, without a registry call. */
    @OnMessage
    public void pong(PongMessage pong, Session session) {
        client(session).ifPresent(client -> client.pong(pong.getApplicationData()));
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        registry.closed(session, reason == null ? CloseReason.CloseCodes.NO_STATUS_CODE.getCode()
                : reason.getCloseCode().getCode());
    }

    /** The transport failed: counted as 1006, a connection that ended without a close frame. */
    @OnError
    public void error(Session session, Throwable error) {
        LOG.log(Level.FINE, error, () -> "WebSocket error on session " + session.getId());
        registry.closed(session, CloseReason.CloseCodes.CLOSED_ABNORMALLY.getCode());
    }

    /** The client lives in the session's own properties: the container keeps it, the endpoint holds nothing. */
    private static Optional<Client> client(Session session) {
        return Optional.ofNullable((Client) session.getUserProperties().get(CLIENT));
    }

    private static String clientName(Session session) {
        List<String> values = session.getRequestParameterMap().get("client_name");
        String name = values == null || values.isEmpty() ? "" : values.get(0).strip();
        name = name.replaceAll("\\p{Cntrl}", "");
        if (name.isEmpty()) {
            return "anonymous";
        }
        return name.length() > NAME_LIMIT ? name.substring(0, NAME_LIMIT) : name;
    }
}
