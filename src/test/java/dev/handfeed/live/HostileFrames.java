package dev.handfeed.live;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Frames a hostile or broken client sends, generated from a seed: deep nesting, lone surrogates, invalid UTF-8,
 * huge numbers, control characters, binary, empty frames, sizes around the 64 KiB limit, protocol violations, and
 * valid requests mutated byte by byte.
 */
final class HostileFrames {

    static final int TEXT = 0x81;
    static final int BINARY = 0x82;
    static final int LIMIT = 64 * 1024;

    /** One frame: what it is, its first byte on the wire (FIN, RSV, opcode) and its payload. */
    record Hostile(String kind, int firstByte, byte[] payload) {
    }

    private static final String[] VALID = {
        "{\"type\":\"ping\"}",
        "{\"type\":\"resume\",\"last_event_id\":0,\"stream_id\":\"ab-12\"}",
        "{\"type\":\"refresh\",\"token\":\"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln\"}",
        "{\"type\":\"subscribe\",\"filters\":{\"game_type\":[\"NLH\"],\"stakes\":\"0.01/0.02\"}}",
        "{\"type\":\"ping\",\"note\":\"h\u00e9llo \u20ac \ud83c\udca1\",\"n\":[1,2.5,-3e2,true,false,null]}",
    };

    private final Random random;

    HostileFrames(long seed) {
        this.random = new Random(seed);
    }

    /** {@code count} frames: every fixed case once, then mutations and random ones. */
    List<Hostile> generate(int count) {
        List<Hostile> frames = new ArrayList<>(fixed());
        while (frames.size() < count) {
            frames.add(switch (random.nextInt(6)) {
                case 0 -> text("nesting", nesting(1 + random.nextInt(20_000)));
                case 1 -> bytes("binary", BINARY, randomBytes(random.nextInt(2_000)));
                case 2 -> bytes("random bytes as text", TEXT, randomBytes(random.nextInt(300)));
                case 3 -> text("number", "{\"type\":\"resume\",\"last_event_id\":" + number() + "}");
                default -> bytes("mutated", TEXT, mutate(VALID[random.nextInt(VALID.length)].getBytes(StandardCharsets.UTF_8)));
            });
        }
        return frames;
    }

    private List<Hostile> fixed() {
        List<Hostile> frames = new ArrayList<>();
        for (int depth : new int[] {31, 32, 33, 1_000, 10_000, 60_000}) {
            frames.add(text("[ x " + depth, "[".repeat(depth)));
            frames.add(text("{\"a\": x " + depth, "{\"a\":".repeat(depth)));
            frames.add(text("closed nesting " + depth, "{\"type\":\"ping\",\"x\":" + "[".repeat(depth) + "]".repeat(depth) + "}"));
        }
        for (String surrogate : new String[] {"\\ud800", "\\udfff", "\\udc00\\ud800", "a\\ud83c", "\\ud83c\\udca1\\ud800"}) {
            frames.add(text("lone surrogate", "{\"type\":\"" + surrogate + "\"}"));
            frames.add(text("lone surrogate in stream_id",
                    "{\"type\":\"resume\",\"last_event_id\":1,\"stream_id\":\"" + surrogate + "\"}"));
            frames.add(text("lone surrogate as key", "{\"" + surrogate + "\":1,\"type\":\"x" + surrogate + "\"}"));
            frames.add(text("lone surrogate in token", "{\"type\":\"refresh\",\"token\":\"" + surrogate + "\"}"));
        }
        for (int[] bad : new int[][] {{0xC0, 0xAF}, {0xED, 0xA0, 0x80}, {0xF4, 0x90, 0x80, 0x80}, {0xFF, 0xFE},
                {0xE2, 0x82}, {0xC3, 0x28}, {0xF8, 0x88, 0x80, 0x80, 0x80}}) {
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            frame.writeBytes("{\"type\":\"".getBytes(StandardCharsets.US_ASCII));
            for (int b : bad) {
                frame.write(b);
            }
            frame.writeBytes("\"}".getBytes(StandardCharsets.US_ASCII));
            frames.add(bytes("invalid UTF-8", TEXT, frame.toByteArray()));
        }
        for (String number : new String[] {"1e999999999", "-1e-999999999", "9".repeat(1_100), "9".repeat(1_101),
                "9".repeat(60_000), "0." + "0".repeat(5_000) + "1", "1E+2147483647", "-0", "9007199254740993"}) {
            frames.add(text("huge number", "{\"type\":\"resume\",\"last_event_id\":" + number + "}"));
            frames.add(text("huge number elsewhere", "{\"type\":\"ping\",\"n\":" + number + "}"));
        }
        for (int c = 0; c < 0x20; c++) {
            frames.add(text("control character", "{\"type\":\"ping" + (char) c + "\"}"));
            frames.add(text("control character outside", (char) c + "{\"type\":\"ping\"}"));
        }
        frames.add(text("escaped NUL", "{\"type\":\"\\u0000\"}"));
        frames.add(text("empty", ""));
        frames.add(bytes("empty binary", BINARY, new byte[0]));
        frames.add(text("only spaces", " \t\r\n "));
        frames.add(text("BOM", "\ufeff{\"type\":\"ping\"}"));
        for (String odd : new String[] {"null", "true", "0", "\"ping\"", "[]", "{}", "{\"type\":{}}",
                "{\"type\":[\"ping\"]}", "{\"type\":\"ping\",\"type\":\"resume\"}", "{\"type\":\"" + "p".repeat(60_000) + "\"}",
                "{\"type\":\"refresh\",\"token\":\"" + "a".repeat(9_000) + "\"}", "{\"type\":\"refresh\",\"token\":7}"}) {
            frames.add(text("odd JSON", odd));
        }
        for (int size : new int[] {LIMIT - 1, LIMIT, LIMIT + 1}) {
            frames.add(bytes("text of " + size + " bytes", TEXT, padded(size)));
            frames.add(bytes("binary of " + size + " bytes", BINARY, randomBytes(size)));
        }
        frames.add(bytes("continuation without a start", 0x80, "{}".getBytes(StandardCharsets.US_ASCII)));
        frames.add(bytes("reserved opcode", 0x83, "{}".getBytes(StandardCharsets.US_ASCII)));
        frames.add(bytes("RSV bits without an extension", 0xC1, "{\"type\":\"ping\"}".getBytes(StandardCharsets.US_ASCII)));
        frames.add(bytes("ping of 200 bytes", 0x89, new byte[200]));
        frames.add(bytes("ping", 0x89, "are you there".getBytes(StandardCharsets.US_ASCII)));
        frames.add(bytes("close", 0x88, new byte[] {0x03, (byte) 0xE8}));
        return frames;
    }

