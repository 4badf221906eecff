package dev.gatewayinterface.soak;

import dev.gatewayinterface.testsupport.RawHttp;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Drive a server with a mix of requests from several threads over raw sockets, each thread keeping one
 * connection alive between the requests that allow it, and opening one of their own for those that close or
 * abort theirs. Every response is checked; what went wrong is collected, not thrown.
 */
final class SoakClient {

    /** What one request does, and how many of every 10,000 requests do it. */
    enum Kind {

        /** GET a small body on the thread's kept-alive connection. */
        HELLO(4000),
        /** GET a small body on a connection of its own, closed after the response ({@code Connection: close}). */
        HELLO_CLOSE(1500),
        /** POST 4 KiB on the kept-alive connection and read them back. */
        ECHO(2000),
        /** GET a chunked body of 16 KiB on the kept-alive connection. */
        STREAM(1250),
        /** GET a failing application's 500 on the kept-alive connection. */
        BOOM(500),
        /** GET 4 MiB on a connection of its own and reset it after the first 8 KiB. */
        LARGE_ABORTED(375),
        /** POST 1 MiB with {@code Expect: 100-continue} on a connection of its own, reset after 4 KiB. */
        UPLOAD_ABORTED(375);

        final int per10000;

        Kind(int per10000) {
            this.per10000 = per10000;
        }
    }

    static final int ECHO_SIZE = 4096;

    private static final byte[] ECHO_BODY = SoakApplications.pattern(ECHO_SIZE);

    private static final int UPLOAD_DECLARED = 1024 * 1024;

    private final int port;

    private final int threads;

    SoakClient(int port, int threads) {
        this.port = port;
        this.threads = threads;
    }

    /** Return {@code total} requests, the mix of {@link Kind} in proportion, shuffled with a fixed seed. */
    static List<Kind> plan(int total) {
        List<Kind> plan = new ArrayList<>(total);
        for (Kind kind : Kind.values()) {
            plan.addAll(Collections.nCopies(total * kind.per10000 / 10_000, kind));
        }
        while (plan.size() < total) {
            plan.add(Kind.HELLO);
        }
        Collections.shuffle(plan, new Random(12));
        return plan;
    }

