package dev.backbeat.engine.mix;

import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.engine.media.ClipInfo;
import dev.backbeat.engine.media.Ffmpeg;
import dev.backbeat.engine.media.FfmpegRunner;
import dev.backbeat.engine.media.MediaException;
import dev.backbeat.engine.media.MediaProbe;
import dev.backbeat.engine.media.Progress;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Titles by smart rendering: only the groups of pictures a title covers are decoded, drawn on and
 * encoded again (libx264 set up as the source's stream: profile, level, size, pixel format, colours,
 * reordering no deeper than the source's), and every other picture is copied byte for byte. The new
 * pictures carry parameter-set ids the source does not use, and both sets go into the one {@code avcC}
 * of an ordinary {@code avc1} track, so any decoder switches between them at the IDR pictures where
 * the stretches meet. The joined picture keeps the source's timestamps exactly; {@link JoinCheck} checks
 * the written file before it is accepted.
 */
final class SmartTitles {
    private static final double STALL_SECONDS = 90;
    /** Pictures before and after the end of a re-encoded stretch that are decoded to check the switch back to the source's sets. */
    static final int TAIL_CHECK = 30;
    private static final Map<String, String> PROFILES = Map.of("High", "high", "Main", "main",
            "Constrained Baseline", "baseline", "Baseline", "baseline");

    private final FfmpegRunner runner;

    SmartTitles(FfmpegRunner runner) {
        this.runner = runner;
    }

    /** The source cannot be smart-rendered; the message says why in a few words ("the clip is in a Matroska file"). */
    static final class NotMatched extends Exception {
        NotMatched(String why) {
            super(why);
        }
    }

    /** The joined picture (a video-only MP4) and how it was made. */
    record Rendered(Path video, List<Mp4VideoWriter.Sample> samples, List<TitleSpans.Span> spans, AvcConfig config,
                    double tick, double reencodedSec, double totalSec, double encodeSec, double renderSec) {
        String summary() {
            return String.format(Locale.ROOT, "title by smart rendering: re-encoded %.1f s of %.0f s", reencodedSec, totalSec);
        }
    }

    /**
     * Draws {@code titles} (their cards in {@code cards}, the size of the picture) onto the stretches
     * they cover and joins them with the rest of the source's picture into {@code workDir}/picture.mp4.
     */
    Rendered render(ClipInfo clip, List<TitleCard.Title> titles, List<Path> cards, String preset, int crf, Path workDir,
                    Progress progress, Cancellation cancel) throws NotMatched, MediaException, IOException {
        long started = System.nanoTime();
        double encodeSec = 0;
        PacketIndex src = PacketIndex.read(runner, clip.path());
        PacketIndex.Stream s = src.stream();
        String profile = matchable(src);
        AvcConfig srcConfig = config(s.extradata(), "the clip's");
        List<PacketIndex.Packet> packets = src.packets();
        List<TitleSpans.Span> spans;
        try (RandomAccessFile in = new RandomAccessFile(clip.path().toFile(), "r")) {
            spans = TitleSpans.plan(packets, s.timeBase(), titles, i -> isIdr(src, packets.get(i), in, srcConfig));
        } catch (TitleSpans.Uncuttable e) {
            throw new NotMatched(e.getMessage());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (spans.isEmpty()) {
            throw new NotMatched("the titles start after the clip ends");
        }
        List<Integer> ids = freeIds(srcConfig, spans.size());
        int total = spans.stream().mapToInt(TitleSpans.Span::frames).sum();
        List<Mp4VideoWriter.Sample> samples = new ArrayList<>();
        AvcConfig joined = srcConfig;
        int next = 0;
        int done = 0;
        double reencoded = 0;
        for (int k = 0; k < spans.size(); k++) {
            TitleSpans.Span span = spans.get(k);
            addSource(samples, src, next, span.from());
            Path file = workDir.resolve("span-" + k + ".mp4");
            int before = done;
            long t0 = System.nanoTime();
            encode(src, span, profile, ids.get(k), cards, preset, crf, file,
                    (f, speed) -> progress.update((before + f * span.frames()) / total, speed), cancel);
            encodeSec += (System.nanoTime() - t0) / 1e9;
            AvcConfig spanConfig = addSpan(samples, src, span, file, ids.get(k));
            joined = joined.with(spanConfig);
            done += span.frames();
            next = span.to();
            reencoded += s.seconds(shownEnd(packets, span) - packets.get(span.from()).pts());
        }
        addSource(samples, src, next, packets.size());
        Path video = workDir.resolve("picture.mp4");
        Mp4VideoWriter.write(video, samples, joined, s.width(), s.height(), s.timeBase()[1]);
        double totalSec = s.seconds(shownEnd(packets, new TitleSpans.Span(0, packets.size(), List.of())) - minPts(packets));
        return new Rendered(video, samples, spans, joined, s.seconds(1), reencoded, totalSec, encodeSec,
                (System.nanoTime() - started) / 1e9);
    }

    /** The libx264 profile matching the source, or why the source cannot be matched. */
    private static String matchable(PacketIndex src) throws NotMatched {
        PacketIndex.Stream s = src.stream();
        if (!src.container().contains("mp4") && !src.container().contains("mov")) {
            throw new NotMatched("its pictures can only be re-used from an MP4 or MOV file, not " + src.container());
        }
        if (!"h264".equals(s.codec())) {
            throw new NotMatched("the clip's picture is " + s.codec().toUpperCase(Locale.ROOT) + ", not H.264");
        }
        if (!s.pixelFormat().equals("yuv420p") && !s.pixelFormat().equals("yuvj420p")) {
            throw new NotMatched("the clip's pictures are " + s.pixelFormat() + ", and only 8-bit 4:2:0 is matched");
        }
        String profile = PROFILES.get(s.profile());
        if (profile == null) {
            throw new NotMatched("the clip's H.264 profile " + s.profile() + " cannot be matched");
        }
        if (!s.fieldOrder().equals("progressive") && !s.fieldOrder().equals("unknown")) {
            throw new NotMatched("the clip is interlaced");
        }
        if (s.timeBase()[0] != 1 || s.timeBase()[1] <= 0 || s.timeBase()[1] > Integer.MAX_VALUE) {
            throw new NotMatched("the clip's time base " + s.timeBase()[0] + "/" + s.timeBase()[1] + " is unusual");
        }
        for (PacketIndex.Packet p : src.packets()) {
            if (p.pos() < 0 || p.size() <= 0) {
                throw new NotMatched("some of the clip's pictures cannot be located in the file");
            }
        }
        return profile;
    }

    private static AvcConfig config(byte[] extradata, String whose) throws NotMatched {
        try {
            AvcConfig c = AvcConfig.parse(extradata);
            if (c.nalLengthSize() != 4) {
                throw new NotMatched(whose + " H.264 uses " + c.nalLengthSize() + "-byte unit lengths");
            }
            c.spsIds();
            c.ppsIds();
            return c;
        } catch (RuntimeException e) {
            throw new NotMatched(whose + " H.264 parameter sets cannot be read (" + e.getMessage() + ")");
        }
    }

    private static boolean isIdr(PacketIndex src, PacketIndex.Packet p, RandomAccessFile in, AvcConfig config) {
        try {
            List<Integer> types = AvcConfig.nalTypes(src.bytes(p, in), config.nalLengthSize());
            return types != null && types.contains(5);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code count} parameter-set ids the source uses for neither its SPS nor its PPS. */
    private static List<Integer> freeIds(AvcConfig config, int count) throws NotMatched {
        Set<Integer> used = new HashSet<>(config.spsIds());
        used.addAll(config.ppsIds());
        List<Integer> free = new ArrayList<>();
        for (int id = 1; id < 32 && free.size() < count; id++) {
            if (!used.contains(id)) {
                free.add(id);
            }
        }
        if (free.size() < count) {
            throw new NotMatched("the clip leaves no parameter-set ids free");
        }
        return free;
    }

    private void encode(PacketIndex src, TitleSpans.Span span, String profile, int id, List<Path> cards, String preset,
                        int crf, Path out, Progress progress, Cancellation cancel) throws MediaException, NotMatched {
        PacketIndex.Stream s = src.stream();
        List<PacketIndex.Packet> packets = src.packets();
        PacketIndex.Packet first = packets.get(span.from());
        double at = s.seconds(first.pts()) + s.seconds(Math.max(1, first.duration())) / 4;
        List<String> a = new ArrayList<>(List.of("-nostdin", "-hide_banner", "-nostats", "-loglevel", "error",
                "-progress", "pipe:2", "-copyts", "-seek_timestamp", "1", "-noaccurate_seek",
                "-ss", String.format(Locale.ROOT, "%.6f", at), "-i", MediaProbe.ffmpegInput(src.file())));
        for (TitleSpans.Shown t : span.titles()) {
            a.addAll(List.of("-framerate", "1", "-loop", "1", "-i", cards.get(t.title()).toString()));
        }
        // exactly the stretch's pictures, by their own timestamps, numbered from 0 for the titles' frame ranges
        StringBuilder g = new StringBuilder("[0:v:0]trim=start_pts=").append(first.pts());
        if (span.to() < packets.size()) {
            g.append(":end_pts=").append(packets.get(span.to()).pts());
        }
        g.append(",setpts=PTS-STARTPTS[v0]");
        for (int i = 0; i < span.titles().size(); i++) {
            TitleSpans.Shown t = span.titles().get(i);
            g.append(";[v").append(i).append("][").append(i + 1).append(":v]overlay=0:0:shortest=1:enable='between(n,")
                    .append(t.first()).append(',').append(t.end() - 1).append(")'[v").append(i + 1).append(']');
        }
        g.append(";[v").append(span.titles().size()).append("]format=").append(s.pixelFormat()).append("[out]");
        a.addAll(List.of("-filter_complex", g.toString(), "-map", "[out]", "-an", "-sn", "-dn",
                "-fps_mode", "passthrough", "-enc_time_base", "-1", "-frames:v", Integer.toString(span.frames()),
                "-c:v", "libx264", "-preset", preset, "-crf", Integer.toString(crf), "-profile:v", profile,
                "-pix_fmt", s.pixelFormat()));
        if (s.level() > 0) {
            a.addAll(List.of("-level", String.format(Locale.ROOT, "%d.%d", s.level() / 10, s.level() % 10)));
        }
        // no deeper reordering than the source's, so the copied pictures' decoding times still fit
        if (span.frames() > 2 * TAIL_CHECK) {
            // an IDR picture a second before the stretch ends, so the check can decode from there across the join
            a.addAll(List.of("-force_key_frames", "expr:eq(n," + (span.frames() - TAIL_CHECK) + ")", "-forced-idr", "1"));
        }
        // the new sets only in the avcC, never in-band: FFmpeg's own MP4-to-Annex-B conversion (remuxing to MPEG-TS,
        // decoders fed Annex B such as OpenH264's) keeps only the last in-band sets and would lose the clip's
        String x264 = "sps-id=" + id;
        if (s.reorder() == 0) {
            a.addAll(List.of("-bf", "0"));
        } else if (s.reorder() == 1) {
            x264 += ":b-pyramid=none";
        }
        a.addAll(List.of("-x264-params", x264));
        colour(a, "-color_range", s.colorRange());
        colour(a, "-colorspace", s.colorSpace());
        colour(a, "-color_primaries", s.colorPrimaries());
        colour(a, "-color_trc", s.colorTransfer());
        a.addAll(List.of("-map_metadata", "-1", "-f", "mp4", "-y", out.toString()));
        double sec = s.seconds(shownEnd(packets, span) - first.pts());
        FfmpegRunner.Result r = runner.run(Ffmpeg.Tool.FFMPEG, a, null, sec, progress, cancel, STALL_SECONDS, List.of(out));
        if (r.exitCode() != 0) {
            throw new NotMatched("the stretch under the title could not be encoded (" + r.stderrText().lines()
                    .reduce((x, y) -> y).orElse("no detail") + ")");
        }
    }

    private static void colour(List<String> a, String option, String value) {
        if (value != null && !value.isBlank() && !value.equals("unknown") && !value.equals("reserved")) {
            a.addAll(List.of(option, value));
        }
    }

    /** Adds the span's re-encoded pictures, timed as the source's pictures they replace; returns their parameter sets. */
    private AvcConfig addSpan(List<Mp4VideoWriter.Sample> samples, PacketIndex src, TitleSpans.Span span, Path file, int id)
            throws MediaException, NotMatched, IOException {
        PacketIndex enc = PacketIndex.read(runner, file);
        List<PacketIndex.Packet> coded = enc.packets();
        if (coded.size() != span.frames()) {
            throw new NotMatched("the re-encoded stretch has " + coded.size() + " pictures instead of " + span.frames());
        }
        if (enc.stream().width() != src.stream().width() || enc.stream().height() != src.stream().height()) {
            throw new NotMatched("the re-encoded pictures came out " + enc.stream().width() + "×" + enc.stream().height());
        }
        AvcConfig config = config(enc.stream().extradata(), "the re-encoded");
        if (!config.spsIds().equals(List.of(id)) || !config.ppsIds().equals(List.of(id))) {
            throw new NotMatched("the encoder did not take the parameter-set id " + id);
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            if (!isIdr(enc, coded.get(0), in, config)) {
                throw new NotMatched("the re-encoded stretch does not start with an IDR picture");
            }
        }
        List<PacketIndex.Packet> replaced = src.packets().subList(span.from(), span.to());
        long[] shownSrc = replaced.stream().mapToLong(PacketIndex.Packet::pts).sorted().toArray();
        long[] shownEnc = coded.stream().mapToLong(PacketIndex.Packet::pts).sorted().toArray();
        for (int j = 0; j < coded.size(); j++) {
            PacketIndex.Packet c = coded.get(j);
            int rank = Arrays.binarySearch(shownEnc, c.pts());
            long pts = shownSrc[rank];
            long dts = replaced.get(j).dts();
            if (pts < dts) {
                throw new NotMatched("the re-encoded pictures need a longer decoding delay than the clip's");
            }
            samples.add(new Mp4VideoWriter.Sample(file, c.pos(), c.size(), dts, pts, replaced.get(j).duration(), c.key()));
        }
        return config;
    }

    private static void addSource(List<Mp4VideoWriter.Sample> samples, PacketIndex src, int from, int to) {
        for (PacketIndex.Packet p : src.packets().subList(from, to)) {
            samples.add(new Mp4VideoWriter.Sample(src.file(), p.pos(), p.size(), p.dts(), p.pts(), p.duration(), p.key()));
        }
    }

    /** Where the span's last shown picture ends. */
    private static long shownEnd(List<PacketIndex.Packet> packets, TitleSpans.Span span) {
        long end = Long.MIN_VALUE;
        for (PacketIndex.Packet p : packets.subList(span.from(), span.to())) {
            end = Math.max(end, p.pts() + Math.max(1, p.duration()));
        }
        return end;
    }

    private static long minPts(List<PacketIndex.Packet> packets) {
        return packets.stream().mapToLong(PacketIndex.Packet::pts).min().orElse(0);
    }
}
