package dev.handfeed.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the server under load: its stats over HTTP, and its live heap after a full GC (jcmd, same machine). */
final class ServerProbe {

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI stats;
    private final Optional<Long> pid;

    ServerProbe(URI base, Optional<Long> pid) {
        this.stats = base.resolve("/ws/stats");
        this.pid = pid.or(ServerProbe::findPayara);
    }

    long stat(String name) throws IOException, InterruptedException {
        String body = http.send(HttpRequest.newBuilder(stats).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"" + name + "\":(-?\\d+|true|false)").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + body);
        }
        String value = m.group(1);
        return value.equals("true") ? 1 : value.equals("false") ? 0 : Long.parseLong(value);
    }

    /** Heap in use right after a full GC, or empty when the server's process is not on this machine. */
    Optional<Long> liveHeapBytes() throws IOException, InterruptedException {
        if (pid.isEmpty()) {
            return Optional.empty();
        }
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process gc = new ProcessBuilder(jcmd.toString(), pid.get().toString(), "GC.run")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (gc.waitFor() != 0) {
            return Optional.empty();
        }
        return Optional.of(stat("heap_used_bytes"));
    }

    Optional<Long> pid() {
        return pid;
    }

    private static Optional<Long> findPayara() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("payara-micro")).orElse(false))
                .map(ProcessHandle::pid).findFirst();
    }
}
