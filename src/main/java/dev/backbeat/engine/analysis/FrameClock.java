package dev.backbeat.engine.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * When each analysed frame is shown, in seconds from the start of the clip as a player counts it:
 * the decoder's best-effort presentation time, which FFmpeg has already moved so that the file's
 * start is 0 (a start offset or B-frame delay is taken out the way a player takes it out). Counting
 * frames at an average rate drifts on files joined by concat tools, on variable frame rate and
 * on frames the decoder had to time itself; the times the decoder gives do not.
 *
 * <p>The times come from FFmpeg's {@code metadata=mode=print} filter, one {@code frame:N pts:P}
 * line per frame (P in microseconds, or NOPTS). A frame with no usable time, or one that would go
 * back in time (a damaged join), is placed one frame after the one before it.
 */
final class FrameClock {

    private final double[] times;
    private final double frameSec;

    private FrameClock(double[] times, double frameSec) {
        this.times = times;
        this.frameSec = frameSec;
    }

    /** Reads the times FFmpeg printed for {@code frames} frames; frames it printed nothing for are counted on. */
    static FrameClock read(Path printed, int frames, double fps) throws IOException {
        double[] t = new double[frames];
        Arrays.fill(t, Double.NaN);
        if (printed != null && Files.exists(printed)) {
            try (BufferedReader r = Files.newBufferedReader(printed, StandardCharsets.ISO_8859_1)) {
                int n = 0;
                for (String line; (line = r.readLine()) != null && n < frames; ) {
                    if (line.startsWith("frame:")) {
                        t[n++] = micros(line);
                    }
                }
            }
        }
        return fromTimes(t, fps);
    }

    /** Times in seconds (NaN where unknown), repaired so that they rise. */
    static FrameClock fromTimes(double[] raw, double fps) {
        double frameSec = 1 / (fps > 0 ? fps : 25);
        double[] t = raw.clone();
        for (int i = 0; i < t.length; i++) {
            double previous = i == 0 ? Double.NaN : t[i - 1];
            if (Double.isNaN(t[i])) {
                t[i] = i == 0 ? 0 : previous + frameSec;
            } else if (i > 0 && t[i] <= previous) {
                t[i] = previous + frameSec;
            }
        }
        return new FrameClock(t, frameSec);
    }

    /** The "pts:" field of a printed line, in seconds, or NaN for NOPTS or a line not understood. */
    static double micros(String line) {
        int at = line.indexOf("pts:");
        if (at < 0) {
            return Double.NaN;
        }
        int from = at + 4;
        while (from < line.length() && line.charAt(from) == ' ') {
            from++;
        }
        int to = from;
        while (to < line.length() && (Character.isDigit(line.charAt(to)) || line.charAt(to) == '-')) {
            to++;
        }
        try {
            return to > from ? Long.parseLong(line.substring(from, to)) / 1e6 : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** When frame {@code n} starts showing. */
    double time(long n) {
        if (times.length == 0) {
            return n * frameSec;
        }
        if (n < times.length) {
            return times[(int) Math.max(0, n)];
        }
        return times[times.length - 1] + (n - times.length + 1) * frameSec;
    }

    /** When the last frame stops showing (one typical frame after it starts). */
    double endSec() {
        return times.length == 0 ? 0 : times[times.length - 1] + typicalFrameSec();
    }

    /** The first frame shown at or after {@code sec} (the frame count when none is). */
    int firstFrameAtOrAfter(double sec) {
        int i = Arrays.binarySearch(times, sec);
        return i >= 0 ? i : -i - 1;
    }

    /** The median gap between frames: one frame's length where the rate varies. */
    double typicalFrameSec() {
        if (times.length < 2) {
            return frameSec;
        }
        double[] gaps = new double[times.length - 1];
        for (int i = 1; i < times.length; i++) {
            gaps[i - 1] = times[i] - times[i - 1];
        }
        Arrays.sort(gaps);
        return gaps[gaps.length / 2];
    }

    /** The filter that prints the times to {@code file}, escaped for a filter graph. */
    static String printFilter(Path file) {
        // settb=AVTB: whole microseconds in "pts:", where "pts_time:" keeps only six digits (10 ms at 1000 s)
        return "settb=AVTB,metadata=mode=add:key=backbeat:value=1,metadata=mode=print:file="
                + graphEscape(optionEscape(file.toAbsolutePath().toString()));
    }

    private static String optionEscape(String value) {
        return value.replaceAll("([\\\\':])", "\\\\$1");
    }

    private static String graphEscape(String value) {
        return value.replaceAll("([\\\\'\\[\\],;])", "\\\\$1");
    }
}
