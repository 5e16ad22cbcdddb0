package dev.handfeed.hands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The reader's life over a growing file: flush, resume at an offset, garbage, oversized input, summaries. */
class HandReaderLifecycleTest {

    private final HandParser parser = new HandParser();

    @Test
    void resumingAtOffsetNeitherLosesNorRepeatsAHand() {
        byte[] bytes = Fixtures.bytes("mtt_freeroll_gratuit_table_move.txt");
        List<Hand> reference = ReaderFeeding.reference(bytes);
        for (int cut = 0; cut <= bytes.length; cut++) {
            for (boolean flush : new boolean[] {false, true}) {
                HandReader first = new HandReader("f", parser);
                List<HandEvent> events = new ArrayList<>(first.feed(bytes, 0, cut));
                if (flush) {
                    events.addAll(first.flush());
                }
                long offset = first.offset();
                assertTrue(offset <= cut, "offset " + offset + " beyond fed bytes " + cut);
                HandReader second = new HandReader("f", parser, offset, first.line());
                events.addAll(second.feed(bytes, (int) offset, bytes.length - (int) offset));
                events.addAll(second.finish());
                assertEquals(reference, ReaderFeeding.hands(events), "cut at " + cut + (flush ? " with flush" : ""));
                for (HandEvent e : events) {
                    if (e instanceof HandEvent.Parsed p) {
                        assertEquals(ReaderFeeding.lineOf(bytes, p.hand().handId()), p.line(), "line of " + p.hand().handId());
                    }
                }
            }
        }
    }
    @Test
    void flushEmitsTheTrailingHandOnceAndAbsorbsWhatFollowsIt() {
        String text = new String(Fixtures.bytes("separators.txt"), StandardCharsets.UTF_8);
        int third = text.indexOf("Winamax Poker", text.indexOf("#7328358-2521"));
        byte[] head = text.getBytes(StandardCharsets.UTF_8);
        HandReader reader = new HandReader("f", parser);
        List<HandEvent> fed = reader.feed(head, 0, head.length);
        assertEquals(2, fed.size(), "the last hand has no line end and no blank line yet");
        List<HandEvent> flushed = reader.flush();
        assertEquals(1, flushed.size());
        assertEquals("7328358-2522-1427242160", assertInstanceOf(HandEvent.Parsed.class, flushed.get(0)).hand().handId());
        assertEquals(head.length, reader.offset());
        assertTrue(reader.flush().isEmpty(), "a second flush emits nothing");
        byte[] more = ("\n\n\n" + text.substring(third)).getBytes(StandardCharsets.UTF_8);
        List<HandEvent> after = new ArrayList<>(reader.feed(more, 0, more.length));
        after.addAll(reader.finish());
        assertEquals(List.of("7328358-2522-1427242160"),
                ReaderFeeding.hands(after).stream().map(Hand::handId).toList(), "only the appended copy, never the flushed hand again");
    }
    @Test
    void flushHoldsAHandWhoseSummaryIsNotWrittenYet() {
        String text = new String(Fixtures.bytes("cash_plo5_uncalled_in_collected.txt"), StandardCharsets.UTF_8);
        byte[] all = text.getBytes(StandardCharsets.UTF_8);
        int summary = ReaderFeeding.indexOf(all, "*** SUMMARY ***\n".getBytes(StandardCharsets.UTF_8), 0);
        HandReader reader = new HandReader("f", parser);
        assertTrue(reader.feed(all, 0, summary).isEmpty());
        assertTrue(reader.flush().isEmpty(), "no summary yet");
        int marker = summary + "*** SUMMARY ***\n".length();
        assertTrue(reader.feed(all, summary, marker - summary).isEmpty());
        assertTrue(reader.flush().isEmpty(), "summary marker without its Total pot line");
        assertEquals(0, reader.offset());
        reader.feed(all, marker, all.length - marker);
        List<HandEvent> flushed = reader.flush();
        assertEquals(1, ReaderFeeding.hands(flushed).size());
        assertEquals(all.length, reader.offset());
        assertTrue(reader.finish().isEmpty());
    }
    @Test
    void aLastLineCutInsideACharacterIsLeftPendingAtFlush() {
        byte[] all = Fixtures.bytes("cash_plo5_uncalled_in_collected.txt");
        int cut = all.length - 2; // inside the final "€\n" of the last summary line
        int lastLine = all.length - 1 - ("Seat 3: Hero (button) won 5.48€".getBytes(StandardCharsets.UTF_8).length);
        HandReader reader = new HandReader("f", parser);
        reader.feed(all, 0, cut);
        List<HandEvent> flushed = reader.flush();
        assertEquals(1, ReaderFeeding.hands(flushed).size(), "Total pot is there: the hand is complete");
        assertEquals(lastLine, reader.offset(), "the cut line is not consumed");
        assertTrue(reader.feed(all, cut, all.length - cut).isEmpty());
        assertTrue(reader.finish().isEmpty(), "the rest of the line is absorbed, the hand not repeated");
        assertEquals(all.length, reader.offset());
    }
    @Test
    void emptyGarbageAndBinaryInputNeverThrow() {
        HandReader empty = new HandReader("empty", parser);
        assertTrue(empty.feed(new byte[0], 0, 0).isEmpty());
        assertTrue(empty.flush().isEmpty());
        assertTrue(empty.finish().isEmpty());
        assertFalse(empty.isSummaryFile());

        byte[] binary = new byte[1 << 20];
        new Random(7).nextBytes(binary);
        byte[] hand = Fixtures.bytes("cash_plh_hero_sb.txt");
        byte[] text = "some notes\nnot a hand\n\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = ReaderFeeding.concat(ReaderFeeding.concat(text, binary), ReaderFeeding.concat("\n".getBytes(StandardCharsets.UTF_8), hand));
        for (int chunk : new int[] {1 << 16, 999}) {
            HandReader reader = new HandReader("garbage", parser);
            List<HandEvent> events = ReaderFeeding.feed(reader, all, chunk);
            assertEquals(List.of("9870001-15-1700000000"), ReaderFeeding.hands(events).stream().map(Hand::handId).toList());
            assertTrue(reader.counts().garbageLines() > 1000, "binary lines counted as garbage: " + reader.counts().garbageLines());
            assertEquals(all.length, reader.offset());
        }
    }
    @Test
    void anOverlongLineIsReportedAndDiscarded() {
        byte[] noise = new byte[HandReader.MAX_LINE_BYTES + 10];
        Arrays.fill(noise, (byte) 'x');
        byte[] hand = Fixtures.bytes("cash_plh_hero_sb.txt");
        byte[] all = ReaderFeeding.concat(ReaderFeeding.concat(hand, noise), ReaderFeeding.concat("\n".getBytes(StandardCharsets.UTF_8), hand));
        HandReader reader = new HandReader("long", parser);
        List<HandEvent> events = ReaderFeeding.feed(reader, all, 8192);
        assertEquals(2, ReaderFeeding.hands(events).size());
        HandEvent.Failed failed = assertInstanceOf(HandEvent.Failed.class,
                events.stream().filter(e -> e instanceof HandEvent.Failed).findFirst().orElseThrow());
        assertTrue(failed.error().getMessage().contains("longer than"), failed.error().getMessage());
        assertEquals(1, reader.counts().failed());
    }
    @Test
    void anOversizedHandIsReportedWithItsIdAndTheNextHandStillParses() {
        String hand = new String(Fixtures.bytes("cash_plh_hero_sb.txt"), StandardCharsets.UTF_8);
        int preflop = hand.indexOf("titi250 calls");
        String huge = hand.substring(0, preflop) + "titi250 checks\n".repeat(HandReader.MAX_HAND_LINES)
                + hand.substring(preflop);
        byte[] all = (huge + hand).getBytes(StandardCharsets.UTF_8);
        HandReader reader = new HandReader("huge", parser);
        List<HandEvent> events = ReaderFeeding.feed(reader, all, 65536);
        assertEquals(2, events.size(), events.toString());
        HandEvent.Failed failed = assertInstanceOf(HandEvent.Failed.class, events.get(0));
        assertEquals("9870001-15-1700000000", failed.error().handId());
        assertInstanceOf(HandEvent.Parsed.class, events.get(1));
    }
    @Test
    void summaryFilesAreRecognisedAndSkipped() {
        byte[] bytes = Fixtures.bytes("summary_file.txt");
        HandReader reader = new HandReader("s", parser);
        List<HandEvent> events = ReaderFeeding.feed(reader, bytes, 5);
        assertTrue(reader.isSummaryFile());
        assertEquals(2, events.size());
        events.forEach(e -> assertInstanceOf(HandEvent.SummarySkipped.class, e));
        assertEquals(0, reader.counts().failed());
    }
    @Test
    void linesBeforeTheFirstHeaderAreGarbageNotErrors() {
        byte[] hand = Fixtures.bytes("cash_plh_hero_sb.txt");
        byte[] all = ReaderFeeding.concat("tail of a previous hand\nSeat 1: x won 2€\n\n".getBytes(StandardCharsets.UTF_8), hand);
        HandReader reader = new HandReader("g", parser);
        List<HandEvent> events = ReaderFeeding.feed(reader, all, 100);
        assertEquals(1, ReaderFeeding.hands(events).size());
        assertEquals(2, reader.counts().garbageLines());
        assertEquals(0, reader.counts().failed());
    }
}
