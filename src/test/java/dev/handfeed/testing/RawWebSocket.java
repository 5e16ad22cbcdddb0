package dev.handfeed.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A WebSocket peer that does the handshake by hand and then does nothing unless told: it never reads, never answers
 * pings. It plays the stalled or vanished client that a library client cannot imitate.
 */
public final class RawWebSocket implements AutoCloseable {

    /** What {@link #readUntilClosed()} returns when the connection was reset before a close frame was read. */
    public static final int RESET = -2;

    private final Socket socket;
    private final String handshake;

    private RawWebSocket(Socket socket, String handshake) {
        this.socket = socket;
        this.handshake = handshake;
    }

    /** Connects with a small receive window, so that a client that stops reading is noticed quickly. */
    public static RawWebSocket open(URI base, String clientName, int receiveBufferBytes) throws IOException {
        return open(base, clientName, receiveBufferBytes, List.of());
    }

    /** Connects with extra request headers ({@code "Name: value"}), such as an extension offer. */
    public static RawWebSocket open(URI base, String clientName, int receiveBufferBytes, List<String> extraHeaders)
            throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(receiveBufferBytes);
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
        socket.setSoTimeout(10_000);
        String key = Base64.getEncoder().encodeToString("handfeed-raw-key".getBytes(StandardCharsets.US_ASCII));
        String request = "GET /ws?client_name=" + clientName + " HTTP/1.1\r\n"
                + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n"
                + extraHeaders.stream().map(header -> header + "\r\n").collect(Collectors.joining()) + "\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String handshake = readHeaders(socket.getInputStream());
        if (!handshake.startsWith("HTTP/1.1 101")) {
            socket.close();
            throw new IOException("Handshake refused: " + handshake.lines().findFirst().orElse(""));
        }
        return new RawWebSocket(socket, handshake);
    }

    /** A header of the server's handshake answer (the name in any case), or null when it sent none. */
    public String responseHeader(String name) {
        return handshake.lines()
                .filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                .map(line -> line.substring(name.length() + 1).strip())
                .findFirst().orElse(null);
    }

    /**
     * Reads (and discards) everything the server sent until it closes the connection; returns the close code of
     * the close frame if one arrived, -1 if the connection ended without one, {@link #RESET} if it was reset (a
     * frame this peer sent after the server closed makes the server's TCP answer with a reset, and the reset
     * discards whatever was still unread here, close frame included).
     */
    public int readUntilClosed() throws IOException {
        try {
            return readFrames(socket.getInputStream());
        } catch (SocketException e) {
            if ("Connection reset".equals(e.getMessage())) {
                return RESET;
            }
            throw e;
        }
    }

    private static int readFrames(InputStream in) throws IOException {
        while (true) {
            int b0 = in.read();
            if (b0 < 0) {
                return -1;
            }
            int b1 = in.read();
            long length = b1 & 0x7f;
            if (length == 126) {
                length = (in.read() << 8) | in.read();
            } else if (length == 127) {
                length = 0;
                for (int i = 0; i < 8; i++) {
                    length = (length << 8) | in.read();
                }
            }
            byte[] payload = in.readNBytes((int) length);
            if ((b0 & 0x0f) == 0x8) {
                return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
            }
        }
    }

    /**
     * Sends an unsolicited pong (RFC 6455 §5.5.3 allows it as a one-way heartbeat): the peer looks alive to the
     * server while it still reads nothing.
     */
    public synchronized void sendPong() throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(new byte[] {(byte) 0x8A, (byte) 0x80, 1, 2, 3, 4});
        out.flush();
    }

    /** Sends a text frame, masked as RFC 6455 requires of clients. */
    public synchronized void sendText(String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write(0x81);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xff);
        }
        byte[] mask = {7, 21, 42, 99};
        frame.write(mask, 0, 4);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        OutputStream out = socket.getOutputStream();
        frame.writeTo(out);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private static String readHeaders(InputStream in) throws IOException {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            headers.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return headers.toString(StandardCharsets.ISO_8859_1);
    }
}
