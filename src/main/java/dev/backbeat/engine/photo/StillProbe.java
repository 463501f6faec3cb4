package dev.backbeat.engine.photo;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.backbeat.engine.media.Ffmpeg;
import dev.backbeat.engine.media.FfmpegRunner;
import dev.backbeat.engine.media.MediaException;
import dev.backbeat.engine.media.MediaProbe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads a photo's size, orientation and (for a GIF) its frames with ffprobe, and says in words why one cannot be used. */
public final class StillProbe {
    /** Above this many pixels a picture is surely no photo but a decoding bomb (FFmpeg's own check is near 268 MP). */
    static final long MAX_PIXELS = 250_000_000L;
    private final FfmpegRunner runner;

    public StillProbe(FfmpegRunner runner) {
        this.runner = runner;
    }

    public Still probe(Path path) throws MediaException {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        try {
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                throw new MediaException(MediaException.Kind.NOT_FOUND, "\"" + name + "\" cannot be found or read.");
            }
            if (Files.size(path) == 0) {
                throw new MediaException(MediaException.Kind.EMPTY, "\"" + name + "\" is empty (0 bytes): it was probably"
                        + " not copied or saved completely. Choose the original photo.");
            }
        } catch (IOException e) {
            throw new MediaException(MediaException.Kind.NOT_FOUND, "\"" + name + "\" cannot be read: " + e.getMessage(), e);
        }
        FfmpegRunner.Result r = runner.run(Ffmpeg.Tool.FFPROBE, List.of("-v", "error", "-select_streams", "v:0",
                "-count_packets", "-print_format", "json", "-show_entries",
                "stream=codec_name,width,height,nb_read_packets:stream_side_data=rotation:format=duration", MediaProbe.ffmpegInput(path)), 30);
        JsonObject stream = null;
        double duration = 0;
        if (r.exitCode() == 0) {
            try {
                JsonObject root = JsonParser.parseString(r.stdout()).getAsJsonObject();
                JsonArray streams = root.has("streams") ? root.getAsJsonArray("streams") : new JsonArray();
                stream = streams.isEmpty() ? null : streams.get(0).getAsJsonObject();
                if (root.has("format") && root.getAsJsonObject("format").has("duration")) {
                    duration = parse(root.getAsJsonObject("format").get("duration").getAsString());
                }
            } catch (RuntimeException e) {
                stream = null;
            }
        }
        if (stream == null || !stream.has("width") || stream.get("width").getAsInt() <= 0) {
            throw damaged(name);
        }
        int w = stream.get("width").getAsInt();
        int h = stream.get("height").getAsInt();
        if ((long) w * h > MAX_PIXELS) {
            throw new MediaException(MediaException.Kind.UNSUPPORTED, String.format(java.util.Locale.ROOT,
                    "\"%s\" is %d×%d (%.0f megapixels): too large a picture to open. Save a smaller copy (under 250 MP) and"
                            + " drop that.", name, w, h, w * (double) h / 1e6));
        }
        long frames = stream.has("nb_read_packets") ? (long) parse(stream.get("nb_read_packets").getAsString()) : 1;
        String codec = stream.has("codec_name") ? stream.get("codec_name").getAsString() : "";
        // a JPEG says its orientation in EXIF; HEIC and AVIF in their container (irot), which FFmpeg gives as a rotation
        int orientation = codec.equals("mjpeg") ? ExifOrientation.of(path) : fromRotation(stream);
        return new Still(path, codec, w, h, orientation, Math.max(1, frames), frames > 1 ? duration : 0);
    }

    /** The EXIF orientation that turns a picture upright, from the clockwise display rotation FFmpeg reports (1 when none). */
    static int fromRotation(JsonObject stream) {
        if (!stream.has("side_data_list")) {
            return 1;
        }
        for (com.google.gson.JsonElement e : stream.getAsJsonArray("side_data_list")) {
            JsonObject sd = e.getAsJsonObject();
            if (sd.has("rotation")) {
                // FFmpeg gives the rotation counter-clockwise; the picture is shown turned the other way
                int clockwise = Math.floorMod((int) Math.round(-sd.get("rotation").getAsDouble()), 360);
                return switch (clockwise) {
                    case 90 -> 6;
                    case 180 -> 3;
                    case 270 -> 8;
                    default -> 1;
                };
            }
        }
        return 1;
    }

    static MediaException damaged(String name) {
        return new MediaException(MediaException.Kind.CORRUPT, "\"" + name + "\" could not be read as a picture: the file"
                + " looks damaged or cut short. Open it in a photo viewer and save it again, or leave it out.");
    }

    private static double parse(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
