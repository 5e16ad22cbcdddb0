package dev.handfeed.tournaments;

import dev.handfeed.hands.LineDecoder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a whole tournament summary file ({@code …_summary.txt}) into one {@link SummaryEntry} per block, in
 * file order. A block starts at every line beginning {@code Winamax Poker - }; blank lines are ignored. Files are
 * small and rewritten or appended to as a whole block, so each call reads the whole text; nothing is kept
 * between calls and one instance may serve every thread.
 * <p>
 * Bytes are decoded line by line as the hand reader does ({@link LineDecoder}: UTF-8, else cp1252), with a
 * leading byte-order mark and every {@code \r} removed. Content never makes a call throw: what cannot be read is
 * a {@link SummaryEntry.Failed} naming file and line.
 */
public final class TournamentSummaryParser {

    /** Summary files are a few kilobytes; anything much larger is not one and is not read. */
    public static final int MAX_FILE_BYTES = 1 << 20;

    /** Reads and parses a file; one larger than {@link #MAX_FILE_BYTES} is a failure, not read. */
    public List<SummaryEntry> parse(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            return List.of(tooLarge(file.toString()));
        }
        return parse(file.toString(), Files.readAllBytes(file));
    }

    /** @param source the file name, for results and error messages */
    public List<SummaryEntry> parse(String source, byte[] content) {
        if (content.length > MAX_FILE_BYTES) {
            return List.of(tooLarge(source));
        }
        LineDecoder decoder = new LineDecoder();
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= content.length; i++) {
            if (i == content.length || content[i] == '\n') {
                int off = start;
                if (i - off >= 3 && content[off] == (byte) 0xEF && content[off + 1] == (byte) 0xBB
                        && content[off + 2] == (byte) 0xBF) {
                    off += 3;
                }
                lines.add(decoder.decode(content, off, i - off));
                start = i + 1;
            }
        }
        return entries(source, lines);
    }

    /** Text already decoded (tests, tools); {@code \r} and a leading byte-order mark are removed here too. */
    public List<SummaryEntry> parse(String source, String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            String clean = line.indexOf('\r') >= 0 ? line.replace("\r", "") : line;
            lines.add(clean.startsWith("\uFEFF") ? clean.substring(1) : clean);
        }
        return entries(source, lines);
    }

    /** @param lines every line of the text; the last one is what follows the last {@code \n}, maybe empty */
    private static List<SummaryEntry> entries(String source, List<String> lines) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(Title.BLOCK_START)) {
                starts.add(i);
            }
        }
        List<SummaryEntry> entries = new ArrayList<>(starts.size() + 1);
        int firstStart = starts.isEmpty() ? lines.size() : starts.get(0);
        int text = firstNonBlank(lines, 0, firstStart);
        if (text >= 0) {
            boolean closed = !starts.isEmpty() || blankLineAfter(lines, 0);
            entries.add(SummaryBlock.read(source, lines.subList(text, text + 1), text + 1, 0, closed));
        }
        for (int b = 0; b < starts.size(); b++) {
            boolean last = b == starts.size() - 1;
            int from = starts.get(b);
            int to = last ? lines.size() : starts.get(b + 1);
            boolean closed = !last || blankLineAfter(lines, from);
            entries.add(SummaryBlock.read(source, lines.subList(from, to), from + 1L, b + 1, closed));
        }
        return entries;
    }

    /** Whether a complete (newline-terminated) blank line follows the last non-blank line from {@code from} on. */
    private static boolean blankLineAfter(List<String> lines, int from) {
        int lastText = from;
        for (int i = from; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                lastText = i;
            }
        }
        // The last element is not terminated by a newline, so it cannot close anything.
        return lastText < lines.size() - 2;
    }

    private static int firstNonBlank(List<String> lines, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }

    private static SummaryEntry tooLarge(String source) {
        return SummaryBlock.failed("larger than " + MAX_FILE_BYTES + " bytes: not a tournament summary, not read",
                source, 1, null, 0, true, null);
    }
}
