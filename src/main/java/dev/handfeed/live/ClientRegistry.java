package dev.handfeed.live;

import dev.handfeed.auth.ThrottledLog;
import dev.handfeed.config.Settings;
import dev.handfeed.filters.EventFacts;
import dev.handfeed.journal.Journal;
import dev.handfeed.journal.JournalAccess;
import dev.handfeed.wire.ConnectionAck;
import dev.handfeed.wire.Encoded;
import dev.handfeed.wire.ErrorMessage;
import dev.handfeed.wire.Event;
import dev.handfeed.wire.JsonCodec;
import dev.handfeed.wire.WireMessage;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.websocket.Session;

import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.IntPredicate;
import java.util.function.ObjIntConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every open connection, by session id. Bean-managed concurrency on a concurrent map: opens, closes and broadcasts
 * run in parallel and no broadcast ever waits for a lock held by another client.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // nothing here is transactional: no JTA per call
public class ClientRegistry {

    private static final Logger LOG = Logger.getLogger(ClientRegistry.class.getName());

    @Inject
    Settings settings;

    @Inject
    JsonCodec codec;

    @Inject
    JournalAccess journals;

    @Inject
    MeterRegistry meters;

    private final ConcurrentMap<String, Client> clients = new ConcurrentHashMap<>();
    /** Closes that clients bring on themselves (abuse, expired tokens) can come by the thousand. */
    private final ThrottledLog closes = new ThrottledLog(LOG, 30);

    private LiveCounters counters;
    private Transports transports;
    private LaneMembers lanes;

    @PostConstruct
    void init() {
        counters = new LiveCounters(meters);
        lanes = new LaneMembers(settings.broadcastThreads());
        transports = new Transports(settings.directSend(), path -> Gauge.builder("handfeed.send.path", () -> 1)
                .description("How frames reach the sockets: tyrus-direct (Payara) or standard (the remote endpoint)")
                .tag("path", path).register(meters));
        Gauge.builder("handfeed.send.shared.frames", transports, t -> t.sharedFrames() ? 1 : 0)
                .description("1 when broadcast messages reach uncompressed connections as one frame built once for all"
                        + " clients (Payara), 0 when the container frames each client's copy").register(meters);
        Gauge.builder("handfeed.send.connection.writes", transports, t -> t.connectionWrites() ? 1 : 0)
                .description("1 when frames built once for all are written to the container's connection (Payara:"
                        + " Grizzly's), past the servlet output stream").register(meters);
        Gauge.builder("handfeed.connections.open", clients, ConcurrentMap::size)
                .description("WebSocket clients connected now").register(meters);
    }

    /**
     * Registers a new connection. It is registered holding its live messages, and only then is its acknowledgement
     * (with the journal's newest event id, read after registration) queued: a hand broadcast in between waits for
     * the acknowledgement instead of missing the client. A client that does not resume then goes live, after the
     * answer to its filters ({@code subscribe}); one that resumes keeps holding until its replay ends.
     */
    public Client open(Session session, String clientName, boolean resuming, java.util.function.Consumer<Client> subscribe) {
        int lane = lanes.next();
        // Pinged at most once per send timeout: every pong costs the container a timer reschedule.
        Client client = new Client(session, transports.of(session), UUID.randomUUID().toString(), clientName, lane,
                settings.clientBufferMessages(), settings.clientSendTimeout().toNanos(), counters, this::disconnect);
        client.beginReplay();
        lanes.joined(lane); // before it is registered: a broadcast that finds its lane empty comes before its ack
        clients.put(session.getId(), client);
        Optional<Journal> journal = journals.current();
        client.offer(codec.toJson(new ConnectionAck(client.id(), clientName, Instant.now(),
                journal.map(Journal::streamId).orElse(null), journal.map(Journal::lastEventId).orElse(0L))));
        subscribe.accept(client);
        if (!resuming && !client.goLive()) {
            tooSlow(client);
        }
        counters.connectionOpened();
        LOG.fine(() -> "Client connected: " + describe(client) + ", " + clients.size() + " open");
        return client;
    }

