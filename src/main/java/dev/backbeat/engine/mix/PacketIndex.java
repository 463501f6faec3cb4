package dev.backbeat.engine.mix;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.backbeat.engine.media.Ffmpeg;
import dev.backbeat.engine.media.FfmpegRunner;
import dev.backbeat.engine.media.MediaException;
import dev.backbeat.engine.media.MediaProbe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A video stream's packets in decoding order, as the bundled ffprobe lists them (timestamps in the
 * stream's time base, byte position and size in the file, key-frame flag), with the stream's facts an
 * encoder has to match: profile, level, pixel format, colours, time base, reordering delay, and its
 * parameter sets. Reading a packet's bytes goes straight to the file.
 */
record PacketIndex(Path file, String container, Stream stream, List<Packet> packets) {

    record Packet(long pts, long dts, long duration, long pos, int size, boolean key) {
    }

    /**
     * @param timeBase   the stream's time base as {numerator, denominator}
     * @param reorder    frames the decoder holds back for reordering (has_b_frames)
     * @param extradata  the stream's codec configuration as stored ({@code avcC} for MP4), empty when none
     */
    record Stream(String codec, String profile, int level, int width, int height, String pixelFormat, String fieldOrder,
                  String colorRange, String colorSpace, String colorTransfer, String colorPrimaries, long[] timeBase,
                  int reorder, byte[] extradata) {

        double seconds(long ticks) {
            return ticks * (double) timeBase[0] / timeBase[1];
        }
    }

    PacketIndex {
        packets = List.copyOf(packets);
    }

    static PacketIndex read(FfmpegRunner runner, Path file) throws MediaException {
        String input = MediaProbe.ffmpegInput(file);
        FfmpegRunner.Result s = runner.run(Ffmpeg.Tool.FFPROBE, List.of("-v", "error", "-select_streams", "v:0",
                "-show_entries", "stream=codec_name,profile,level,width,height,pix_fmt,field_order,color_range,color_space,"
                        + "color_transfer,color_primaries,time_base,has_b_frames,extradata:format=format_name",
                "-show_data", "-of", "json", input), 30);
        if (s.exitCode() != 0) {
            throw new MediaException(MediaException.Kind.FAILED, "FFprobe could not read the picture of " + file.getFileName()
                    + ": " + s.stderrText());
        }
        JsonObject root = JsonParser.parseString(s.stdout()).getAsJsonObject();
        if (root.getAsJsonArray("streams").isEmpty()) {
            throw new MediaException(MediaException.Kind.NO_VIDEO, file.getFileName() + " has no picture.");
        }
        JsonObject v = root.getAsJsonArray("streams").get(0).getAsJsonObject();
        String[] tb = str(v, "time_base", "0/1").split("/");
        Stream stream = new Stream(str(v, "codec_name", ""), str(v, "profile", ""), (int) num(v, "level"),
                (int) num(v, "width"), (int) num(v, "height"), str(v, "pix_fmt", ""), str(v, "field_order", "unknown"),
                str(v, "color_range", null), str(v, "color_space", null), str(v, "color_transfer", null),
                str(v, "color_primaries", null), new long[] {Long.parseLong(tb[0]), Long.parseLong(tb[1])},
                (int) num(v, "has_b_frames"), hexdump(str(v, "extradata", "")));
        String container = root.has("format") ? str(root.getAsJsonObject("format"), "format_name", "") : "";

        FfmpegRunner.Result p = runner.run(Ffmpeg.Tool.FFPROBE, List.of("-v", "error", "-select_streams", "v:0",
                "-show_entries", "packet=pts,dts,duration,size,pos,flags", "-of", "compact=p=0", input), 60);
        if (p.exitCode() != 0) {
            throw new MediaException(MediaException.Kind.FAILED, "FFprobe could not list the pictures of "
                    + file.getFileName() + ": " + p.stderrText());
        }
        return new PacketIndex(file, container, stream, parsePackets(p.stdout()));
    }

    /** Lines such as {@code pts=0|dts=-1024|duration=512|size=37799|pos=48|flags=K__}; a missing number reads as Long.MIN_VALUE. */
    static List<Packet> parsePackets(String text) {
        List<Packet> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            long pts = Long.MIN_VALUE, dts = Long.MIN_VALUE, duration = 0, pos = -1;
            int size = 0;
            boolean key = false;
            for (String field : line.strip().split("\\|")) {
                int eq = field.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String k = field.substring(0, eq);
                String val = field.substring(eq + 1);
                switch (k) {
                    case "pts" -> pts = number(val);
                    case "dts" -> dts = number(val);
                    case "duration" -> duration = Math.max(0, number(val));
                    case "size" -> size = (int) number(val);
                    case "pos" -> pos = number(val);
                    case "flags" -> key = val.startsWith("K");
                    default -> { }
                }
            }
            out.add(new Packet(pts, dts, duration, pos, size, key));
        }
        return out;
    }

    /** The packet's bytes, read from the file at its position. */
    byte[] bytes(Packet p, RandomAccessFile in) throws IOException {
        byte[] b = new byte[p.size()];
        in.seek(p.pos());
        in.readFully(b);
        return b;
    }

    /** FFprobe's {@code -show_data} dump: "00000000: 0164 0028 ffe1 001b ...  .d.(...." lines. */
    static byte[] hexdump(String dump) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String line : dump.split("\n")) {
            int colon = line.indexOf(": ");
            if (colon < 0) {
                continue;
            }
            String hex = line.substring(colon + 2, Math.min(line.length(), colon + 2 + 39)).replace(" ", "");
            for (int i = 0; i + 1 < hex.length(); i += 2) {
                out.write(Integer.parseInt(hex.substring(i, i + 2), 16));
            }
        }
        return out.toByteArray();
    }

    private static long number(String v) {
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            return Long.MIN_VALUE;
        }
    }

    private static String str(JsonObject o, String key, String fallback) {
        return o.has(key) && o.get(key).isJsonPrimitive() ? o.get(key).getAsString() : fallback;
    }

    private static double num(JsonObject o, String key) {
        try {
            return o.has(key) ? Double.parseDouble(o.get(key).getAsString()) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
