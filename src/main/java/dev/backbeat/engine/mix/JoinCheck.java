package dev.backbeat.engine.mix;

import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.engine.media.Ffmpeg;
import dev.backbeat.engine.media.FfmpegRunner;
import dev.backbeat.engine.media.MediaException;
import dev.backbeat.engine.media.MediaProbe;
import dev.backbeat.engine.media.Progress;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The check a smart-rendered file passes before it is accepted, cheap next to decoding it all: the
 * packet index (parameter sets, every picture's size, key flag and time, none missing or twice), every
 * key picture decoded (each switch of parameter sets happens at one), and every picture decoded from
 * the last key picture of each re-encoded stretch across the join back into the copied ones.
 */
final class JoinCheck {
    private static final double STALL_SECONDS = 90;

    private final FfmpegRunner runner;

    JoinCheck(FfmpegRunner runner) {
        this.runner = runner;
    }

    /**
     * Checks a file whose picture was copied from {@link SmartTitles.Rendered#video}: the same parameter sets,
     * every picture there with its time, size and key flag; the re-encoded stretches and the pictures
     * after them decode with no error and none missing. Returns null when it passes, else why not.
     */
    String problem(Path written, SmartTitles.Rendered r, Cancellation cancel) throws MediaException {
        PacketIndex out = PacketIndex.read(runner, written);
        if (!Arrays.equals(out.stream().extradata(), r.config().bytes())) {
            return "the written file lost the re-encoded pictures' parameter sets";
        }
        List<PacketIndex.Packet> got = out.packets();
        List<Mp4VideoWriter.Sample> want = r.samples();
        if (got.size() != want.size()) {
            return "the written file has " + got.size() + " pictures instead of " + want.size();
        }
        double tick = out.stream().seconds(1);
        double wantTick = r.tick();
        long gotFirst = minPts(got);
        long wantFirst = want.stream().mapToLong(Mp4VideoWriter.Sample::pts).min().orElse(0);
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < got.size(); i++) {
            PacketIndex.Packet g = got.get(i);
            Mp4VideoWriter.Sample w = want.get(i);
            if (g.size() != w.size() || g.key() != w.key()) {
                return "picture " + i + " changed in the written file";
            }
            double gs = (g.pts() - gotFirst) * tick;
            double ws = (w.pts() - wantFirst) * wantTick;
            if (Math.abs(gs - ws) > tick / 2 || !seen.add(g.pts())) {
                return String.format(Locale.ROOT, "picture %d is shown at %.3f s instead of %.3f s", i, gs, ws);
            }
        }
        // every key picture, copied or new, decodes: each switch of parameter sets happens at one of them
        long keys = want.stream().filter(Mp4VideoWriter.Sample::key).count();
        String problem = decodes(written, List.of("-skip_frame", "nokey"), (int) keys, cancel);
        if (problem != null) {
            return problem;
        }
        // and every picture from each stretch's last key picture to a second after it, across the join back
        for (TitleSpans.Span span : r.spans()) {
            int k = span.to() - 1;
            while (k > span.from() && !want.get(k).key()) {
                k--;
            }
            PacketIndex.Packet key = got.get(k);
            double at = out.stream().seconds(key.pts()) + out.stream().seconds(Math.max(1, key.duration())) / 4;
            int frames = span.to() - k + Math.min(SmartTitles.TAIL_CHECK, got.size() - span.to());
            problem = decodes(written, List.of("-copyts", "-seek_timestamp", "1", "-noaccurate_seek", "-ss",
                    String.format(Locale.ROOT, "%.6f", at)), frames, cancel);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    /** Decodes the file's picture with {@code input} options; null when exactly {@code frames} come out with no error. */
    private String decodes(Path file, List<String> input, int frames, Cancellation cancel) throws MediaException {
        int[] count = new int[1];
        List<String> args = new ArrayList<>(List.of("-nostdin", "-hide_banner", "-nostats", "-loglevel", "error"));
        args.addAll(input);
        args.addAll(List.of("-i", MediaProbe.ffmpegInput(file), "-map", "0:v:0", "-frames:v", Integer.toString(frames),
                "-fps_mode", "passthrough", "-c:v", "wrapped_avframe", "-f", "framecrc", "pipe:1"));
        FfmpegRunner.Result res = runner.run(Ffmpeg.Tool.FFMPEG, args,
                stdout -> {
                    BufferedReader lines = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8));
                    for (String line; (line = lines.readLine()) != null; ) {
                        if (!line.startsWith("#") && !line.isBlank()) {
                            count[0]++;
                        }
                    }
                }, 0, Progress.none(), cancel, STALL_SECONDS, List.of());
        if (res.exitCode() != 0 || res.messageLines() > 0) {
            return "decoding the joined picture gave errors (" + res.stderrText().lines().findFirst().orElse("exit "
                    + res.exitCode()) + ")";
        }
        if (count[0] != frames) {
            return "decoding the joined picture gave " + count[0] + " pictures instead of " + frames;
        }
        return null;
    }

    private static long minPts(List<PacketIndex.Packet> packets) {
        return packets.stream().mapToLong(PacketIndex.Packet::pts).min().orElse(0);
    }
}
