package dev.backbeat.service.local;

import dev.backbeat.engine.Fixtures;
import dev.backbeat.engine.media.Ffmpeg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Looks at outputs the way a user's tools would: ffprobe for streams, ebur128 for loudness, framemd5 for packets. */
final class Media {
    private Media() {
    }

    static String run(Ffmpeg.Tool tool, List<String> args) throws IOException, InterruptedException {
        Process p = Fixtures.ffmpeg().builder(tool, args).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    /** "codec_type=video|codec_name=h264|width=1920|…" lines, one a stream, plus the format's duration. */
    static String probe(Path file) throws Exception {
        return run(Ffmpeg.Tool.FFPROBE, List.of("-v", "error", "-show_entries",
                "stream=codec_type,codec_name,width,height,duration,nb_frames:format=duration", "-of", "compact", file.toString()));
    }

    static double number(String text, String key) {
        Matcher m = Pattern.compile(key + "=([0-9.]+)").matcher(text);
        if (!m.find()) {
            throw new AssertionError(key + " not in " + text);
        }
        return Double.parseDouble(m.group(1));
    }

    /** Integrated loudness (LUFS) and true peak (dBTP) by FFmpeg's ebur128 filter. */
    static double[] loudness(Path file) throws Exception {
        String out = run(Ffmpeg.Tool.FFMPEG, List.of("-hide_banner", "-nostats", "-i", file.toString(), "-vn",
                "-af", "ebur128=peak=true", "-f", "null", "-"));
        String summary = out.substring(out.lastIndexOf("Summary:"));
        Matcher i = Pattern.compile("I:\\s+(-?[0-9.]+) LUFS").matcher(summary);
        Matcher p = Pattern.compile("Peak:\\s+(-?[0-9.]+|-inf) dBFS").matcher(summary);
        if (!i.find() || !p.find()) {
            throw new AssertionError("no ebur128 summary: " + summary);
        }
        return new double[] {Double.parseDouble(i.group(1)), p.group(1).equals("-inf") ? -200 : Double.parseDouble(p.group(1))};
    }

    /** The hashes of the video stream's packets, in order. */
    static List<String> videoPacketHashes(Path file) throws Exception {
        String out = run(Ffmpeg.Tool.FFMPEG, List.of("-hide_banner", "-loglevel", "error", "-i", file.toString(),
                "-map", "0:v:0", "-c", "copy", "-f", "framemd5", "-"));
        List<String> hashes = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.startsWith("#") && !line.isBlank()) {
                String[] f = line.split(",");
                hashes.add(f[f.length - 2].trim() + "/" + f[f.length - 1].trim());
            }
        }
        return hashes;
    }

    /** RMS level in dBFS of a WAV between two times, by FFmpeg's astats. */
    static double rmsDb(Path wav, double from, double to) throws Exception {
        String out = run(Ffmpeg.Tool.FFMPEG, List.of("-hide_banner", "-nostats", "-i", wav.toString(), "-af",
                "atrim=" + from + ":" + to + ",astats=measure_overall=RMS_level:measure_perchannel=none", "-f", "null", "-"));
        Matcher m = Pattern.compile("RMS level dB:\\s+(-?[0-9.]+|-inf)").matcher(out);
        if (!m.find()) {
            throw new AssertionError("no astats in " + out);
        }
        return m.group(1).equals("-inf") ? -200 : Double.parseDouble(m.group(1));
    }
}
