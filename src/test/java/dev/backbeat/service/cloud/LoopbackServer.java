package dev.backbeat.service.cloud;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A bare HTTP/1.1 server on 127.0.0.1 whose handlers write raw bytes, for what WireMock cannot
 * stage: a reset in the middle of a stream, a stall, a body cut short, bytes dribbled one by one.
 */
final class LoopbackServer implements AutoCloseable {

    record Request(String method, String path, Map<String, String> headers, String body) {
    }

    @FunctionalInterface
    interface Handler {
        void handle(Request request, Socket socket, OutputStream out) throws Exception;
    }

    private final ServerSocket server;
    private final Map<String, Handler> routes = Collections.synchronizedMap(new LinkedHashMap<>());
    final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<Socket> open = Collections.synchronizedList(new ArrayList<>());

    LoopbackServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "loopback-accept");
        t.setDaemon(true);
        t.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Routes a path prefix ("POST /run_sse") to a handler; the longest matching prefix wins. */
    void on(String methodAndPrefix, Handler handler) {
        routes.put(methodAndPrefix, handler);
    }

    long count(String method, String pathPrefix) {
        synchronized (requests) {
            return requests.stream().filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix)).count();
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                open.add(s);
                Thread t = new Thread(() -> serve(s), "loopback-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                String[] lines = head.split("\r\n");
                String[] first = lines[0].split(" ");
                Map<String, String> headers = new LinkedHashMap<>();
                for (int i = 1; i < lines.length; i++) {
                    int c = lines[i].indexOf(':');
                    if (c > 0) {
                        headers.put(lines[i].substring(0, c).trim().toLowerCase(Locale.ROOT), lines[i].substring(c + 1).trim());
                    }
                }
                int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
                String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
                Request r = new Request(first[0], first[1], headers, body);
                requests.add(r);
                Handler h = route(r);
                if (h == null) {
                    json(out, 404, "{\"code\":404,\"message\":\"no route\"}");
                } else {
                    h.handle(r, s, out);
                }
                out.flush();
                if (s.isClosed() || s.isOutputShutdown()) {
                    return;
                }
            }
        } catch (Exception e) {
            // a handler that cuts the connection ends here on purpose
        }
    }

    private Handler route(Request r) {
        String key = r.method() + " " + r.path();
        Handler best = null;
        int bestLength = -1;
        synchronized (routes) {
            for (Map.Entry<String, Handler> e : routes.entrySet()) {
                if (key.startsWith(e.getKey()) && e.getKey().length() > bestLength) {
                    best = e.getValue();
                    bestLength = e.getKey().length();
                }
            }
        }
        return best;
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int state = 0;
        int b;
        while ((b = in.read()) != -1) {
            buf.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
            if (state == 4) {
                return buf.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    static void json(OutputStream out, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.flush();
    }

    /** Starts a chunked event stream; write events with {@link #chunk}. */
    static void sseHead(OutputStream out) throws IOException {
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n"
                + "Cache-Control: no-cache\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    static void chunk(OutputStream out, byte[] bytes) throws IOException {
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    static void chunk(OutputStream out, String text) throws IOException {
        chunk(out, text.getBytes(StandardCharsets.UTF_8));
    }

    static void endChunks(OutputStream out) throws IOException {
        out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Closes with a TCP reset rather than a clean end. */
    static void reset(Socket s) throws IOException {
        s.setSoLinger(true, 0);
        s.close();
    }

    @Override
    public void close() throws IOException {
        server.close();
        synchronized (open) {
            for (Socket s : open) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // already gone
                }
            }
        }
    }
}
