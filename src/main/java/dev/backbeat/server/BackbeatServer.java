package dev.backbeat.server;

import com.sun.net.httpserver.HttpServer;
import dev.backbeat.service.OwnerOnly;
import dev.backbeat.service.local.FfmpegSource;
import dev.backbeat.service.local.LocalBackend;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@code backbeat serve}: the NemoVideo agent protocol on the JDK's HTTP server, answered by
 * the local engine. Each session has its own engine session (and job queue); sessions, their
 * uploads and finished renders are kept under the data folder across restarts.
 */
public final class BackbeatServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(BackbeatServer.class.getName());

    private final ServeOptions options;
    private final HttpServer http;
    private final ExecutorService requests;
    private final ExecutorService work;
    private final SessionRegistry sessions;
    private final Renders renders;
    private final DataLock lock;

    private BackbeatServer(ServeOptions options, Supplier<LocalBackend> engines, DataLock lock) throws IOException {
        this.options = options;
        this.lock = lock;
        Path data = options.dataDir().toAbsolutePath();
        TokenRegistry tokens = new TokenRegistry(data.resolve("tokens.json"), options.tokenLifetime(), Clock.systemUTC());
        this.sessions = new SessionRegistry(data.resolve("sessions"), engines, options.loadedSessions());
        this.requests = pool("serve-request", 64);
        this.work = pool("serve-work", 64);
        this.renders = new Renders(sessions, work);
        NemoApi api = new NemoApi(data, tokens, sessions,
                new RateLimiter(options.burst(), options.requestsPerSecond(), System::nanoTime),
                new RateLimiter(options.tokensPerHourPerAddress(), options.tokensPerHourPerAddress() / 3600.0, System::nanoTime),
                new Uploads(options.maxUploadBytes()), new ChatStream(work, options.heartbeatEvery()), renders);
        InetAddress bind = InetAddress.getByName(options.bind());
        this.http = HttpServer.create(new InetSocketAddress(bind, options.port()), 64);
        http.createContext("/", api);
        http.setExecutor(requests);
    }

    /** Starts serving with one engine session per protocol session, each finding FFmpeg the usual way. */
    public static BackbeatServer start(ServeOptions options) throws IOException {
        FfmpegSource ffmpeg = new FfmpegSource(null);
        return start(options, () -> new LocalBackend(ffmpeg));
    }

    public static BackbeatServer start(ServeOptions options, Supplier<LocalBackend> engines) throws IOException {
        Path data = options.dataDir().toAbsolutePath();
        refuseForeignFolder(data);
        OwnerOnly.ensureDir(data);
        DataLock lock = DataLock.take(data);
        BackbeatServer s;
        try {
            s = new BackbeatServer(options, engines, lock);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
        s.http.start();
        LOG.log(System.Logger.Level.DEBUG, "serving on " + s.baseUri() + ", data in " + options.dataDir());
        return s;
    }

    /** Where the server answers, e.g. {@code http://127.0.0.1:8787}. */
    public URI baseUri() {
        InetSocketAddress a = http.getAddress();
        String host = a.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort());
    }

    public Path dataDir() {
        return options.dataDir();
    }

    /** How many sessions the server holds (kept from before and made since). */
    public int sessionCount() {
        return sessions.size();
    }

    /** How many sessions have their engine open now (the rest open again from their project when called). */
    int openEngines() {
        return sessions.openEngines();
    }

    /** Stops taking calls, ends running renders (they read as failed: export again) and closes the engines. */
    @Override
    public void close() {
        http.stop(0);
        renders.stopAll();
        requests.shutdownNow();
        work.shutdown();
        try {
            if (!work.awaitTermination(10, TimeUnit.SECONDS)) {
                work.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            work.shutdownNow();
        }
        sessions.closeAll();
        lock.close();
    }

    /**
     * The data folder is closed to others (700): a folder that already holds other things (say
     * ~/Videos, given by mistake) is refused rather than closed.
     */
    private static void refuseForeignFolder(Path data) throws IOException {
        if (!Files.isDirectory(data)) {
            return;
        }
        try (Stream<Path> entries = Files.list(data)) {
            List<String> names = entries.map(p -> p.getFileName().toString()).toList();
            boolean ours = names.contains("tokens.json") || names.contains("sessions") || names.contains("serve.lock");
            if (!names.isEmpty() && !ours) {
                throw new IOException(data + " already holds other files. Give --data a new or empty folder: the server "
                        + "keeps its sessions there and makes it readable by you only.");
            }
        }
    }

    private static ExecutorService pool(String name, int max) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(max, max, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
