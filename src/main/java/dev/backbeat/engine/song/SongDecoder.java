package dev.backbeat.engine.song;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.engine.media.Ffmpeg;
import dev.backbeat.engine.media.FfmpegRunner;
import dev.backbeat.engine.media.MediaException;
import dev.backbeat.engine.media.MediaProbe;
import dev.backbeat.engine.media.Progress;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Decodes a song (anything the bundled FFmpeg reads: MP3, WAV, M4A/AAC, FLAC, Ogg, the sound of a
 * video) to 48 kHz stereo 32-bit float, streamed: the samples go to a raw file for the fitter to
 * cut from, and block by block, as a mono downmix, to the listener (the onset analysis), so a
 * 20-minute song is never held in memory. A file that is empty, not sound at all, without a sound
 * track, or cut short is refused in words a user understands.
 */
public final class SongDecoder {
    public static final int RATE = 48_000;
    /** Longer than this is no song for a video (and its working file would pass 1 GB). */
    public static final double MAX_SEC = 30 * 60;
    private static final double STALL_SECONDS = 60;
    private static final int BLOCK = 4096;

    /** Hears the song as it is decoded: {@code n} mono samples (the mean of left and right). */
    @FunctionalInterface
    public interface MonoListener {
        void accept(float[] mono, int n);
    }

    /** The decoded song: its raw file (interleaved f32le stereo at 48 kHz), length in frames and the name shown to the user. */
    public record Decoded(Path pcm, long frames, String name) {
        public double durationSec() {
            return frames / (double) RATE;
        }
    }

    private final FfmpegRunner runner;

    public SongDecoder(FfmpegRunner runner) {
        this.runner = runner;
    }

    /** Decodes {@code song} into {@code pcmOut} (deleted again if anything fails). */
    public Decoded decode(Path song, Path pcmOut, MonoListener listener, Progress progress, Cancellation cancel)
            throws MediaException {
        String name = song.getFileName() == null ? song.toString() : song.getFileName().toString();
        double expected = probe(song, name);
        List<String> args = List.of("-nostdin", "-hide_banner", "-nostats", "-loglevel", "error",
                "-i", MediaProbe.ffmpegInput(song), "-map", "0:a:0", "-vn", "-sn", "-dn", "-ac", "2",
                "-ar", Integer.toString(RATE), "-f", "f32le", "pipe:1");
        long[] frames = {0};
        FfmpegRunner.Result r;
        try {
            r = runner.run(Ffmpeg.Tool.FFMPEG, args, in -> frames[0] = copy(in, pcmOut, listener, cancel),
                    expected, progress, cancel, STALL_SECONDS, List.of(pcmOut));
        } catch (MediaException e) {
            deleteQuietly(pcmOut);
            throw e;
        }
        if (r.exitCode() != 0) {
            deleteQuietly(pcmOut);
            throw new MediaException(MediaException.Kind.CORRUPT, "\"" + name + "\" could not be decoded to the end ("
                    + lastLine(r.stderrText()) + "). It may be damaged: use a complete copy, or convert it to MP3 or WAV.");
        }
        double got = frames[0] / (double) RATE;
        if (got < 1) {
            deleteQuietly(pcmOut);
            throw new MediaException(MediaException.Kind.CORRUPT, "\"" + name + "\" holds " + (got <= 0 ? "no sound"
                    : String.format(Locale.ROOT, "only %.1f s of sound", got)) + " that could be decoded: it is too short"
                    + " to be a song, or damaged. Choose a complete song file.");
        }
        // a file cut short decodes without complaint up to the cut; its header still says how long it was
        if (expected > 0 && got < expected - Math.max(1.0, 0.03 * expected)) {
            deleteQuietly(pcmOut);
            throw new MediaException(MediaException.Kind.CORRUPT, String.format(Locale.ROOT, "\"%s\" is cut short: it"
                    + " should last %s but only %s could be decoded, as happens when a download or a copy stops early."
                    + " Use a complete copy of the song.", name, clock(expected), clock(got)));
        }
        return new Decoded(pcmOut, frames[0], name);
    }

