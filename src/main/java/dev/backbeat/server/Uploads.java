package dev.backbeat.server;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import dev.backbeat.service.BackendException;
import dev.backbeat.service.MediaRules;
import dev.backbeat.service.OwnerOnly;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code /api/upload-video/nemo_agent/me/<sid>}: files sent as multipart field {@code files}
 * (streamed to disk, each at most the size limit), or {@code file:} addresses of files on this
 * computer. Files land in the session's {@code uploads/} under a name of ours; the engine then
 * reads them, and a file it cannot use is removed again.
 */
final class Uploads {

    private final long maxBytes;

    Uploads(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    JsonObject multipart(HttpExchange ex, ServedSession session, String base) throws ApiError, IOException, BackendException {
        String boundary = MultipartReader.boundary(ex.getRequestHeaders().getFirst("Content-Type"));
        if (boundary == null) {
            throw ApiError.badRequest("Send the files as multipart/form-data in the field \"files\" "
                    + "(curl -F files=@clip.mp4), or JSON {\"urls\":[\"file:///path/clip.mp4\"],\"source_type\":\"url\"}.");
        }
        List<ServedSession.Incoming> stored = new ArrayList<>();
        try (InputStream body = ex.getRequestBody()) {
            try {
                MultipartReader reader = new MultipartReader(body, boundary);
                MultipartReader.Part part;
                while ((part = reader.next()) != null) {
                    if (part.filename() == null || !(part.field().equals("files") || part.field().equals("file"))) {
                        reader.skip();
                        continue;
                    }
                    String name = SafePaths.storedName(part.filename());
                    checkType(name);
                    stored.add(store(session, name, out -> reader.copy(out, maxBytes)));
                }
            } catch (ApiError | IOException e) {
                Exchanges.drain(ex);
                throw e;
            }
        } catch (ApiError | IOException e) {
            deleteAll(stored);
            if (e instanceof MultipartReader.TooLarge) {
                throw tooLarge();
            }
            throw e;
        }
        if (stored.isEmpty()) {
            throw ApiError.badRequest("The upload holds no file. Send each file in the multipart field \"files\".");
        }
        return reply(session, stored, base);
    }

    /** {@code {"urls":[…]}}: only {@code file:} addresses on this computer, asked from this computer. */
    JsonObject urls(JsonObject body, ServedSession session, boolean fromThisComputer, String base)
            throws ApiError, IOException, BackendException {
        JsonElement list = body.get("urls");
        if (list == null || !list.isJsonArray() || list.getAsJsonArray().isEmpty()) {
            throw ApiError.badRequest("Give the files as {\"urls\":[\"file:///path/clip.mp4\"],\"source_type\":\"url\"}.");
        }
        List<Path> files = new ArrayList<>();
        for (JsonElement e : list.getAsJsonArray()) {
            String text = e.isJsonPrimitive() ? e.getAsString() : "";
            URI uri;
            try {
                uri = URI.create(text);
            } catch (IllegalArgumentException ex) {
                throw ApiError.badRequest(text + " is not an address.");
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("file")) {
                throw new ApiError(422, 4003, "This server works offline and fetches nothing from the web: "
                        + text + " cannot be fetched. Download the file first, then upload it (curl -F files=@clip.mp4) "
                        + "or give its file: address (file:///home/me/clip.mp4).");
            }
            if (!fromThisComputer) {
                throw new ApiError(403, 4003, "file: addresses are taken only from programs on this computer. "
                        + "Upload the file itself instead.");
            }
            Path p;
            try {
                p = Path.of(uri);
            } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException ex) {
                throw ApiError.badRequest(text + " is not a file address on this computer (file:///path/clip.mp4).");
            }
            if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
                throw ApiError.badRequest(p + " was not found, or cannot be read.");
            }
            checkType(p.getFileName().toString());
            if (Files.size(p) > maxBytes) {
                throw tooLarge();
            }
            files.add(p);
        }
        List<ServedSession.Incoming> stored = new ArrayList<>();
        try {
            for (Path p : files) {
                try (InputStream in = Files.newInputStream(p)) {
                    stored.add(store(session, SafePaths.storedName(p.getFileName().toString()), out -> {
                        long n = in.transferTo(out);
                        if (n > maxBytes) {
                            throw new MultipartReader.TooLarge();
                        }
                        return n;
                    }));
                }
            }
        } catch (IOException e) {
            deleteAll(stored);
            if (e instanceof MultipartReader.TooLarge) {
                throw tooLarge();
            }
            throw e;
        }
        return reply(session, stored, base);
    }

    private JsonObject reply(ServedSession session, List<ServedSession.Incoming> stored, String base)
            throws ApiError, BackendException {
        List<SessionRecord.Upload> added;
        try {
            added = session.addUploads(stored);
        } catch (BackendException e) {
            // a damaged file has no "score what is there" in this protocol: refused with the words that say why
            if (e.kind() == BackendException.Kind.BAD_INPUT || e.kind() == BackendException.Kind.UNSUPPORTED
                    || e.kind() == BackendException.Kind.DAMAGED) {
                throw new ApiError(415, 4001, e.userMessage());
            }
            throw e;
        }
        JsonArray files = new JsonArray();
        added.forEach(u -> files.add(StateReply.file(u, session.id(), base)));
        JsonObject data = new JsonObject();
        data.add("files", files);
        return data;
    }

    private void checkType(String name) throws ApiError {
        String ext = SafePaths.extension(name);
        // videos, photos, and a song (which becomes the session's music, fitted to the video)
        if (!MediaRules.LOCAL_EXTENSIONS.contains(ext)) {
            throw new ApiError(415, 4001, name + " is not a file type Backbeat takes"
                    + (ext.isEmpty() ? " (it has no extension)" : " (." + ext + ")") + ". Accepted: "
                    + String.join(", ", MediaRules.LOCAL_EXTENSIONS) + ".");
        }
    }

    private ApiError tooLarge() {
        return new ApiError(413, 4002, "The file is larger than " + (maxBytes >= 1 << 20 ? maxBytes / (1 << 20) + " MB"
                : maxBytes + " bytes") + ", the most this server takes. Trim or compress it, then upload it again.");
    }

    private interface Copy {
        long to(OutputStream out) throws IOException;
    }

    /**
     * Writes one file into a folder of its own under the session's uploads, as a hidden part file
     * moved into place when whole; it keeps the client's (cleaned) name, which the timeline shows.
     */
    private static ServedSession.Incoming store(ServedSession session, String name, Copy copy) throws IOException {
        Path dir = session.dir().resolve("uploads").resolve(UUID.randomUUID().toString().substring(0, 12));
        OwnerOnly.ensureDir(dir);
        Path part = OwnerOnly.createFile(dir.resolve("." + name + ".part"));
        boolean kept = false;
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long n;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(part), sha)) {
                n = copy.to(out);
            }
            Path target = dir.resolve(name);
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            kept = true;
            return new ServedSession.Incoming(target, name, HexFormat.of().formatHex(sha.digest()), n);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        } finally {
            Files.deleteIfExists(part);
            if (!kept) {
                Files.deleteIfExists(dir);
            }
        }
    }

    private static void deleteAll(List<ServedSession.Incoming> stored) {
        for (ServedSession.Incoming in : stored) {
            try {
                Files.deleteIfExists(in.file());
                Files.deleteIfExists(in.file().getParent());
            } catch (IOException ignored) {
                // removed with the session's folder
            }
        }
    }
}
