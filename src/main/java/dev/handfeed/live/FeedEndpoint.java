package dev.handfeed.live;

import dev.handfeed.auth.BearerToken;
import dev.handfeed.filters.FilterParser;
import dev.handfeed.filters.Filters;
import dev.handfeed.filters.InvalidFilter;
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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code ws://HOST:PORT/ws?client_name=NAME[&last_event_id=N&stream_id=S][&game_type=NLH,PLO&kind=cash...]}.
 * Holds no state: every connection lives in the {@link ClientRegistry}.
 * Frames above {@link #MAX_FRAME_BYTES} close the connection with 1009. Who may connect, and how many frames a
 * client may send, is the {@link Admission}'s.
 */
@ServerEndpoint(value = "/ws", subprotocols = BearerToken.SUBPROTOCOL, configurator = Handshake.class)
public class FeedEndpoint {

    static final int MAX_FRAME_BYTES = 64 * 1024;
    private static final int NAME_LIMIT = 100;
    private static final String CLIENT = Client.class.getName();
    private static final Logger LOG = Logger.getLogger(FeedEndpoint.class.getName());

    @Inject
    ClientRegistry registry;

    @Inject
    ClientRequests requests;

    @Inject
    Admission admission;

    @Inject
    IdleTimeouts idleTimeouts;

    /** {@code ?last_event_id=N&stream_id=S} resumes: the replay follows the ack; a bad value gets an error. */
    @OnOpen
    public void open(Session session, EndpointConfig config) {
        // Liveness is ours (pings, send timeout, dead peers), so no container idle timeout. With a positive one,
        // Payara's Tyrus would also leave a cancelled timer task behind for every frame until it expires.
        idleTimeouts.off(session);
        if (!admission.open(session)) {
            return; // refused: it got an error and a close
        }
        Map<String, List<String>> query = session.getRequestParameterMap();
        List<String> invalid = new ArrayList<>();
        Optional<ResumePoint> resume = Optional.empty();
        Filters filters = Filters.NONE;
        try {
            resume = ResumePoint.fromQuery(query);
        } catch (InvalidRequest e) {
            invalid.add(e.getMessage());
        }
        try {
            filters = FilterParser.fromQuery(query);
        } catch (InvalidFilter e) {
            invalid.add(e.getMessage());
        }
        Filters subscription = filters;
        Client client = registry.open(session, clientName(session), resume.isPresent(), c -> {
            if (!subscription.isEmpty()) {
                requests.subscribe(c, subscription);
            }
        });
        session.getUserProperties().put(CLIENT, client);
        invalid.forEach(message -> registry.sendError(client, message));
        resume.ifPresent(point -> requests.resume(client, point));
    }

    @OnMessage(maxMessageSize = MAX_FRAME_BYTES)
    public void text(String frame, Session session) {
        client(session).ifPresent(client -> {
            client.heard();
            if (tooBig(frame)) {
                registry.disconnect(client, Disconnect.TOO_BIG);
                return;
            }
            admission.frame(client, () -> requests.text(client, frame));
        });
    }

    @OnMessage(maxMessageSize = MAX_FRAME_BYTES)
    public void binary(ByteBuffer frame, Session session) {
        client(session).ifPresent(client -> {
            client.heard();
            admission.frame(client, () -> requests.binary(client));
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
        admission.closed(session);
    }

    /** The transport failed: counted as 1006, a connection that ended without a close frame. */
    @OnError
    public void error(Session session, Throwable error) {
        LOG.log(Level.FINE, error, () -> "WebSocket error on session " + session.getId());
        registry.closed(session, CloseReason.CloseCodes.CLOSED_ABNORMALLY.getCode());
        admission.closed(session);
    }

    /**
     * Payara Micro never delivers a text frame above the limit. WildFly's Undertow 2.3 reads and delivers it
     * (UNDERTOW-2770; binary frames it does refuse), so the limit is checked here too, once the frame is read.
     */
    private static boolean tooBig(String frame) {
        return frame.length() > MAX_FRAME_BYTES / 3 && frame.getBytes(StandardCharsets.UTF_8).length > MAX_FRAME_BYTES;
    }

    /** The client lives in the session's own properties: the container keeps it, the endpoint holds nothing. */
    private static Optional<Client> client(Session session) {
        return Optional.ofNullable((Client) session.getUserProperties().get(CLIENT));
    }

    private static String clientName(Session session) {
        List<String> values = session.getRequestParameterMap().get("client_name");
        String name = values == null || values.isEmpty() ? "" : values.get(0).strip();
        name = name.replaceAll("[\\p{Cntrl}\\p{Cs}]", ""); // a lone surrogate could not be sent back in the ack
        if (name.isEmpty()) {
            return "anonymous";
        }
        int end = Math.min(name.length(), NAME_LIMIT);
        return name.substring(0, Character.isHighSurrogate(name.charAt(end - 1)) ? end - 1 : end);
    }
}
