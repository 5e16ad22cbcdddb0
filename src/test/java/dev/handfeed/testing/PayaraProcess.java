package dev.handfeed.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * Payara Micro started as users start it ({@code java -jar payara-micro.jar --deploy handfeed.war}), for tests that
 * must stop and kill the server, which a managed container does not allow.
 */
public final class PayaraProcess implements AutoCloseable {

    private final Process process;
    private final URI base;
    private final Path log;

    private PayaraProcess(Process process, URI base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    /** Starts the server with these settings (as system properties) and waits until it is healthy. */
    public static PayaraProcess start(Map<String, String> settings, Path workDir, String logName) throws IOException {
        return start(settings, workDir, logName, 200);
    }

    /** Starts the server and waits until {@code /health} answers with {@code healthStatus} (503: up but DOWN). */
    public static PayaraProcess start(Map<String, String> settings, Path workDir, String logName, int healthStatus)
            throws IOException {
        return start(settings, workDir, logName, healthStatus, freePort(), Map.of(), true);
    }

    /** Starts the server on a given port: a restart on the port of the first start keeps open pages' URLs valid. */
    public static PayaraProcess start(Map<String, String> settings, Path workDir, String logName, int healthStatus,
                                      int port) throws IOException {
        return start(settings, workDir, logName, healthStatus, port, Map.of(), true);
    }

    /** As above; the readiness probe's WebSocket handshake carries {@code probeHeaders} (a token). */
    public static PayaraProcess start(Map<String, String> settings, Path workDir, String logName, int healthStatus,
                                      Map<String, String> probeHeaders) throws IOException {
        return start(settings, workDir, logName, healthStatus, freePort(), probeHeaders, true);
    }

    /**
     * Starts the server the way Payara's own documentation runs a WAR, without the project's pre-boot commands:
     * Payara's {@code /health} and {@code /metrics} answer in the application's place, and it listens on every
     * interface. Waits until that {@code /health} answers with {@code healthStatus}.
     */
    public static PayaraProcess startPlain(Map<String, String> settings, Path workDir, String logName,
                                           int healthStatus) throws IOException {
        return start(settings, workDir, logName, healthStatus, freePort(), Map.of(), false);
    }

    /** As {@link #start(Map, Path, String)}, with more Payara Micro arguments ({@code --addlibs}, command files). */
    public static PayaraProcess start(Map<String, String> settings, Path workDir, String logName,
                                      List<String> microArguments) throws IOException {
        return start(settings, workDir, logName, 200, freePort(), Map.of(), true, microArguments);
    }

    private static PayaraProcess start(Map<String, String> settings, Path workDir, String logName, int healthStatus,
                                       int port, Map<String, String> probeHeaders, boolean preBootCommands)
            throws IOException {
        return start(settings, workDir, logName, healthStatus, port, probeHeaders, preBootCommands, List.of());
    }

    private static PayaraProcess start(Map<String, String> settings, Path workDir, String logName, int healthStatus,
                                       int port, Map<String, String> probeHeaders, boolean preBootCommands,
                                       List<String> microArguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        settings.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.addAll(List.of("-jar", System.getProperty("payara.microJar", "target/payara-micro.jar"),
                "--deploy", System.getProperty("handfeed.war", "target/handfeed.war"), "--contextroot", "/",
                "--port", String.valueOf(port), "--nohazelcast", "--disablephonehome",
                "--rootdir", workDir.resolve("payara-root-" + logName.replace(".log", "")).toString()));
        if (preBootCommands) {
            command.addAll(List.of("--prebootcommandfile", "payara/pre-boot-commands.asadmin"));
        }
        command.addAll(microArguments);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve(logName).toFile()))
                .start();
        PayaraProcess server = new PayaraProcess(process, URI.create("http://127.0.0.1:" + port + "/"),
                workDir.resolve(logName));
        HttpClient http = HttpClient.newHttpClient();
        try {
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Payara Micro exited with " + process.exitValue()
                            + "; see " + workDir.resolve(logName));
                }
                try {
                    return Server.get(http, server.base, "health").statusCode() == healthStatus
                            && acceptsWebSockets(http, server.base, probeHeaders);
                } catch (RuntimeException e) {
                    return false;
                }
            });
        } catch (RuntimeException e) {
            process.destroyForcibly(); // a server that never became ready is not left running
            throw e;
        }
        return server;
    }

    /**
     * The application answers HTTP a moment before Payara has registered its WebSocket filter: a test that
     * connects as soon as {@code /health} answers may meet a failed handshake. Ready means both.
     */
    private static boolean acceptsWebSockets(HttpClient http, URI base, Map<String, String> headers) {
        try (FeedClient probe = FeedClient.connect(http, FeedClient.wsUri(base, "readiness-probe"), headers, List.of())) {
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    public URI base() {
        return base;
    }

    /** The server's console output. */
    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    /** kill -9: no shutdown hook, no clean close of anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