    private static Hostile text(String kind, String text) {
        return new Hostile(kind, TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    private static Hostile bytes(String kind, int firstByte, byte[] payload) {
        return new Hostile(kind, firstByte, payload);
    }

    /** {"type":"ping","pad":"xxx"} of exactly {@code size} bytes. */
    private static byte[] padded(int size) {
        String head = "{\"type\":\"ping\",\"pad\":\"";
        return (head + "x".repeat(size - head.length() - 2) + "\"}").getBytes(StandardCharsets.US_ASCII);
    }

    private String nesting(int depth) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < depth && text.length() < LIMIT - 8; i++) {
            text.append(random.nextBoolean() ? "[" : "{\"k\":");
        }
        return text.toString();
    }

    private String number() {
        return switch (random.nextInt(4)) {
            case 0 -> "1e" + random.nextInt(Integer.MAX_VALUE);
            case 1 -> "-" + "7".repeat(1 + random.nextInt(3_000));
            case 2 -> "0." + "3".repeat(random.nextInt(3_000)) + "e-" + random.nextInt(1_000_000);
            default -> Long.toString(random.nextLong());
        };
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    /** One to five changes: a byte flipped, inserted (any value), deleted, a piece repeated, or the end cut. */
    private byte[] mutate(byte[] frame) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] current = frame;
        for (int m = 1 + random.nextInt(5); m > 0 && current.length > 0; m--) {
            int at = random.nextInt(current.length);
            out.reset();
            switch (random.nextInt(5)) {
                case 0 -> {
                    current = current.clone();
                    current[at] ^= (byte) (1 << random.nextInt(8));
                    continue;
                }
                case 1 -> {
                    out.write(current, 0, at);
                    out.write(random.nextInt(256));
                    out.write(current, at, current.length - at);
                }
                case 2 -> {
                    out.write(current, 0, at);
                    out.write(current, at + 1, current.length - at - 1);
                }
                case 3 -> {
                    out.write(current, 0, at);
                    for (int r = random.nextInt(50); r >= 0; r--) {
                        out.write(current, at, Math.min(8, current.length - at));
                    }
                    out.write(current, at, current.length - at);
                }
                default -> out.write(current, 0, at);
            }
            current = out.toByteArray();
        }
        return current;
    }
}
