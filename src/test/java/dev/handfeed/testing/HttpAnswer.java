package dev.handfeed.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** An HTTP answer read by hand from a socket: the server's reply to a WebSocket handshake. */
public record HttpAnswer(String head, String body) {

    /** The status line and headers, up to the blank line. */
    static String readHead(InputStream in) throws IOException {
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

    /** The answer whose head was read already, with its body (by Content-Length, or chunked). */
    static HttpAnswer withBody(String head, InputStream in) throws IOException {
        String length = header(head, "Content-Length");
        if (length != null) {
            return new HttpAnswer(head, new String(in.readNBytes(Integer.parseInt(length)), StandardCharsets.UTF_8));
        }
        return new HttpAnswer(head, "chunked".equalsIgnoreCase(header(head, "Transfer-Encoding")) ? chunks(in) : "");
    }

    /** The HTTP status code, 0 when the server closed without a status line. */
    public int status() {
        String[] parts = head.lines().findFirst().orElse("").split(" ");
        return parts.length > 1 && parts[1].matches("\\d{3}") ? Integer.parseInt(parts[1]) : 0;
    }

    /** A header's value, null when absent. */
    public String header(String name) {
        return header(head, name);
    }

    private static String header(String head, String name) {
        return head.lines().filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                .map(line -> line.substring(name.length() + 1).strip()).findFirst().orElse(null);
    }

    private static String chunks(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line(in).split(";")[0].strip();
            int n = size.isEmpty() ? 0 : Integer.parseInt(size, 16);
            if (n == 0) {
                return body.toString(StandardCharsets.UTF_8);
            }
            body.write(in.readNBytes(n));
            line(in);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
