package dev.handfeed.watcher;

import dev.handfeed.hands.HandEvent;
import dev.handfeed.hands.HandParser;
import dev.handfeed.wire.JsonCodec;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WarmupTest {

    @Test
    void theMadeUpHandIsAHandTheParserReadsExactly() throws IOException {
        try (InputStream in = Warmup.class.getResourceAsStream("warmup-hand.txt")) {
            List<HandEvent> events = new HandParser().parseAll(in.readAllBytes(), "warmup-hand.txt");
            assertEquals(1, events.size());
            HandEvent.Parsed parsed = assertInstanceOf(HandEvent.Parsed.class, events.get(0));
            // WarmupHero raises to 0.06 and bets 0.08 (0.14 in), collects 0.21 (his own 0.14, the blinds' 0.07)
            assertEquals(new BigDecimal("0.07"), parsed.hand().heroResult());
        }
    }

    @Test
    void itRunsWithoutWarningsAndLeavesNothingBehind() {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Logger logger = Logger.getLogger(Warmup.class.getName());
        Handler handler = new Handler() {
            @Override public void publish(LogRecord record) { records.add(record); }
            @Override public void flush() { }
            @Override public void close() { }
        };
        logger.addHandler(handler);
        try {
            Warmup.run(new HandParser(), new JsonCodec());
        } finally {
            logger.removeHandler(handler);
        }
        assertTrue(records.stream().noneMatch(r -> r.getLevel().intValue() >= Level.WARNING.intValue()),
                () -> records.stream().map(LogRecord::getMessage).toList().toString());
    }
}
