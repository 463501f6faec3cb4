package dev.backbeat.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What both back ends accept as an upload, checked before any work starts. */
public final class MediaRules {
    public static final long MAX_BYTES = 500L * 1024 * 1024;
    public static final List<String> VIDEO_EXTENSIONS = List.of("mp4", "mov", "avi", "webm", "mkv");
    /** Photos: each becomes a still on the video track, held for a time the music decides. */
    public static final List<String> IMAGE_EXTENSIONS = List.of("jpg", "jpeg", "png", "gif", "webp", "heic", "heif", "avif");
    /** What the local engine takes today: videos and photos. */
    public static final List<String> VIDEO_AND_IMAGE_EXTENSIONS = List.of(
            "mp4", "mov", "avi", "webm", "mkv", "jpg", "jpeg", "png", "gif", "webp", "heic", "heif", "avif");
    /** Songs: the local engine fits one to the video in place of composed music (FLAC and Ogg too: FFmpeg reads them). */
    public static final List<String> AUDIO_EXTENSIONS = List.of("mp3", "wav", "m4a", "aac", "flac", "ogg");
    /** What the local engine takes: videos, photos and a song. */
    public static final List<String> LOCAL_EXTENSIONS = List.of(
            "mp4", "mov", "avi", "webm", "mkv", "jpg", "jpeg", "png", "gif", "webp", "heic", "heif", "avif",
            "mp3", "wav", "m4a", "aac", "flac", "ogg");
    public static final List<String> ALL_EXTENSIONS = List.of(
            "mp4", "mov", "avi", "webm", "mkv", "jpg", "jpeg", "png", "gif", "webp", "heic", "heif", "avif",
            "mp3", "wav", "m4a", "aac");

    private MediaRules() {
    }

    public static String extension(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    public static boolean looksLikeVideo(Path file) {
        return VIDEO_EXTENSIONS.contains(extension(file));
    }

    /** True when the name says photo (jpg, jpeg, png, gif, webp). */
    public static boolean looksLikeImage(Path file) {
        return IMAGE_EXTENSIONS.contains(extension(file));
    }

    /**
     * Whether the file is a picture by what it holds, not by its name: a PNG renamed {@code .mp4}
     * is a picture; a video renamed {@code .jpg} is not.
     */
    public static boolean isImage(Path file) {
        FileSniffer.Sniffed s = FileSniffer.sniff(file);
        return s.kind() == FileSniffer.Kind.IMAGE
                || s.kind() == FileSniffer.Kind.UNKNOWN && s.format().isEmpty() && looksLikeImage(file);
    }

    /**
     * Whether the file is a song by what it holds (MP3, WAV, M4A, AAC), or, where its first bytes say
     * nothing, by its name: an MP4 renamed {@code .mp3} is a video; text renamed {@code .mp3} is
     * refused later by the decoder, in words.
     */
    public static boolean isAudio(Path file) {
        FileSniffer.Sniffed s = FileSniffer.sniff(file);
        return s.kind() == FileSniffer.Kind.AUDIO
                || s.kind() == FileSniffer.Kind.UNKNOWN && AUDIO_EXTENSIONS.contains(extension(file));
    }

    /** The problem with this file in the user's words, or empty when it may be uploaded. */
    public static Optional<String> problemWith(Path file, List<String> accepted) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (!Files.exists(file)) {
            return Optional.of(name + " was not found. It may have been moved or deleted.");
        }
        if (Files.isDirectory(file)) {
            return Optional.of(name + " is a folder. Drop the video files themselves.");
        }
        if (!accepted.contains(extension(file))) {
            return Optional.of(name + " is not a supported file. Backbeat accepts "
                    + String.join(", ", accepted.stream().map(e -> e.toUpperCase(Locale.ROOT)).toList()) + ".");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            return Optional.of(name + " cannot be read: " + e.getMessage());
        }
        if (size == 0) {
            return Optional.of(name + " is empty (0 bytes). It may not have finished copying.");
        }
        if (size > MAX_BYTES) {
            return Optional.of(String.format(Locale.ROOT,
                    "%s is %.0f MB; the limit is 500 MB. Trim it or export it at a lower bitrate first.",
                    name, size / 1024.0 / 1024.0));
        }
        return Optional.empty();
    }
}
