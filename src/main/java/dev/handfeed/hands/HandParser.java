package dev.handfeed.hands;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Parses the lines of one hand block into a {@link Hand}. Immutable (only the configured hero name), so
 * one instance can serve every file and thread.
 */
public final class HandParser {

    private final String heroOverride;

    /** Detects the hero from the {@code Dealt to} line of each hand. */
    public HandParser() {
        this(null);
    }

    /** @param heroOverride HERO_NAME: forces the hero's name; null or blank means detect */
    public HandParser(String heroOverride) {
        this.heroOverride = heroOverride == null || heroOverride.isBlank() ? null : heroOverride.strip();
    }

    /**
     * @param lines     the hand's lines, header first, without line ends
     * @param firstLine 1-based line number of the header in {@code source}, for error messages
     */
    public Hand parse(List<String> lines, String source, long firstLine) throws HandParseException {
        String handId = lines.isEmpty() ? null : Header.handIdOf(lines.get(0));
        int index = 0;
        try {
            if (lines.size() < 2) {
                throw new MalformedLine(lines.isEmpty() ? "empty hand block" : "hand cut after its header");
            }
            Header header = Header.parse(lines.get(0));
            index = 1;
            TableLine table = TableLine.parse(lines.get(1));
            int seatsEnd = 2;
            while (seatsEnd < lines.size() && !lines.get(seatsEnd).startsWith("*** ")) {
                seatsEnd++;
            }
            Seats seats = new Seats(seatsEnd - 2);
            Notes notes = new Notes();
            for (index = 2; index < seatsEnd; index++) {
                String line = lines.get(index);
                if (line.startsWith("Seat ")) {
                    seats.add(line);
                } else if (!line.isBlank()) {
                    notes.add("unrecognised line among the seats: '" + line + "'");
                }
            }
            if (seats.count() == 0) {
                throw new MalformedLine("no seat lines before '*** ANTE/BLINDS ***'");
            }
            seats.seal();
            Stakes stakes = Stakes.parse(header.stakesRaw());
            Ledger ledger = new Ledger(seats.count());
            ActionLine actions = new ActionLine(ledger, notes,
                    GameType.fixedLimit(header.gameRaw()) ? -1 : stakes.smallBlind());
            HandBody body = new HandBody(seats, ledger, actions, notes, heroOverride);
            for (; index < lines.size(); index++) {
                body.read(lines.get(index));
            }
            index = lines.size() - 1;
            if (body.section() != HandBody.Section.SUMMARY) {
                throw new MalformedLine("no '*** SUMMARY ***': the hand is truncated or corrupt");
            }
            return HandAssembly.build(header, table, stakes, seats, ledger, actions, body, notes, heroOverride);
        } catch (MalformedLine e) {
            throw new HandParseException(e.getMessage(), source, firstLine + index, handId);
        } catch (RuntimeException e) {
            // A parser bug must cost one hand, not the watcher: report it like any corrupt hand.
            throw new HandParseException("unexpected " + e, source, firstLine + index, handId, e);
        }
    }

    /** Parses a whole file's text (tests, tools): every block as an event, trailing hand included. */
    public List<HandEvent> parseAll(String text, String source) {
        return parseAll(text.getBytes(StandardCharsets.UTF_8), source);
    }

    /** Parses a whole file's bytes, whatever the encoding and line ends (see {@link HandReader}). */
    public List<HandEvent> parseAll(byte[] content, String source) {
        HandReader reader = new HandReader(source, this);
        List<HandEvent> events = new ArrayList<>(reader.feed(content, 0, content.length));
        events.addAll(reader.finish());
        return events;
    }

    /** Parses a whole file into a list of events (tests, tools; see {@link #parse(Path, Consumer)} for big files). */
    public List<HandEvent> parseAll(Path file) throws IOException {
        List<HandEvent> events = new ArrayList<>();
        parse(file, events::add);
        return events;
    }

    /**
     * Streams a file of any size through a {@link HandReader} with a fixed 64 KiB buffer, handing each event
     * to {@code sink} as it completes; memory does not grow with the file.
     *
     * @return the number of bytes read
     */
    public long parse(Path file, Consumer<HandEvent> sink) throws IOException {
        HandReader reader = new HandReader(file.toString(), this);
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                reader.feed(buffer, 0, n).forEach(sink);
                total += n;
            }
        }
        reader.finish().forEach(sink);
        return total;
    }
}