    /** The connection ended (close frame, transport error or abrupt disconnect) with this close code. */
    public void closed(Session session, int code) {
        Client client = clients.remove(session.getId());
        if (client != null) {
            lanes.left(client.lane());
            client.closed();
            counters.connectionClosed(code);
            counters.dropped(client.discardPending());
            LOG.fine(() -> "Client disconnected: " + describe(client) + ", " + clients.size() + " open");
        }
    }

    /**
     * Queues one message for every client of a broadcast lane; a client whose buffer is full is disconnected,
     * not waited for.
     */
    public void sendToLane(Encoded message, int lane) {
        EventFacts facts = message.message() instanceof Event event ? EventFacts.of(event) : null;
        for (Client client : clients.values()) {
            if (client.lane() == lane && !client.deliver(message, facts)) {
                tooSlow(client);
            }
        }
    }

    /**
     * {@link #sendToLane} bound to this bean, for the broadcast lanes' workers: one call per event and lane without
     * the container's interception, which this bean needs none of (bean-managed concurrency, no transactions).
     */
    public ObjIntConsumer<Encoded> laneSender() {
        return this::sendToLane;
    }

    /**
     * Whether a broadcast lane has clients, for the broadcaster to pass over the lanes that have none; like
     * {@link #laneSender}, bound to this bean once.
     */
    public IntPredicate laneOccupied() {
        return lanes::occupied;
    }

    /** Sends one message to one client (an answer, a replay marker). */
    public void send(Client client, WireMessage message) {
        if (!client.offer(codec.toJson(message))) {
            tooSlow(client);
        }
    }

    /** Sends an {@code error} and counts it. */
    public void sendError(Client client, String message) {
        counters.errorSent();
        send(client, new ErrorMessage(message, Instant.now()));
    }

    /** The client could not take one more message: it is closed, and the message counts as dropped. */
    public void tooSlow(Client client) {
        counters.dropped(1);
        disconnect(client, Disconnect.BUFFER_FULL);
    }

    public void disconnect(Client client, Disconnect why) {
        if (!clients.remove(client.session().getId(), client)) {
            return;
        }
        lanes.left(client.lane());
        client.closed();
        counters.disconnected(why);
        counters.dropped(client.discardPending());
        LOG.info(() -> "Closing " + describe(client) + " with " + why.code() + " (" + why.reason() + ")");
        try {
            client.session().close(why.closeReason());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, e, () -> "Close of " + describe(client) + " failed; the transport is gone already");
        }
    }

    /**
     * Sends an {@code error} saying why, then closes with {@code why} once it has left: for closes the client must
     * understand (an expired token, abuse). The client receives nothing else meanwhile, and stays counted until the
     * close is sent, so a client that does not read is still closed by the stalled-send check. {@code afterClose}
     * runs once the close is sent, whether or not the container reports it.
     */
    public void closeWithError(Client client, Disconnect why, String message, Runnable afterClose) {
        String error = codec.toJson(new ErrorMessage(message, Instant.now()));
        if (client.closeAfter(error, why.closeReason(), () -> {
            closed(client.session(), why.code());
            afterClose.run();
        })) {
            counters.errorSent();
            closes.log(Level.INFO, () -> "Closing " + describe(client) + " with " + why.code() + " (" + message + ")");
        }
    }

    public Collection<Client> clients() {
        return clients.values();
    }

    public int size() {
        return clients.size();
    }

    public LiveCounters counters() {
        return counters;
    }

    @PreDestroy
    void closeAll() {
        clients.values().forEach(client -> disconnect(client, Disconnect.SHUTDOWN));
    }

    private static String describe(Client client) {
        return "client '" + client.name() + "' (" + client.id() + ")";
    }
}
