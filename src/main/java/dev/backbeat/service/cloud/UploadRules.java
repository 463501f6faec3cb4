package dev.backbeat.service.cloud;

import dev.backbeat.service.BackendException;
import dev.backbeat.service.BackendException.Kind;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What the service accepts, checked before a byte is sent: nobody should wait for a 500 MB upload to be refused. */
final class UploadRules {
    static final long MAX_BYTES = 500L * 1024 * 1024;
    static final Set<String> EXTENSIONS = Set.of("mp4", "mov", "avi", "webm", "mkv", "jpg", "jpeg", "png", "gif", "webp",
            "mp3", "wav", "m4a", "aac");

    private UploadRules() {
    }

    /** Returns the total size of the files, or says which file cannot go and why. */
    static long check(List<Path> files) throws BackendException {
        if (files.isEmpty()) {
            throw new BackendException(Kind.BAD_INPUT, "No file was given to upload.");
        }
        long total = 0;
        for (Path f : files) {
            String name = f.getFileName().toString();
            String ext = extension(name);
            if (!EXTENSIONS.contains(ext)) {
                throw new BackendException(Kind.BAD_INPUT, name + " cannot be uploaded: the service does not accept "
                        + (ext.isEmpty() ? "files without an extension" : "." + ext + " files")
                        + ". Accepted formats: " + NemoErrors.ACCEPTED + ".");
            }
            if (!Files.isRegularFile(f) || !Files.isReadable(f)) {
                throw new BackendException(Kind.BAD_INPUT, name + " cannot be read. Check that the file exists "
                        + "and that you may open it.");
            }
            long size;
            try {
                size = Files.size(f);
            } catch (IOException e) {
                throw new BackendException(Kind.BAD_INPUT, name + " cannot be read: " + e.getMessage(), e);
            }
            if (size == 0) {
                throw new BackendException(Kind.BAD_INPUT, name + " is empty.");
            }
            if (size > MAX_BYTES) {
                throw new BackendException(Kind.BAD_INPUT, name + " is " + (size / (1024 * 1024)) + " MB; the service "
                        + "takes 500 MB at most. Trim or compress it, then upload it again.");
            }
            total += size;
        }
        return total;
    }

    static void checkUrls(List<URI> urls) throws BackendException {
        if (urls.isEmpty()) {
            throw new BackendException(Kind.BAD_INPUT, "No address was given to upload.");
        }
        for (URI u : urls) {
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
                throw new BackendException(Kind.BAD_INPUT, u + " is not a web address the service can fetch "
                        + "(it must start with http:// or https://).");
            }
            String ext = extension(u.getPath() == null ? "" : u.getPath());
            if (!ext.isEmpty() && ext.length() <= 4 && !EXTENSIONS.contains(ext) && !ext.equals("html")) {
                throw new BackendException(Kind.BAD_INPUT, u + " points to a ." + ext + " file, which the service "
                        + "does not accept. Accepted formats: " + NemoErrors.ACCEPTED + ".");
            }
        }
    }

    static String extension(String name) {
        int slash = name.lastIndexOf('/');
        String last = name.substring(slash + 1);
        int dot = last.lastIndexOf('.');
        return dot < 0 ? "" : last.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