    /** Checks the file and returns its stated length (0 when it states none). */
    double probe(Path song, String name) throws MediaException {
        if (!Files.isRegularFile(song) || !Files.isReadable(song)) {
            throw new MediaException(MediaException.Kind.NOT_FOUND, "The song \"" + name + "\" cannot be found or read."
                    + " Check that the file exists and that you may open it.");
        }
        try {
            if (Files.size(song) == 0) {
                throw new MediaException(MediaException.Kind.EMPTY, "The song \"" + name + "\" is empty (0 bytes): it was"
                        + " probably not downloaded or copied completely. Choose the original file.");
            }
        } catch (IOException e) {
            throw new MediaException(MediaException.Kind.NOT_FOUND, "\"" + name + "\" cannot be read: " + e.getMessage(), e);
        }
        FfmpegRunner.Result r = runner.run(Ffmpeg.Tool.FFPROBE, List.of("-v", "error", "-print_format", "json",
                "-show_format", "-show_streams", MediaProbe.ffmpegInput(song)), 30);
        if (r.exitCode() != 0) {
            throw new MediaException(MediaException.Kind.NOT_MEDIA, "\"" + name + "\" is not a song Backbeat can read"
                    + (looksLikeText(song) ? ": it holds text, whatever its name says." : " (it may be another kind of"
                    + " file with a music name, or badly damaged).") + " Choose an MP3, WAV, M4A or AAC file.");
        }
        JsonObject root;
        try {
            root = JsonParser.parseString(r.stdout()).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new MediaException(MediaException.Kind.FAILED, "FFprobe gave an answer that cannot be read for \"" + name + "\".", e);
        }
        boolean audio = false;
        boolean video = false;
        double streamDuration = 0;
        if (root.has("streams")) {
            for (JsonElement e : root.getAsJsonArray("streams")) {
                JsonObject s = e.getAsJsonObject();
                String type = s.has("codec_type") ? s.get("codec_type").getAsString() : "";
                if ("audio".equals(type) && !audio) {
                    audio = true;
                    streamDuration = number(s, "duration");
                } else if ("video".equals(type)) {
                    video = true;
                }
            }
        }
        if (!audio) {
            throw new MediaException(MediaException.Kind.NO_AUDIO, "\"" + name + "\" has no sound" + (video
                    ? " (it is a video without an audio track)" : "") + ", so it cannot be the music."
                    + " Choose a song: an MP3, WAV, M4A or AAC file.");
        }
        double duration = root.has("format") ? number(root.getAsJsonObject("format"), "duration") : 0;
        if (streamDuration > 0) {
            duration = streamDuration;
        }
        if (duration > MAX_SEC) {
            throw new MediaException(MediaException.Kind.UNSUPPORTED, String.format(Locale.ROOT, "\"%s\" lasts %s: a"
                    + " song for a video may last up to 30 minutes. Choose a shorter piece or cut it first.", name, clock(duration)));
        }
        return duration;
    }

    /** Copies FFmpeg's output to the file and, downmixed, to the listener; returns the frames written. */
    private static long copy(InputStream in, Path out, MonoListener listener, Cancellation cancel) throws IOException, MediaException {
        byte[] raw = new byte[8 * BLOCK];
        float[] mono = new float[BLOCK];
        ByteBuffer view = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        long frames = 0;
        long limit = (long) (MAX_SEC * RATE) + RATE;
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            int carry = 0;
            while (true) {
                int k = in.read(raw, carry, raw.length - carry);
                if (k < 0) {
                    break;
                }
                int have = carry + k;
                int n = have / 8;
                for (int i = 0; i < n; i++) {
                    mono[i] = 0.5f * (view.getFloat(8 * i) + view.getFloat(8 * i + 4));
                }
                file.write(raw, 0, n * 8);
                if (listener != null) {
                    listener.accept(mono, n);
                }
                frames += n;
                carry = have - n * 8;
                System.arraycopy(raw, n * 8, raw, 0, carry);
                if (frames > limit) {
                    throw new MediaException(MediaException.Kind.UNSUPPORTED, "The song lasts more than 30 minutes:"
                            + " choose a shorter piece or cut it first.");
                }
                cancel.throwIfCancelled();
            }
        }
        return frames;
    }

    static boolean looksLikeText(Path path) {
        byte[] head = new byte[512];
        int n;
        try (InputStream in = Files.newInputStream(path)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            int b = head[i] & 0xff;
            if (b < 0x09 || b > 0x0d && b < 0x20 || b == 0x7f) {
                return false;
            }
        }
        return n > 0;
    }

    static String clock(double sec) {
        long s = Math.round(sec);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private static double number(JsonObject o, String key) {
        try {
            return o.has(key) ? Double.parseDouble(o.get(key).getAsString()) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        String last = lines[lines.length - 1].strip();
        return last.isEmpty() ? "FFmpeg gave no reason" : last;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a working file in the temporary folder: swept later
        }
    }
}
