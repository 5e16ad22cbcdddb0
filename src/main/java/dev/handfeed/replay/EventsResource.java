package dev.handfeed.replay;

import dev.handfeed.filters.EventFacts;
import dev.handfeed.filters.FilterParser;
import dev.handfeed.filters.Filters;
import dev.handfeed.filters.InvalidFilter;
import dev.handfeed.journal.Journal;
import dev.handfeed.journal.JournalAccess;
import dev.handfeed.journal.JournalException;
import dev.handfeed.journal.StoredEvent;
import dev.handfeed.live.ResumePoint;
import dev.handfeed.wire.JsonText;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;
import java.util.Optional;

/**
 * {@code GET /events?after=N&limit=L}: the stored events after N, exactly as they were sent, for dashboards that
 * load the session so far and for clients that catch up over HTTP, through the same filters as the WebSocket (as
 * query parameters). Page with {@code after=next_after} until {@code events} is empty.
 */
@Path("/events")
@RequestScoped
public class EventsResource {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1_000;

    @Inject
    JournalAccess journals;

    /** How many stored events one filtered request reads at most before answering with what it found. */
    static final int MAX_SCAN = 10_000;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response events(@QueryParam("after") String after, @QueryParam("limit") String limit,
                           @Context UriInfo uri) {
        long from;
        int count;
        Filters filters;
        try {
            filters = FilterParser.fromQuery(uri.getQueryParameters());
        } catch (InvalidFilter e) {
            return problem(Response.Status.BAD_REQUEST, e.getMessage(), e.key());
        }
        try {
            from = after == null ? 0 : QueryNumbers.parse("after", after, 0, ResumePoint.MAX_EVENT_ID);
            count = limit == null ? DEFAULT_LIMIT : (int) QueryNumbers.parse("limit", limit, 1, MAX_LIMIT);
        } catch (QueryNumbers.Invalid e) {
            return problem(Response.Status.BAD_REQUEST, e.getMessage(), e.parameter());
        }
        Optional<Journal> open = journals.current();
        if (open.isEmpty()) {
            return problem(Response.Status.SERVICE_UNAVAILABLE, "The journal is not open (see /health)", null);
        }
        Journal journal = open.get();
        try {
            long last = journal.lastEventId();
            JsonArrayBuilder array = Json.createArrayBuilder();
            long scanned = from;
            int found = 0;
            int read = 0;
            List<StoredEvent> page;
            do {
                page = journal.events().after(scanned, filters.isEmpty() ? count : Math.max(count, 500));
                for (StoredEvent event : page) {
                    JsonObject message = JsonText.object(event.payload());
                    read++;
                    scanned = event.eventId();
                    if (filters.isEmpty() || filters.matches(EventFacts.of(message))) {
                        array.add(message);
                        if (++found == count) {
                            break;
                        }
                    }
                }
            } while (found < count && !page.isEmpty() && read < MAX_SCAN);
            JsonObject body = Json.createObjectBuilder()
                    .add("stream_id", journal.streamId())
                    .add("last_event_id", last)
                    .add("first_available_event_id", journal.events().purgedThrough() + 1)
                    .add("events", array)
                    .add("next_after", scanned)
                    .build();
            return Response.ok(body.toString(), MediaType.APPLICATION_JSON_TYPE).build();
        } catch (JournalException e) {
            return problem(Response.Status.SERVICE_UNAVAILABLE, "The journal cannot be read: " + e.getMessage(), null);
        }
    }

    private static Response problem(Response.Status status, String message, String parameter) {
        var body = Json.createObjectBuilder().add("error", message);
        if (parameter != null) {
            body.add("parameter", parameter);
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body.build().toString()).build();
    }
}
