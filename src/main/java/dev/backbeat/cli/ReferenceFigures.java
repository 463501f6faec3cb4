package dev.backbeat.cli;

import dev.backbeat.engine.media.Ffmpeg;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The reference recordings' figures, by kind (plus "all"): each recording's first two minutes are
 * decoded to a WAV with FFmpeg and measured once; the figures are kept beside the list
 * ({@code figures.tsv}, a line as soon as each is measured) so later runs only read them.
 */
final class ReferenceFigures {
    private static final double MAX_SECONDS = 120;
    private static final double MIN_SECONDS = 20;

    private ReferenceFigures() {
    }

    static Map<String, List<MusicFigures>> load(Ffmpeg ffmpeg, Path list, Path work, PrintWriter w) throws Exception {
        Map<String, List<MusicFigures>> byKind = new TreeMap<>();
        if (!Files.isRegularFile(list)) return byKind;
        Path cache = list.resolveSibling("figures.tsv");
        Map<String, String> known = new HashMap<>();
        if (Files.isRegularFile(cache)) {
            for (String line : Files.readAllLines(cache, StandardCharsets.UTF_8)) {
                int tab = line.indexOf('\t');
                if (tab > 0) known.put(line.substring(0, tab), line.substring(tab + 1));
            }
        }
        int measured = 0;
        for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            if (f.length < 3) continue;
            String kind = f[0];
            String file = f[2];
            String cached = known.get(file);
            if (cached == null) {
                MusicFigures m;
                try {
                    m = measure(ffmpeg, Path.of(file), work);
                    cached = m == null ? "short" : join(m.values());
                } catch (IOException e) {
                    w.println("skipped (unreadable): " + file);
                    cached = "unreadable";
                }
                // kept at once, so an interrupted run loses nothing measured
                Files.writeString(cache, file + "\t" + cached + "\n", StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                if (++measured % 10 == 0) {
                    w.printf(Locale.ROOT, "measured %d reference recordings...%n", measured);
                    w.flush();
                }
            }
            if (cached.equals("short") || cached.equals("unreadable")) continue;
            MusicFigures m = MusicFigures.of(java.util.Arrays.stream(cached.split("\t")).mapToDouble(Double::parseDouble).toArray());
            byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(m);
            byKind.computeIfAbsent("all", k -> new ArrayList<>()).add(m);
        }
        return byKind;
    }

    /** Null for a recording too short to be music (a jingle). */
    private static MusicFigures measure(Ffmpeg ffmpeg, Path file, Path work) throws IOException, InterruptedException {
        Path wav = work.resolve("reference.wav");
        Process p = ffmpeg.builder(Ffmpeg.Tool.FFMPEG, List.of("-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                "-i", file.toString(), "-t", String.valueOf(MAX_SECONDS), "-map", "0:a:0", "-ac", "2", "-ar", "48000",
                "-c:a", "pcm_s16le", "-map_metadata", "-1", "-fflags", "+bitexact", wav.toString())).redirectErrorStream(true).start();
        String err = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IOException("Cannot decode " + file + ": " + err);
        try {
            if (Files.size(wav) < MIN_SECONDS * 48_000 * 4) return null;
            return MusicFigures.measure(ffmpeg, wav);
        } finally {
            Files.deleteIfExists(wav);
        }
    }

    private static String join(double[] v) {
        StringBuilder sb = new StringBuilder();
        for (double x : v) sb.append(sb.isEmpty() ? "" : "\t").append(String.format(Locale.ROOT, "%.5f", x));
        return sb.toString();
    }
}
