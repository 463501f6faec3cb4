package dev.backbeat.service.local;

import dev.backbeat.engine.media.TempFiles;
import dev.backbeat.service.BackendException;
import dev.backbeat.service.CancelToken;
import dev.backbeat.service.FileSniffer;
import dev.backbeat.service.MediaRules;
import dev.backbeat.service.ProgressListener;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Downloads a link the user gave (dropped on the window, pasted in the chat) into a folder of
 * theirs, so the local engine can read it: the only network the local engine ever uses, and only
 * when asked. The size limit is checked from the headers and again while the bytes come; the
 * type is checked from the first bytes, before the rest is read; the file is written under a
 * hidden partial name (swept at the next start if the app is killed) and moved into place whole.
 * Progress is reported and a cancel stops the download at once.
 */
public final class LinkFetcher {
    /** A download that sends nothing for this long is given up. */
    static final Duration STALL = Duration.ofSeconds(30);
    private static final int SNIFF_BYTES = 32;

    private final HttpClient http;
    private final Path folder;
    private final long maxBytes;
    private final Duration stall;

    public LinkFetcher(Path folder) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15)).followRedirects(HttpClient.Redirect.NORMAL)
                .build(), folder, MediaRules.MAX_BYTES, STALL);
    }

    LinkFetcher(HttpClient http, Path folder, long maxBytes, Duration stall) {
        this.http = http;
        this.folder = folder;
        this.maxBytes = maxBytes;
        this.stall = stall;
    }

    /** The link as the user gave it, checked: http or https with a host; anything else refused in words. */
    public static URI parse(String text) throws BackendException {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (java.net.URISyntaxException e) {
            throw new BackendException(BackendException.Kind.BAD_INPUT, "\u201c" + text.strip() + "\u201d is not a link Backbeat can read.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new BackendException(BackendException.Kind.BAD_INPUT, "Backbeat downloads http and https links only; \u201c"
                    + text.strip() + "\u201d is neither. Save the file and drop it here instead.");
        }
        return uri;
    }

    /** Downloads {@code link} into the folder and returns the file, named after the link. */
    public Path fetch(URI link, ProgressListener progress, CancelToken cancel) throws BackendException {
        URI uri = parse(link.toString());
        String shown = uri.getHost();
        HttpResponse<InputStream> response;
        progress.progress("Downloading from " + shown + "…", -1);
        HttpRequest request = HttpRequest.newBuilder(uri).GET().timeout(Duration.ofSeconds(30))
                .header("User-Agent", "Backbeat").build();
        try {
            java.util.concurrent.CompletableFuture<HttpResponse<InputStream>> pending =
                    http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
            cancel.onCancel(() -> pending.cancel(true));
            response = pending.get();
        } catch (java.util.concurrent.CancellationException e) {
            throw BackendException.cancelled();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw BackendException.cancelled();
        } catch (java.util.concurrent.ExecutionException e) {
            if (cancel.isCancelled()) {
                throw BackendException.cancelled();
            }
            Throwable why = e.getCause() == null ? e : e.getCause();
            throw new BackendException(BackendException.Kind.NETWORK, "The link could not be reached (" + shown + ": "
                    + (why instanceof java.net.http.HttpTimeoutException ? "no answer in time"
                    : why instanceof java.net.ConnectException ? "the connection was refused"
                    : why.getMessage() == null ? why.getClass().getSimpleName() : why.getMessage())
                    + "). Check the address and your connection.", why);
        }
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status / 100 != 2) {
                throw new BackendException(status == 404 || status == 410 ? BackendException.Kind.BAD_INPUT : BackendException.Kind.NETWORK,
                        status == 404 || status == 410 ? "Nothing is at that link any more (" + shown + " answered " + status + ")."
                                : status == 401 || status == 403 ? shown + " refused the download (" + status
                                + "): the link may need a login. Download it in your browser and drop the file here."
                                : shown + " answered " + status + " instead of the file. Try again later.");
            }
            long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (length > maxBytes) {
                throw tooBig(length, true);
            }
            String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
            if (type.startsWith("text/html") || type.startsWith("application/xhtml")) {
                throw new BackendException(BackendException.Kind.BAD_INPUT, "That link opens a web page, not a video, photo"
                        + " or song. Use the file's own link (it usually ends in .mp4, .jpg or .mp3), or download it and drop it here.");
            }
            Files.createDirectories(folder);
            Path target = unique(folder.resolve(fileName(uri, response)));
            Path partial = target.resolveSibling("." + target.getFileName() + ".part-" + ProcessHandle.current().pid());
            TempFiles.writing(partial);
            boolean done = false;
            try {
                copy(body, partial, length, shown, progress, cancel);
                FileSniffer.Sniffed what = FileSniffer.sniff(partial);
                if (what.kind() == FileSniffer.Kind.UNKNOWN) {
                    throw new BackendException(BackendException.Kind.BAD_INPUT, "What that link gave is not a video, photo"
                            + " or song Backbeat can read. It accepts " + String.join(", ",
                            MediaRules.ALL_EXTENSIONS.stream().map(e -> e.toUpperCase(Locale.ROOT)).toList()) + ".");
                }
                target = withExtension(target, what);
                move(partial, target);
                done = true;
                progress.progress("Downloaded " + target.getFileName(), 1);
                return target;
            } finally {
                if (!done) {
                    Files.deleteIfExists(partial);
                }
                TempFiles.finished(partial);
            }
        } catch (IOException e) {
            if (cancel.isCancelled()) {
                throw BackendException.cancelled();
            }
            throw new BackendException(BackendException.Kind.NETWORK, "The download from " + shown + " stopped ("
                    + e.getMessage() + "). Nothing was kept; try again.", e);
        }
    }

    /** Copies the body, checking the limit, the type (from the first bytes), the cancel and stalls as it goes. */
    private void copy(InputStream body, Path partial, long length, String shown, ProgressListener progress, CancelToken cancel)
            throws IOException, BackendException {
        AtomicLong last = new AtomicLong(System.nanoTime());
        java.util.concurrent.ScheduledExecutorService watch = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "download-watch");
            t.setDaemon(true);
            return t;
        });
        boolean[] stalled = {false};
        // a server that stops sending (or a cancel) closes the stream, which ends the blocked read
        watch.scheduleAtFixedRate(() -> {
            boolean quiet = System.nanoTime() - last.get() > stall.toNanos();
            if (quiet || cancel.isCancelled()) {
                stalled[0] = quiet && !cancel.isCancelled();
                try {
                    body.close();
                } catch (IOException ignored) {
                    // closing is all that is wanted
                }
            }
        }, 200, 200, java.util.concurrent.TimeUnit.MILLISECONDS);
        try (OutputStream out = Files.newOutputStream(partial)) {
            byte[] buf = new byte[64 * 1024];
            byte[] head = new byte[SNIFF_BYTES];
            int headN = 0;
            long got = 0;
            long shownAt = 0;
            for (int n; (n = body.read(buf)) >= 0; ) {
                cancel.throwIfCancelled();
                last.set(System.nanoTime());
                if (headN < SNIFF_BYTES) {
                    int take = Math.min(n, SNIFF_BYTES - headN);
                    System.arraycopy(buf, 0, head, headN, take);
                    headN += take;
                    if (headN == SNIFF_BYTES || got + n == length) {
                        checkType(head, headN);
                    }
                }
                got += n;
                if (got > maxBytes) {
                    throw tooBig(got, false);
                }
                out.write(buf, 0, n);
                if (got - shownAt > 256 * 1024) {
                    shownAt = got;
                    progress.progress(String.format(Locale.ROOT, "Downloading from %s… %.1f MB%s", shown, got / 1e6,
                            length > 0 ? String.format(Locale.ROOT, " of %.1f MB", length / 1e6) : ""),
                            length > 0 ? got / (double) length : -1);
                }
            }
            cancel.throwIfCancelled();
            if (headN < SNIFF_BYTES && got > 0) {
                checkType(head, headN);
            }
            if (got == 0) {
                throw new BackendException(BackendException.Kind.BAD_INPUT, "That link gave an empty file (0 bytes).");
            }
            if (length > 0 && got < length) {
                throw new BackendException(BackendException.Kind.NETWORK, "The download from " + shown + " stopped at "
                        + String.format(Locale.ROOT, "%.1f of %.1f MB", got / 1e6, length / 1e6) + ". Nothing was kept; try again.");
            }
        } catch (IOException e) {
            if (cancel.isCancelled()) {
                throw BackendException.cancelled();
            }
            if (stalled[0]) {
                throw new BackendException(BackendException.Kind.NETWORK, shown + " stopped sending the file for "
                        + stall.toSeconds() + " s. Nothing was kept; try again.", e);
            }
            throw e;
        } finally {
            watch.shutdownNow();
        }
    }

    /** Refuses, from the first bytes, what is not a video, photo or song, before the rest is fetched. */
    private static void checkType(byte[] head, int n) throws BackendException {
        if (FileSniffer.sniffBytes(head, n).kind() != FileSniffer.Kind.UNKNOWN) {
            return;
        }
        String start = new String(head, 0, n, StandardCharsets.ISO_8859_1).stripLeading().toLowerCase(Locale.ROOT);
        if (start.startsWith("<!doctype") || start.startsWith("<html") || start.startsWith("<?xml") || start.startsWith("<")) {
            throw new BackendException(BackendException.Kind.BAD_INPUT, "That link opens a web page, not a video, photo"
                    + " or song. Use the file's own link, or download it and drop it here.");
        }
        throw new BackendException(BackendException.Kind.BAD_INPUT, "What that link gives is not a video, photo or song"
                + " Backbeat can read. It accepts " + String.join(", ",
                MediaRules.ALL_EXTENSIONS.stream().map(e -> e.toUpperCase(Locale.ROOT)).toList()) + ".");
    }

    /** {@code stated}: the size the server gave; else only that the download passed the limit. */
    private BackendException tooBig(long bytes, boolean stated) {
        return new BackendException(BackendException.Kind.BAD_INPUT, String.format(Locale.ROOT,
                "That link's file is too large (%s; the limit is %d MB). Trim it first.",
                stated ? Math.round(bytes / 1048576.0) + " MB" : "over " + maxBytes / 1048576 + " MB", maxBytes / 1048576));
    }

    /** A name from Content-Disposition, else the link's last path segment, else "download"; never a path. */
    static String fileName(URI uri, HttpResponse<?> response) {
        Optional<String> disposition = response == null ? Optional.empty() : response.headers().firstValue("Content-Disposition");
        String name = null;
        if (disposition.isPresent()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("filename\\*?=(?:UTF-8'')?\"?([^\";]+)\"?",
                    java.util.regex.Pattern.CASE_INSENSITIVE).matcher(disposition.get());
            if (m.find()) {
                name = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
            }
        }
        if (name == null || name.isBlank()) {
            String path = uri.getPath() == null ? "" : uri.getPath();
            name = path.substring(path.lastIndexOf('/') + 1);
        }
        // only the last part of whatever was given, with nothing a file system would read as a path
        name = name.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\x00-\\x1f:*?\"<>|]", "_").strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.isBlank()) {
            name = "download";
        }
        return name.length() > 120 ? name.substring(name.length() - 120) : name;
    }

    /** The name the bytes call for: a link without an extension, or with a wrong one, gets the right one. */
    static Path withExtension(Path target, FileSniffer.Sniffed what) {
        String ext = MediaRules.extension(target);
        String wanted = switch (what.format()) {
            case "JPEG" -> "jpg";
            case "PNG" -> "png";
            case "GIF" -> "gif";
            case "WebP" -> "webp";
            case "AVI" -> "avi";
            case "WAV" -> "wav";
            case "Matroska/WebM" -> ext.equals("webm") ? "webm" : "mkv";
            case "M4A" -> "m4a";
            case "MOV" -> ext.equals("mp4") ? "mp4" : "mov";
            case "MP4" -> ext.equals("mov") || ext.equals("m4v") ? ext : "mp4";
            case "MP3" -> "mp3";
            case "AAC" -> "aac";
            default -> ext;
        };
        if (wanted.equals(ext)) {
            return target;
        }
        String name = target.getFileName().toString();
        String stem = ext.isEmpty() ? name : name.substring(0, name.length() - ext.length() - 1);
        return unique(target.resolveSibling(stem + "." + wanted));
    }

    /** "clip.mp4", else "clip (2).mp4", "clip (3).mp4"…: a download never replaces a file already there. */
    static Path unique(Path wanted) {
        if (!Files.exists(wanted)) {
            return wanted;
        }
        String name = wanted.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int k = 2; ; k++) {
            Path p = wanted.resolveSibling(stem + " (" + k + ")" + ext);
            if (!Files.exists(p)) {
                return p;
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }
}