    /** Send every request of the plan and return what happened. */
    Tally run(List<Kind> plan) throws Exception {
        Tally tally = new Tally();
        AtomicInteger next = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                running.add(workers.submit(() -> work(plan, next, tally)));
            }
            for (Future<?> worker : running) {
                worker.get();
            }
        }
        finally {
            workers.shutdownNow();
        }
        return tally;
    }

    private void work(List<Kind> plan, AtomicInteger next, Tally tally) {
        RawHttp kept = null;
        try {
            for (int index = next.getAndIncrement(); index < plan.size(); index = next.getAndIncrement()) {
                Kind kind = plan.get(index);
                try {
                    if (kind == Kind.HELLO || kind == Kind.ECHO || kind == Kind.STREAM || kind == Kind.BOOM) {
                        if (kept == null) {
                            kept = new RawHttp(port);
                        }
                        if (!keptAlive(kept, kind)) {
                            // The server ends a connection after so many requests (Tomcat's maxKeepAliveRequests).
                            close(kept);
                            kept = null;
                        }
                    }
                    else {
                        alone(kind);
                    }
                    tally.answered(kind);
                }
                catch (IOException | AssertionError ex) {
                    tally.failed(kind, ex);
                    close(kept);
                    kept = null;
                }
            }
        }
        finally {
            close(kept);
        }
    }

    /** Send the request on the kept-alive connection; return whether the server keeps the connection open. */
    private static boolean keptAlive(RawHttp http, Kind kind) throws IOException {
        RawHttp.Response response;
        switch (kind) {
            case HELLO -> {
                response = http.send("GET /hello HTTP/1.1\r\nHost: soak\r\n\r\n").readResponse();
                expect(response, 200, "hello\n".getBytes(StandardCharsets.US_ASCII));
            }
            case ECHO -> {
                http.send("POST /echo HTTP/1.1\r\nHost: soak\r\nContent-Type: application/octet-stream\r\n"
                        + "Content-Length: " + ECHO_SIZE + "\r\n\r\n");
                response = http.send(ECHO_BODY).readResponse();
                expect(response, 200, ECHO_BODY);
            }
            case STREAM -> {
                response = http.send("GET /stream HTTP/1.1\r\nHost: soak\r\n\r\n").readResponse();
                check(response.head().isChunked(), "a chunked stream", response);
                expect(response, 200, SoakApplications.pattern(SoakApplications.STREAM_SIZE / 4), 4);
            }
            case BOOM -> {
                response = http.send("GET /boom HTTP/1.1\r\nHost: soak\r\n\r\n").readResponse();
                check(response.status() == 500, "500", response);
            }
            default -> throw new IllegalArgumentException(kind.name());
        }
        return !"close".equalsIgnoreCase(response.head().header("connection"));
    }

    private void alone(Kind kind) throws IOException {
        switch (kind) {
            case HELLO_CLOSE -> {
                try (RawHttp http = new RawHttp(port)) {
                    RawHttp.Response response = http
                        .send("GET /hello HTTP/1.1\r\nHost: soak\r\nConnection: close\r\n\r\n").readResponse();
                    expect(response, 200, "hello\n".getBytes(StandardCharsets.US_ASCII));
                    check(http.serverClosed(), "the server to close the connection", response);
                }
            }
            case LARGE_ABORTED -> {
                try (Socket socket = socket(16 * 1024)) {
                    socket.getOutputStream().write("GET /large HTTP/1.1\r\nHost: soak\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                    InputStream in = socket.getInputStream();
                    String head = readHead(in);
                    check(head.startsWith("HTTP/1.1 200"), "200", head);
                    check(in.readNBytes(8192).length == 8192, "8 KiB of the body", head);
                    reset(socket);
                }
            }
            case UPLOAD_ABORTED -> {
                try (Socket socket = socket(0)) {
                    socket.getOutputStream().write(("POST /upload HTTP/1.1\r\nHost: soak\r\nExpect: 100-continue\r\n"
                            + "Content-Length: " + UPLOAD_DECLARED + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    String interim = readHead(socket.getInputStream());
                    // The server asks for the body once the request is on its way to the application.
                    check(interim.startsWith("HTTP/1.1 100"), "100 Continue", interim);
                    socket.getOutputStream().write(new byte[4096]);
                    reset(socket);
                }
            }
            default -> throw new IllegalArgumentException(kind.name());
        }
    }

    private Socket socket(int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.setSoTimeout(20_000);
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        return socket;
    }

    /** Close with a reset, as a client that crashed or gave up does, rather than an orderly close. */
    private static void reset(Socket socket) throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection ended in the response head: " + head);
            }
            head.append((char) b);
        }
        return head.toString();
    }

    private static void expect(RawHttp.Response response, int status, byte[] body) {
        expect(response, status, body, 1);
    }

    private static void expect(RawHttp.Response response, int status, byte[] part, int times) {
        check(response.status() == status, "status " + status, response);
        byte[] whole = new byte[part.length * times];
        for (int i = 0; i < times; i++) {
            System.arraycopy(part, 0, whole, i * part.length, part.length);
        }
        check(Arrays.equals(response.body(), whole), whole.length + " bytes of the body", response);
    }

    private static void check(boolean condition, String expected, Object actual) {
        if (!condition) {
            throw new AssertionError("expected " + expected + " in " + describe(actual));
        }
    }

    private static String describe(Object actual) {
        if (actual instanceof RawHttp.Response response) {
            return response.head().statusLine() + " with " + response.body().length + " bytes of body";
        }
        return String.valueOf(actual);
    }

    private static void close(RawHttp http) {
        if (http != null) {
            try {
                http.close();
            }
            catch (IOException ex) {
                // Closing a connection the server already dropped: nothing is left open on this side.
            }
        }
    }

    /** Count the requests of each kind answered as expected, and keep what went wrong. */
    static final class Tally {

        private final AtomicLongArray sent = new AtomicLongArray(Kind.values().length);

        final Queue<String> failures = new ConcurrentLinkedQueue<>();

        void answered(Kind kind) {
            sent.incrementAndGet(kind.ordinal());
        }

        void failed(Kind kind, Throwable failure) {
            failures.add(kind + ": " + failure);
        }

        long sent(Kind kind) {
            return sent.get(kind.ordinal());
        }

        long total() {
            long total = 0;
            for (Kind kind : Kind.values()) {
                total += sent(kind);
            }
            return total;
        }

        Map<Kind, Long> byKind() {
            Map<Kind, Long> counts = new EnumMap<>(Kind.class);
            for (Kind kind : Kind.values()) {
                counts.put(kind, sent(kind));
            }
            return counts;
        }

        /** Add another run's counts to this one. */
        Tally plus(Tally other) {
            Tally sum = new Tally();
            for (Kind kind : Kind.values()) {
                sum.sent.set(kind.ordinal(), sent(kind) + other.sent(kind));
            }
            sum.failures.addAll(failures);
            sum.failures.addAll(other.failures);
            return sum;
        }
    }
}
