package dev.handfeed.load;

import dev.handfeed.testing.DeflateClient;
import jakarta.json.JsonObject;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Bytes on the wire for the same hands with and without permessage-deflate: two clients, one offering the
 * extension, read the same {@code --hands} new_hand messages; prints what each read off its socket.
 */
public final class DeflateBench {

    private DeflateBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        URI base = URI.create(o.getOrDefault("url", "http://127.0.0.1:8000/"));
        int hands = Integer.parseInt(o.getOrDefault("hands", "1000"));
        try (DeflateClient compressed = DeflateClient.open(base, "client_name=deflate-bench", true);
             DeflateClient plain = DeflateClient.open(base, "client_name=plain-bench", false)) {
            compressed.nextText();
            plain.nextText();
            long compressedStart = compressed.wireBytes();
            long plainStart = plain.wireBytes();
            CompletableFuture<long[]> writing = CompletableFuture.supplyAsync(() -> {
                try {
                    return new HandWriter(Path.of(o.get("history")), "Deflate", System.currentTimeMillis() / 1000)
                            .write(hands, Double.parseDouble(o.getOrDefault("rate", "200")));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            long compressedJson = read(compressed, hands);
            long plainJson = read(plain, hands);
            writing.join();
            long deflated = compressed.wireBytes() - compressedStart;
            long raw = plain.wireBytes() - plainStart;
            System.out.printf("%d new_hand (%d bytes of JSON): %d bytes on the wire with permessage-deflate (%s),"
                            + " %d without: %.1fx fewer%n", hands, plainJson, deflated,
                    compressed.negotiatedExtensions(), raw, (double) raw / deflated);
            if (compressedJson != plainJson) {
                System.out.println("the two clients read different messages!");
            }
        }
    }

    /** Reads {@code count} new_hand messages (skipping others); returns the bytes of their JSON text. */
    private static long read(DeflateClient client, int count) throws java.io.IOException {
        long json = 0;
        int hands = 0;
        while (hands < count) {
            JsonObject message = client.nextText();
            if (message.getString("type").equals("new_hand")) {
                json += message.toString().length();
                hands++;
            }
        }
        return json;
    }
}
