package dev.handfeed.live;

import dev.handfeed.filters.Filters;
import dev.handfeed.wire.JsonCodec;
import dev.handfeed.wire.Pong;
import dev.handfeed.wire.Subscribed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.time.Instant;

/** Answers what clients send: a pong, an error naming what was wrong, or a replay handed to its observer. */
@ApplicationScoped
public class ClientRequests {

    @Inject
    ClientRegistry registry;

    @Inject
    Event<ResumeRequested> resumes;

    @Inject
    JsonCodec codec;

    @Inject
    Admission admission;

    private final ClientFrames frames = new ClientFrames();

    public void text(Client client, String frame) {
        Request request = frames.read(frame);
        if (request instanceof Request.Resume resume) {
            resume(client, resume.point());
        } else if (request instanceof Request.Subscribe subscribe) {
            subscribe(client, subscribe.filters());
        } else if (request instanceof Request.Refresh refresh) {
            admission.refresh(client, refresh.token());
        } else if (request instanceof Request.Invalid invalid) {
            registry.sendError(client, invalid.message());
        } else {
            registry.send(client, new Pong(Instant.now()));
        }
    }

    public void binary(Client client) {
        registry.sendError(client, "Binary frames are not supported; send JSON text");
    }

    /** Replaces the client's filters, answered by {@code subscribed} with the filters as understood. */
    public void subscribe(Client client, Filters filters) {
        if (!client.subscribe(filters, codec.toJson(new Subscribed(filters.describe(), Instant.now())))) {
            registry.tooSlow(client);
        }
    }

    /** A connection resumes once: the query string's resume counts, and a second one gets an error. */
    public void resume(Client client, ResumePoint point) {
        if (!client.claimResume()) {
            registry.sendError(client, "This connection has resumed already; a connection resumes once");
            return;
        }
        resumes.fire(new ResumeRequested(client, point));
    }
}
