package dev.handfeed.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many WebSocket clients on one selector thread: the RFC 6455 handshake, unmasked server frames in, masked pongs
 * out. On a small machine the load tool shares the cores with the server, so its own cost per message shows in
 * every figure: the JDK's client cost several times more than this one (a few microseconds of CPU a message,
 * mostly the socket read), which the tool measures and reports.
 */
final class Fleet implements AutoCloseable {

    private static final byte[] MASK = {0x11, 0x22, 0x33, 0x44};

    private final InetSocketAddress address;
    private final String request;
    private final Selector selector;
    private final List<Peer> peers = new ArrayList<>();
    private final Deque<Peer> waiting = new ArrayDeque<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(1 << 20);
    private final CountDownLatch allOpen;
    private final int maxConnecting;
    private final int expectedHands;
    private final AtomicLong handsReceived = new AtomicLong();
    private final Thread loop;
    private volatile boolean stopping;
    private int connecting;

    Fleet(String host, int port, int clients, int maxConnecting, int expectedHands, String handPrefix)
            throws IOException {
        this.address = new InetSocketAddress(host, port);
        this.request = "GET /ws?client_name=load HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: aGFuZGZlZWQtbG9hZC1rZXk=\r\nSec-WebSocket-Version: 13\r\n\r\n";
        this.selector = Selector.open();
        this.allOpen = new CountDownLatch(clients);
        this.maxConnecting = maxConnecting;
        this.expectedHands = expectedHands;
        for (int i = 0; i < clients; i++) {
            Peer peer = new Peer(expectedHands, handPrefix, handsReceived);
            peers.add(peer);
            waiting.add(peer);
        }
        loop = new Thread(this::run, "load-fleet");
        loop.start();
    }

    /** Waits until every client got its acknowledgement (or failed); returns how many failed. */
    long awaitOpen(long seconds) throws InterruptedException {
        allOpen.await(seconds, TimeUnit.SECONDS);
        return peers.stream().filter(p -> p.failed).count();
    }

    List<Peer> peers() {
        return peers;
    }

    /** Hands of this run received, over all clients. */
    long handsReceived() {
        return handsReceived.get();
    }

    /** CPU time the fleet's thread has used: the load tool's own cost of receiving. */
    long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getThreadCpuTime(loop.getId());
    }

    private void run() {
        try {
            while (!stopping) {
                while (connecting < maxConnecting && !waiting.isEmpty()) {
                    start(waiting.poll());
                }
                selector.select(100);
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    Peer peer = (Peer) key.attachment();
                    try {
                        if (key.isConnectable()) {
                            ((SocketChannel) key.channel()).finishConnect();
                            key.interestOps(SelectionKey.OP_READ);
                            write(peer, ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
                        } else if (key.isReadable()) {
                            read(peer);
                        }
                    } catch (IOException e) {
                        fail(peer, key);
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("load fleet selector failed", e);
        }
    }

    private void start(Peer peer) throws IOException {
        SocketChannel channel = SocketChannel.open();
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        peer.channel = channel;
        peer.startedNanos = System.nanoTime();
        connecting++;
        channel.connect(address);
        channel.register(selector, SelectionKey.OP_CONNECT, peer);
    }

    private void fail(Peer peer, SelectionKey key) {
        key.cancel();
        if (!peer.open && !peer.failed) {
            peer.failed = true;
            connecting--;
            allOpen.countDown();
        }
        peer.closed = true;
    }

    private void read(Peer peer) throws IOException {
        readBuffer.clear();
        int n = peer.channel.read(readBuffer);
        long now = System.nanoTime();
        if (n < 0) {
            throw new IOException("closed by server");
        }
        readBuffer.flip();
        peer.append(readBuffer);
        byte[] data = peer.pending;
        int pos = 0;
        int end = peer.pendingLength;
        if (!peer.upgraded) {
            int headerEnd = indexOf(data, end, "\r\n\r\n");
            if (headerEnd < 0) {
                return;
            }
            if (!new String(data, 0, 12, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 101")) {
                throw new IOException("handshake refused");
            }
            peer.upgraded = true;
            pos = headerEnd + 4;
        }
        while (end - pos >= 2) {
            int opcode = data[pos] & 0x0f;
            int lengthByte = data[pos + 1] & 0x7f;
            int header = 2;
            long length = lengthByte;
            if (lengthByte == 126) {
                if (end - pos < 4) {
                    break;
                }
                length = ((data[pos + 2] & 0xff) << 8) | (data[pos + 3] & 0xff);
                header = 4;
            } else if (lengthByte == 127) {
                if (end - pos < 10) {
                    break;
                }
                length = 0;
                for (int i = 2; i < 10; i++) {
                    length = (length << 8) | (data[pos + i] & 0xff);
                }
                header = 10;
            }
            if (end - pos < header + length) {
                break;
            }
            frame(peer, opcode, data, pos + header, (int) length, now);
            pos += header + (int) length;
        }
        peer.consume(pos);
    }

    private void frame(Peer peer, int opcode, byte[] data, int from, int length, long now) throws IOException {
        switch (opcode) {
            case 0x1 -> {
                if (!peer.open && startsWith(data, from, "{\"type\":\"connection_ack\"")) {
                    peer.open = true;
                    peer.ackNanos = now;
                    connecting--;
                    allOpen.countDown();
                } else {
                    peer.text(new String(data, from, length, StandardCharsets.UTF_8), now);
                }
            }
            case 0x9 -> {
                ByteBuffer pong = ByteBuffer.allocate(6 + length);
                pong.put((byte) 0x8A).put((byte) (0x80 | length)).put(MASK);
                for (int i = 0; i < length; i++) {
                    pong.put((byte) (data[from + i] ^ MASK[i % 4]));
                }
                write(peer, pong.flip());
            }
            case 0x8 -> {
                peer.closeCode = length >= 2 ? ((data[from] & 0xff) << 8) | (data[from + 1] & 0xff) : 1005;
                peer.closed = true;
                peer.channel.close();
            }
            default -> { }
        }
    }

    private static void write(Peer peer, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            if (peer.channel.write(bytes) == 0) {
                throw new IOException("send buffer full on a control frame");
            }
        }
    }

    private static int indexOf(byte[] data, int end, String what) {
        byte[] pattern = what.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + pattern.length <= end; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static boolean startsWith(byte[] data, int from, String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            if (from + i >= data.length || data[from + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stopping = true;
        selector.wakeup();
        loop.join();
        for (Peer peer : peers) {
            if (peer.channel != null) {
                peer.channel.close();
            }
        }
        selector.close();
    }
}
