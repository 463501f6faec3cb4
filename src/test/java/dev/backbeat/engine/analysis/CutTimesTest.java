package dev.backbeat.engine.analysis;

import dev.backbeat.engine.Fixtures;
import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.engine.media.Ffmpeg;
import dev.backbeat.engine.media.MediaException;
import dev.backbeat.engine.media.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cut times as a player shows them, judged by FFmpeg's own reading of the same file
 * ({@code select='gt(scene,0.3)'} with {@code showinfo}): montages joined the way people join clips
 * (FFmpeg's concat demuxer, copied or re-encoded, shots of different sizes and rates, B-frames, a
 * start offset; the concat demuxer wants one time base, which phones' 90 kHz gives) and a variable
 * frame rate clip. Every cut must be within one frame.
 */
class CutTimesTest {

    private static final String[] SOURCES = {"testsrc2", "color=c=navy", "testsrc", "color=c=yellow", "smptebars",
            "color=c=red", "rgbtestsrc", "color=c=green", "testsrc2", "color=c=purple"};
    private static final double[] LENGTHS = {2.3, 1.7, 2.1, 1.9, 2.2, 1.6, 2.0, 1.3, 2.4, 1.5};

    @TempDir
    Path dir;

    @Test
    void aMontageJoinedByCopyingSameCameraShotsHasEveryCutOnItsFrame() throws Exception {
        List<Path> shots = new ArrayList<>();
        for (int i = 0; i < SOURCES.length; i++) {
            shots.add(shot(i, "320x180", "30"));
        }
        Path montage = join(shots, "copied.mp4", "-c", "copy");
        check(montage, SOURCES.length - 1);
    }

    @Test
    void aMontageOfShotsWithDifferentSizesAndRatesJoinedAndReEncodedHasEveryCutOnItsFrame() throws Exception {
        String[] sizes = {"320x180", "640x360", "320x240", "480x270"};
        String[] rates = {"30", "25", "24000/1001", "30", "50"};
        List<Path> shots = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            shots.add(shot(i, sizes[i % sizes.length], rates[i % rates.length]));
        }
        Path montage = join(shots, "mixed.mp4", "-vf", "scale=320:180,setsar=1", "-c:v", "libx264", "-preset", "ultrafast",
                "-c:a", "aac");
        check(montage, 7);
    }

    @Test
    void aVariableFrameRateClipHasEveryCutOnItsFrame() throws Exception {
        StringBuilder graph = new StringBuilder();
        String[] rates = {"30", "12", "24", "15", "60", "20"};
        for (int i = 0; i < rates.length; i++) {
            graph.append(String.format(Locale.ROOT, "%ss=320x180:r=%s:d=%.1f[v%d];", source(i), rates[i], LENGTHS[i], i));
        }
        for (int i = 0; i < rates.length; i++) {
            graph.append("[v").append(i).append(']');
        }
        graph.append("concat=n=").append(rates.length).append(":v=1:a=0,format=yuv420p[v]");
        Path clip = Fixtures.make(dir.resolve("vfr.mp4"), "-filter_complex", graph.toString(), "-map", "[v]",
                "-fps_mode", "vfr", "-c:v", "libx264", "-preset", "ultrafast", "-bf", "2");
        check(clip, rates.length - 1);
    }

    private void check(Path clip, int expectedCuts) throws Exception {
        List<Double> reference = ffmpegCuts(clip);
        VideoProfile p = new VideoAnalyzer(Fixtures.runner()).analyze(clip, Progress.none(), Cancellation.none());
        List<Double> ours = p.hardCuts().stream().map(VideoProfile.Cut::timeSec).toList();
        System.out.printf(Locale.ROOT, "%s: FFmpeg %s%n   ours %s%n", clip.getFileName(), reference, ours);
        assertEquals(expectedCuts, reference.size(), "FFmpeg's own reading finds every join: " + reference);
        assertEquals(reference.size(), ours.size(), "the same cuts: FFmpeg " + reference + ", ours " + ours);
        double frame = 1 / 30.0 + 1e-3;
        for (int i = 0; i < ours.size(); i++) {
            double error = ours.get(i) - reference.get(i);
            assertTrue(Math.abs(error) <= frame, String.format(Locale.ROOT,
                    "cut %d at %.4f s, FFmpeg shows it at %.4f s (%.1f frames off)", i, ours.get(i), reference.get(i), error * 30));
        }
    }

    private Path shot(int i, String size, String rate) {
        return Fixtures.make(dir.resolve("shot" + i + ".mp4"), "-f", "lavfi", "-i",
                source(i) + "s=" + size + ":r=" + rate, "-f", "lavfi", "-i", "sine=f=" + (300 + 40 * i) + ":r=48000",
                "-t", Double.toString(LENGTHS[i]), "-c:v", "libx264", "-preset", "ultrafast", "-bf", "2", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-video_track_timescale", "90000");
    }

    private static String source(int i) {
        String s = SOURCES[i % SOURCES.length];
        return s.startsWith("color") ? s + ":" : s + "=";
    }

    private Path join(List<Path> shots, String name, String... how) throws IOException {
        StringBuilder list = new StringBuilder();
        for (Path s : shots) {
            list.append("file '").append(s.toAbsolutePath()).append("'\n");
        }
        Path txt = Files.writeString(dir.resolve(name + ".txt"), list.toString());
        List<String> args = new ArrayList<>(List.of("-f", "concat", "-safe", "0", "-i", txt.toString()));
        args.addAll(List.of(how));
        return Fixtures.make(dir.resolve(name), args.toArray(String[]::new));
    }

    private static final Pattern PTS_TIME = Pattern.compile("pts_time:\\s*(-?[0-9.]+)");

    /** FFmpeg's reading: the presentation times of the frames its scene score picks. */
    static List<Double> ffmpegCuts(Path clip) throws MediaException {
        Ffmpeg ffmpeg = Fixtures.ffmpeg();
        List<String> args = List.of("-nostdin", "-hide_banner", "-i", clip.toString(), "-map", "0:v:0", "-vf",
                "scale=96:54,select='gt(scene,0.3)',showinfo", "-f", "null", "-");
        try {
            Process p = ffmpeg.builder(Ffmpeg.Tool.FFMPEG, args).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            List<Double> times = new ArrayList<>();
            for (String line : out.lines().filter(l -> l.contains("Parsed_showinfo")).toList()) {
                Matcher m = PTS_TIME.matcher(line);
                if (m.find()) {
                    times.add(Double.parseDouble(m.group(1)));
                }
            }
            return times;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
