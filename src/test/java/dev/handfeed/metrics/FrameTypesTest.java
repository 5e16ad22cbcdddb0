package dev.handfeed.metrics;

import dev.handfeed.testing.HandTexts;
import dev.handfeed.hands.HandEvent;
import dev.handfeed.hands.HandParser;
import dev.handfeed.wire.ConnectionAck;
import dev.handfeed.wire.ErrorMessage;
import dev.handfeed.wire.Heartbeat;
import dev.handfeed.wire.JsonCodec;
import dev.handfeed.wire.NewHand;
import dev.handfeed.wire.Pong;
import dev.handfeed.wire.ReplayComplete;
import dev.handfeed.wire.ReplayGap;
import dev.handfeed.wire.WireMessage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FrameTypesTest {

    private static final Instant AT = Instant.parse("2024-01-01T12:00:00Z");
    private final JsonCodec codec = new JsonCodec();

    @Test
    void everyServerMessageOfTheContractHasItsOwnLabel() throws IOException {
        String protocol = Files.readString(Path.of("docs/protocol.md"));
        String toClient = protocol.substring(protocol.indexOf("## Server → client"));
        toClient = toClient.substring(0, toClient.indexOf("\n## ", 3));
        Set<String> documented = new LinkedHashSet<>();
        Matcher heading = Pattern.compile("(?m)^### `([a-z_]+)`").matcher(toClient);
        while (heading.find()) {
            documented.add(heading.group(1));
        }
        Set<String> labels = new LinkedHashSet<>(FrameTypes.NAMES);
        labels.remove("other");
        assertEquals(documented.stream().sorted().toList(), labels.stream().sorted().toList(),
                "FrameTypes.NAMES must follow the messages of docs/protocol.md");
    }

    @Test
    void theTypeIsReadFromTheFrameAsTheCodecWritesIt() {
        NewHand hand = NewHand.of(((HandEvent.Parsed) new HandParser().parseAll(HandTexts.cash(1), "t").get(0))
                .hand(), 7, AT);
        List<WireMessage> messages = List.of(hand, new Heartbeat(AT), new Pong(AT), new ErrorMessage("bad", AT),
                new ConnectionAck("id", "name", AT, "stream", 3), new ReplayComplete(1, 2, 2, AT),
                new ReplayGap(ReplayGap.Reason.RETENTION, 1, 5, AT));
        for (WireMessage message : messages) {
            assertEquals(message.type(), FrameTypes.NAMES.get(FrameTypes.index(codec.toJson(message))));
        }
    }

    @Test
    void anythingElseIsOther() {
        for (String frame : List.of("{\"type\":\"new_hands\",\"x\":1}", "{\"type\":\"new_hand", "[]", "",
                "{\"hand\":\"new_hand\"}", "{\"type\": \"pong\"}")) {
            assertEquals("other", FrameTypes.NAMES.get(FrameTypes.index(frame)), frame);
        }
    }
}
