package dev.backbeat.engine.media;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonParseException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/** Reads a media file's streams with ffprobe and says, in words a user understands, why a file cannot be used. */
public final class MediaProbe {

    private static final double STALL_SECONDS = 30;

    private final FfmpegRunner runner;

    public MediaProbe(FfmpegRunner runner) {
        this.runner = runner;
    }

    /** The path as ffmpeg must see it: absolute (so a name starting with '-' is no option) behind "file:" (so ':' is no protocol). */
    public static String ffmpegInput(Path path) {
        return "file:" + path.toAbsolutePath();
    }

    public ClipInfo probe(Path path) throws MediaException {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new MediaException(MediaException.Kind.NOT_FOUND, "\"" + name + "\" cannot be found or read."
                    + " Check that the file exists and that you may open it.");
        }
        try {
            if (Files.size(path) == 0) {
                throw new MediaException(MediaException.Kind.EMPTY, "\"" + name + "\" is empty (0 bytes): it was"
                        + " probably not copied or saved completely. Choose the original file.");
            }
        } catch (IOException e) {
            throw new MediaException(MediaException.Kind.NOT_FOUND, "\"" + name + "\" cannot be read: " + e.getMessage(), e);
        }
        FfmpegRunner.Result r = runner.run(Ffmpeg.Tool.FFPROBE, List.of("-v", "error", "-print_format", "json",
                "-show_format", "-show_streams", ffmpegInput(path)), STALL_SECONDS);
        if (r.exitCode() != 0) {
            if (looksLikeText(path)) {
                throw new MediaException(MediaException.Kind.NOT_MEDIA, "\"" + name + "\" holds text, not video,"
                        + " whatever its name says. Choose a video such as MP4, MOV, MKV or WebM.");
            }
            throw failureOf(name, r.stderrText());
        }
        JsonObject root;
        try {
            root = JsonParser.parseString(r.stdout()).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new MediaException(MediaException.Kind.FAILED, "FFprobe gave an answer that cannot be read for \""
                    + name + "\".", e);
        }
        return read(path, name, root);
    }

    /** True when the file starts with printable text only (a note or a web page saved under a video name). */
    static boolean looksLikeText(Path path) {
        byte[] head = new byte[512];
        int n;
        try (java.io.InputStream in = Files.newInputStream(path)) {
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

    /** The user-worded error for an ffmpeg or ffprobe failure on a file, from its stderr. */
    public static MediaException failureOf(String name, String stderr) {
        String s = stderr.toLowerCase(Locale.ROOT);
        if (s.contains("moov atom not found") || s.contains("truncat") || s.contains("end of file")) {
            return new MediaException(MediaException.Kind.CORRUPT, "\"" + name + "\" is damaged or cut short (its"
                    + " index is missing), as happens when a copy or a recording stops early. Use a complete copy.");
        }
        if (s.contains("invalid data found") || s.contains("could not find codec") || s.contains("format not")) {
            return new MediaException(MediaException.Kind.NOT_MEDIA, "\"" + name + "\" is not a video or audio file"
                    + " we can read (it may be another kind of file with a video name, or badly damaged)."
                    + " Choose a video such as MP4, MOV, MKV or WebM.");
        }
        return new MediaException(MediaException.Kind.UNSUPPORTED, "\"" + name + "\" cannot be opened: "
                + lastLine(stderr) + ". Try converting it to MP4 (H.264) first.");
    }

    private static ClipInfo read(Path path, String name, JsonObject root) throws MediaException {
        JsonObject format = root.has("format") ? root.getAsJsonObject("format") : new JsonObject();
        JsonArray streams = root.has("streams") ? root.getAsJsonArray("streams") : new JsonArray();
        JsonObject video = null;
        JsonObject audio = null;
        for (JsonElement e : streams) {
            JsonObject s = e.getAsJsonObject();
            String type = str(s, "codec_type");
            boolean coverArt = s.has("disposition") && num(s.getAsJsonObject("disposition"), "attached_pic") == 1;
            if ("video".equals(type) && !coverArt && video == null) {
                video = s;
            } else if ("audio".equals(type) && audio == null) {
                audio = s;
            }
        }
        if (video == null && audio == null) {
            throw new MediaException(MediaException.Kind.NOT_MEDIA, "\"" + name + "\" has neither picture nor sound."
                    + " Choose a video file.");
        }
        if (video == null) {
            throw new MediaException(MediaException.Kind.NO_VIDEO, "\"" + name + "\" has sound but no picture."
                    + " Backbeat scores videos: choose a video file.");
        }
        String codec = str(video, "codec_name");
        if (codec == null || codec.isBlank() || "none".equals(codec)) {
            throw new MediaException(MediaException.Kind.UNSUPPORTED, "The picture in \"" + name + "\" uses a format"
                    + " this FFmpeg cannot decode. Convert it to MP4 (H.264) first.");
        }
        int width = (int) num(video, "width");
        int height = (int) num(video, "height");
        if (width <= 0 || height <= 0) {
            throw new MediaException(MediaException.Kind.CORRUPT, "The picture size of \"" + name + "\" cannot be read:"
                    + " the file is probably damaged. Use a complete copy.");
        }
        double avg = rate(str(video, "avg_frame_rate"));
        double nominal = rate(str(video, "r_frame_rate"));
        boolean vfr = avg > 0 && nominal > 0 && Math.abs(avg - nominal) / nominal > 0.01;
        // a constant-rate stream's exact rate is the nominal one; its average carries rounding from the duration
        double fps = vfr || nominal <= 0 ? avg : nominal;
        double duration = num(format, "duration");
        if (!(duration > 0)) {
            duration = num(video, "duration");
        }
        long frames = video.has("nb_frames") ? (long) num(video, "nb_frames") : -1;
        return new ClipInfo(path, str(format, "format_name"), duration > 0 ? duration : 0, codec, width, height,
                rotation(video), fps > 0 && fps < 1000 ? fps : 25, nominal, vfr, frames,
                audio != null, audio == null ? null : str(audio, "codec_name"),
                audio == null ? 0 : (int) num(audio, "sample_rate"), audio == null ? 0 : (int) num(audio, "channels"),
                str(video, "pix_fmt"), streamSec(video), audio == null ? 0 : streamSec(audio));
    }

    /**
     * A stream's own stated length: its duration, or the DURATION tag Matroska muxers write per
     * stream ("00:01:02.500000000"); 0 where neither is there.
     */
    static double streamSec(JsonObject stream) {
        double d = num(stream, "duration");
        if (d > 0) {
            return d;
        }
        if (stream.has("tags")) {
            for (Map.Entry<String, JsonElement> tag : stream.getAsJsonObject("tags").entrySet()) {
                if (tag.getKey().equalsIgnoreCase("DURATION")) {
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+):(\\d{2}):(\\d{2}(?:\\.\\d+)?)")
                            .matcher(tag.getValue().getAsString().strip());
                    if (m.matches()) {
                        return Integer.parseInt(m.group(1)) * 3600 + Integer.parseInt(m.group(2)) * 60
                                + Double.parseDouble(m.group(3));
                    }
                }
            }
        }
        return 0;
    }

    /** Clockwise rotation for display, from the display matrix (counter-clockwise degrees) or the older "rotate" tag. */
    static int rotation(JsonObject video) {
        double deg = 0;
        boolean found = false;
        if (video.has("side_data_list")) {
            for (JsonElement e : video.getAsJsonArray("side_data_list")) {
                JsonObject sd = e.getAsJsonObject();
                if (sd.has("rotation")) {
                    deg = -sd.get("rotation").getAsDouble();
                    found = true;
                }
            }
        }
        if (!found && video.has("tags") && video.getAsJsonObject("tags").has("rotate")) {
            deg = num(video.getAsJsonObject("tags"), "rotate");
        }
        int quarter = (int) Math.round(deg / 90.0);
        return Math.floorMod(quarter * 90, 360);
    }

    static double rate(String r) {
        if (r == null) {
            return 0;
        }
        try {
            int slash = r.indexOf('/');
            if (slash < 0) {
                return Double.parseDouble(r);
            }
            double den = Double.parseDouble(r.substring(slash + 1));
            return den == 0 ? 0 : Double.parseDouble(r.substring(0, slash)) / den;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String str(JsonObject o, String key) {
        return o.has(key) && o.get(key).isJsonPrimitive() ? o.get(key).getAsString() : null;
    }

    private static double num(JsonObject o, String key) {
        try {
            return o.has(key) ? Double.parseDouble(o.get(key).getAsString()) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        String last = lines[lines.length - 1].strip();
        return last.isEmpty() ? "FFprobe gave no reason" : last;
    }
}
