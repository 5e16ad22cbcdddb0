package dev.handfeed.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * A WebSocket peer that does the handshake by hand and then does nothing unless told: it never reads, never answers
 * pings. It plays the stalled or vanished client that a library client cannot imitate.
 */
public final class RawWebSocket implements AutoCloseable {

    private final Socket socket;
    private final String handshake;

    private RawWebSocket(Socket socket, String handshake) {
        this.socket = socket;
        this.handshake = handshake;
    }

    /** A header of the server's handshake answer (the name in any case), or null when it sent none. */
    public String responseHeader(String name) {
        return handshake.lines()
                .filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                .map(line -> line.substring(name.length() + 1).strip())
                .findFirst().orElse(null);
    }

    /** Connects with a small receive window, so that a client that stops reading is noticed quickly. */
    public static RawWebSocket open(URI base, String clientName, int receiveBufferBytes) throws IOException {
        return open(base, "/ws?client_name=" + clientName, null, Map.of(), receiveBufferBytes);
    }

    /**
     * Connects to {@code target} (path and query, sent as given), from {@code localAddress} when not null (any
     * 127.x.y.z address plays another machine), with extra handshake headers.
     */
    public static RawWebSocket open(URI base, String target, String localAddress, Map<String, String> headers,
                                    int receiveBufferBytes) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(receiveBufferBytes);
        if (localAddress != null) {
            socket.bind(new InetSocketAddress(localAddress, 0));
        }
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
        socket.setSoTimeout(10_000);
        String key = Base64.getEncoder().encodeToString("handfeed-raw-key".getBytes(StandardCharsets.US_ASCII));
        StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\n"
                + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        OutputStream out = socket.getOutputStream();
        out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String head = HttpAnswer.readHead(socket.getInputStream());
        if (!head.startsWith("HTTP/1.1 101")) {
            Refused refused = new Refused(HttpAnswer.withBody(head, socket.getInputStream()));
            socket.close();
            throw refused;
        }
        return new RawWebSocket(socket, head);
    }

    /** The server answered the handshake with something other than 101: its status, headers and body. */
    public static final class Refused extends IOException {
        private final HttpAnswer answer;

        Refused(HttpAnswer answer) {
            super("Handshake refused: " + answer.head().lines().findFirst().orElse("(nothing)"));
            this.answer = answer;
        }

        public int status() {
            return answer.status();
        }

        public String header(String name) {
            return answer.header(name);
        }

        public String body() {
            return answer.body();
        }
    }

    /**
     * One frame received: its opcode (1 text, 2 binary, 8 close...), payload, and first byte as it came (FIN, the
     * RSV bits an extension may set, the opcode).
     */
    public record Frame(int opcode, byte[] payload, int firstByte) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** The status code of a close frame, 1005 when it carried none. */
        public int closeCode() {
            return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
        }
    }

    /**
     * The next frame other than a ping (pings are answered with pongs on the way). Null when the connection ended
     * without one. Times out (SocketTimeoutException) after the socket's 10 s.
     */
    public Frame readFrame() throws IOException {
        while (true) {
            Frame frame = nextFrame();
            if (frame == null || frame.opcode() != 0x9) {
                return frame;
            }
            sendFrame(0x8A, frame.payload());
        }
    }

    /**
     * Reads until the server's next ping and returns it unanswered, with every other frame read on the way; null
     * when the connection ended first.
     */
    public Frame readUntilPing(java.util.List<Frame> before) throws IOException {
        while (true) {
            Frame frame = nextFrame();
            if (frame == null || frame.opcode() == 0x9) {
                return frame;
            }
            before.add(frame);
        }
    }

    /** Answers a ping with a pong carrying its payload, as RFC 6455 §5.5.3 asks. */
    public void answer(Frame ping) throws IOException {
        sendFrame(0x8A, ping.payload());
    }

    /** The next frame as it comes, pings included and unanswered; null when the connection ended. */
    private Frame nextFrame() throws IOException {
        InputStream in = socket.getInputStream();
        int b0 = in.read();
        if (b0 < 0) {
            return null;
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
        return new Frame(b0 & 0x0f, in.readNBytes((int) length), b0);
    }

    /** What {@link #readUntilClosed} returns when the connection was reset before the close frame could be read. */
    public static final int RESET = -2;

    /**
     * Reads (and discards) everything the server sent until it closes the connection; returns the close code of
     * the close frame if one arrived, -1 if the connection ended without one, {@link #RESET} if it was reset.
     * A peer that keeps writing after the server closed (as a stalled client sending pongs of its own does) gets
     * a TCP reset, and the reset throws away whatever was still unread, the close frame included: callers that
     * write while waiting must check the server's own account (its stats) in that case.
     */
    public int readUntilClosed() throws IOException {
        try {
            return readFrames();
        } catch (java.net.SocketException e) {
            if (String.valueOf(e.getMessage()).contains("reset")) {
                return RESET;
            }
            throw e;
        }
    }

    /** Never answers a ping: a stalled client reads nothing but what the server finally says. */
    private int readFrames() throws IOException {
        while (true) {
            Frame frame = nextFrame();
            if (frame == null) {
                return -1;
            }
            if (frame.opcode() == 0x8) {
                return frame.closeCode();
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
    public void sendText(String text) throws IOException {
        sendFrame(0x81, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends one masked frame: {@code firstByte} is FIN, RSV and opcode as they go on the wire (0x81 a whole text
     * frame, 0x82 binary), {@code payload} the bytes as given, valid UTF-8 or not.
     */
    public synchronized void sendFrame(int firstByte, byte[] payload) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write(firstByte);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else if (payload.length < 65536) {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xff);
        } else {
            frame.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) payload.length >>> shift) & 0xff);
            }
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
}
