package dev.backbeat.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Keeps every request inside the data folder. An address is split into plain segments only
 * (letters, digits, {@code _ . -}); dot segments, encoded dots, slashes or backslashes, and empty
 * segments are refused before any lookup. Files are found through the server's own records, never
 * by a name from the address, and a file is served only when its real place is inside the data
 * folder and it is not a link.
 */
final class SafePaths {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_.\\-]{1,128}");
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_\\-]{1,80}");

    private SafePaths() {
    }

    /** The segments of a raw request path, or an error when any part of it could climb out. */
    static List<String> segments(String rawPath) throws ApiError {
        if (rawPath == null || !rawPath.startsWith("/") || rawPath.length() > 1024) {
            throw ApiError.badAddress();
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains("%") || lower.contains("\\") || lower.contains("//")) {
            // no address of the protocol needs an escape; %2e%2e, %2f and %00 never reach a lookup
            throw ApiError.badAddress();
        }
        List<String> out = new ArrayList<>();
        String[] parts = rawPath.substring(1).split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.isEmpty() && i == parts.length - 1 && i > 0) {
                continue; // a trailing slash
            }
            if (!SEGMENT.matcher(p).matches() || p.equals(".") || p.equals("..") || p.contains("..")) {
                throw ApiError.badAddress();
            }
            out.add(p);
        }
        return out;
    }

    static String id(String value, String what) throws ApiError {
        if (value == null || !ID.matcher(value).matches()) {
            throw ApiError.badRequest("The " + what + " must be letters, digits, _ or - (at most 80).");
        }
        return value;
    }

    /**
     * The file, checked to be a regular file (not a link) whose real place lies inside {@code root};
     * anything else is "not found", with nothing said about what is there.
     */
    static Path servable(Path root, Path file) throws ApiError {
        try {
            Path realRoot = root.toRealPath();
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw ApiError.notFound("No such file.");
            }
            Path real = file.toRealPath();
            if (!real.startsWith(realRoot)) {
                throw ApiError.notFound("No such file.");
            }
            return real;
        } catch (IOException e) {
            throw ApiError.notFound("No such file.");
        }
    }

    /** A name safe to store: the last part of what the client sent, with anything unusual replaced. */
    static String storedName(String clientName) {
        String n = clientName == null ? "" : clientName;
        int cut = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
        n = n.substring(cut + 1).replaceAll("[^A-Za-z0-9_.\\-]", "_").replaceAll("\\.{2,}", ".");
        while (n.startsWith(".")) {
            n = n.substring(1);
        }
        if (n.length() > 100) {
            n = n.substring(n.length() - 100);
        }
        return n.isEmpty() ? "upload" : n;
    }

    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
