package dev.handfeed.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A WebSocket client written out by hand, because the JDK's does not speak permessage-deflate (RFC 7692): it offers
 * the extension (or not), reads frames, inflates compressed messages, answers pings, and counts the bytes it read
 * off the wire. Single-threaded: {@link #nextText} reads until the next text message.
 */
public final class DeflateClient implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream in;
    private final String extensions;
    private final Inflater inflater = new Inflater(true);
    private long wireBytes;

    private DeflateClient(Socket socket, DataInputStream in, String extensions) {
        this.socket = socket;
        this.in = in;
        this.extensions = extensions;
    }

    public static DeflateClient open(URI base, String query, boolean offerDeflate) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
        socket.setSoTimeout(20_000);
        String key = Base64.getEncoder().encodeToString("handfeed-deflate".getBytes(StandardCharsets.US_ASCII));
        String request = "GET /ws?" + query + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
                + "\r\nSec-WebSocket-Version: 13\r\n"
                + (offerDeflate ? "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n" : "")
                + "\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        DataInputStream in = new DataInputStream(socket.getInputStream());
        String headers = HttpAnswer.readHead(in);
        if (!headers.startsWith("HTTP/1.1 101")) {
            socket.close();
            throw new IOException("Handshake refused: " + headers.lines().findFirst().orElse(""));
        }
        String extensions = headers.lines().filter(l -> l.toLowerCase().startsWith("sec-websocket-extensions:"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("");
        return new DeflateClient(socket, in, extensions);
    }

    /** What the server agreed to in {@code Sec-WebSocket-Extensions}, empty when nothing. */
    public String negotiatedExtensions() {
        return extensions;
    }

    /** Bytes read off the socket since the handshake: frame headers and (compressed) payloads. */
    public long wireBytes() {
        return wireBytes;
    }

    /** The next text message, inflated when it was compressed; pings are answered on the way. */
    public JsonObject nextText() throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        boolean compressed = false;
        while (true) {
            int b0 = in.readUnsignedByte();
            int b1 = in.readUnsignedByte();
            long length = b1 & 0x7f;
            wireBytes += 2;
            if (length == 126) {
                length = in.readUnsignedShort();
                wireBytes += 2;
            } else if (length == 127) {
                length = in.readLong();
                wireBytes += 8;
            }
            byte[] payload = in.readNBytes((int) length);
            wireBytes += length;
            int opcode = b0 & 0x0f;
            if (opcode == 0x9) {
                send(0xA, payload);
                continue;
            }
            if (opcode == 0x8) {
                throw new IOException("closed by the server");
            }
            if (opcode == 0x1) {
                compressed = (b0 & 0x40) != 0;
            } else if (opcode != 0x0) {
                continue;
            }
            message.write(payload);
            if ((b0 & 0x80) != 0) {
                byte[] bytes = compressed ? inflate(message.toByteArray()) : message.toByteArray();
                return Json.createReader(new StringReader(new String(bytes, StandardCharsets.UTF_8))).readObject();
            }
        }
    }

    public void sendText(String text) throws IOException {
        send(0x1, text.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] inflate(byte[] compressed) throws IOException {
        inflater.setInput(concat(compressed, new byte[] {0, 0, (byte) 0xff, (byte) 0xff}));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = inflater.inflate(buffer)) > 0) {
                out.write(buffer, 0, n);
            }
        } catch (DataFormatException e) {
            throw new IOException("Bad compressed message", e);
        }
        return out.toByteArray();
    }

    private synchronized void send(int opcode, byte[] payload) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x80 | opcode);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xff);
        }
        byte[] mask = {3, 14, 15, 92};
        frame.write(mask, 0, 4);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        OutputStream out = socket.getOutputStream();
        frame.writeTo(out);
        out.flush();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        socket.close();
    }
}
