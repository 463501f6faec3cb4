package dev.backbeat.engine.song;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Fits a song to a video's length the way an editor remixes one: the song is cut at bar lines
 * (phrase boundaries preferred) and rejoined where the bars either side sound alike, a middle stretch
 * taken out when the song is longer than the video, a stretch repeated when it is shorter, so
 * the result keeps the song's start and ENDS ON ITS OWN ENDING at the video's last frame. What bar
 * lines cannot make exact is taken off the start (whole beats, rarely) and off the final chord's
 * release (a fade of at most 1.5 s). Joins are 20 ms equal-power crossfades centred on the bar line.
 * A song without a clear beat is simply cut and faded (or looped whole), and says so.
 */
public final class SongFitter {
    public static final double CROSSFADE_SEC = 0.020;
    public static final double MAX_FADE_SEC = 1.5;
    /** The song's own ending kept whole: the final bar and at least this many bars before it. */
    static final int ENDING_BARS = 2;
    /** The song may end this much before the video (silence after its last sound), no more. */
    static final double END_SLACK_SEC = 0.15;

    /** What to play: pieces of the song in order (song seconds), the fade at the end, the joins' crossfade, and why. */
    public record Plan(List<double[]> pieces, double fadeSec, double cost, String how, double crossfadeSec) {
        public Plan(List<double[]> pieces, double fadeSec, double cost, String how) {
            this(pieces, fadeSec, cost, how, CROSSFADE_SEC);
        }

        public double rawLengthSec() {
            return pieces.stream().mapToDouble(p -> p[1] - p[0]).sum();
        }
    }

    /** Fits the song to {@code targetSec} seconds. */
    public FittedSong fit(Song song, double targetSec) throws IOException {
        if (!(targetSec > 0.1)) {
            throw new IllegalArgumentException("The video is too short for a song (" + targetSec + " s).");
        }
        return new FitRenderer().render(song, plan(song.grid(), song.barFeatures(), song.frameRms(), targetSec), targetSec);
    }

    /** The best plan for a target length (a song without a beat is simply cut and faded). */
    public Plan plan(SongGrid g, double[][] features, double target) {
        return plan(g, features, null, target);
    }

    /** The best plan for a target length; {@code frameRms} (may be null) lets a song without a beat be joined where it is quiet. */
    public Plan plan(SongGrid g, double[][] features, float[] frameRms, double target) {
        double start0 = g.soundStart() > 0.5 ? g.soundStart() - 0.05 : 0;
        double stop = g.soundEnd();
        if (!g.hasBeat() || g.bars().length < ENDING_BARS + 2) {
            Plan quiet = frameRms == null ? null : QuietJoins.plan(frameRms, start0, stop, target);
            return quiet != null ? quiet : unbeaten(start0, stop, target);
        }
        Plan best = new Search(g, features, target, start0, stop).best();
        if (best != null) {
            return best;
        }
        // no bar-line plan reaches the target (a video shorter than the song's ending): as for a song without a beat
        Plan other = frameRms == null ? null : QuietJoins.plan(frameRms, start0, stop, target);
        Plan p = other != null ? other : unbeaten(start0, stop, target);
        return new Plan(p.pieces(), p.fadeSec(), p.cost(), p.how().replace("no clear beat", "too short for cuts on bar lines"),
                p.crossfadeSec());
    }

    /**
     * How unlike the bars meeting at a join are, against the song's own bar-to-bar change: the mean
     * feature distance of the bars after and before the join (as against those the song had there),
     * over the median distance between consecutive bars. Under 1: smoother than the song's typical
     * bar change; NaN when either time is no bar line.
     */
    public static double joinUnlikeness(Song song, double leftSec, double enteredSec) {
        double[] bars = song.grid().bars();
        int a = java.util.Arrays.binarySearch(bars, leftSec);
        int b = java.util.Arrays.binarySearch(bars, enteredSec);
        double[][] f = song.barFeatures();
        if (a < 0 || b < 0 || a >= f.length || b >= f.length || f.length < 2) {
            return Double.NaN;
        }
        double[] d = new double[f.length - 1];
        for (int i = 0; i + 1 < f.length; i++) {
            d[i] = MeterFinder.distance(f[i], f[i + 1]);
        }
        Arrays.sort(d);
        double typical = Math.max(1e-3, d[d.length / 2]);
        double d1 = MeterFinder.distance(f[a], f[b]);
        double d2 = a > 0 && b > 0 ? MeterFinder.distance(f[a - 1], f[b - 1]) : d1;
        return 0.5 * (d1 + d2) / typical;
    }

    /** Mean {@link #joinUnlikeness} over every bar pair a bar or more apart: what a join picked blindly would score. */
    public static double blindJoinUnlikeness(Song song) {
        double[] bars = song.grid().bars();
        double sum = 0;
        int n = 0;
        for (int a = 1; a < bars.length; a += 3) {
            for (int b = 1; b < bars.length; b += 3) {
                if (Math.abs(a - b) >= 2) {
                    double u = joinUnlikeness(song, bars[a], bars[b]);
                    if (!Double.isNaN(u)) {
                        sum += u;
                        n++;
                    }
                }
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** No beat to cut on: the start of the song, faded out over the last seconds, or the whole song looped. */
    static Plan unbeaten(double start0, double stop, double target) {
        List<double[]> pieces = new ArrayList<>();
        double len = stop - start0;
        if (len >= target) {
            pieces.add(new double[] {start0, start0 + target});
            return new Plan(pieces, Math.min(MAX_FADE_SEC, target / 4), 0,
                    "no clear beat: the start of the song, faded out at the end");
        }
        if (len >= target - 1) {
            // a moment short: the whole song, then a little silence
            pieces.add(new double[] {start0, stop});
            return new Plan(pieces, 0, 0, "no clear beat: the whole song, a moment shorter than the video");
        }
        double at = 0;
        while (at < target) {
            pieces.add(new double[] {start0, stop});
            at += len;
        }
        return new Plan(pieces, Math.min(MAX_FADE_SEC, target / 4), 0,
                "no clear beat: the whole song played " + pieces.size() + " times, faded out at the end");
    }

    /** The search over one cut (longer song) or one repeated stretch (shorter song), both at bar lines. */
    private static final class Search {
        private final SongGrid g;
        private final double[][] f;
        private final double target;
        private final double start0;
        private final double stop;
        private final double[] bars;
        private final boolean[] phrase;
        private final double beat;
        private final double ring;
        private final double typical;
        private Plan best;

        Search(SongGrid g, double[][] features, double target, double start0, double stop) {
            this.g = g;
            this.f = features;
            this.target = target;
            this.start0 = start0;
            this.stop = stop;
            this.bars = g.bars();
            this.beat = g.beatSec();
            this.phrase = new boolean[bars.length];
            for (int i = 0; i < bars.length; i++) {
                for (double p : g.phrases()) {
                    if (Math.abs(p - bars[i]) < 1e-6) {
                        phrase[i] = true;
                    }
                }
            }
            // the release after the final chord's first beat: what may be faded without touching the music
            this.ring = Math.max(0, stop - (bars[bars.length - 1] + beat));
            double[] d = new double[Math.max(1, bars.length - 1)];
            for (int i = 0; i + 1 < bars.length; i++) {
                d[i] = MeterFinder.distance(f[i], f[i + 1]);
            }
            Arrays.sort(d);
            this.typical = Math.max(1e-3, d[d.length / 2]);
        }

        Plan best() {
            int n = bars.length;
            int lastTail = n - 1 - ENDING_BARS;
            consider(List.of(new double[] {start0, stop}), 0, "the whole song");
            double full = stop - start0;
            if (full > target - beat) {
                // longer: leave at bar j, go on from bar k (j < k), skipping the bars between
                for (int j = 0; j < n; j++) {
                    for (int k = j + 1; k <= lastTail; k++) {
                        double len = (bars[j] - start0) + (stop - bars[k]);
                        if (len < target - beat || len - target > 16 * beat) {
                            continue;
                        }
                        List<double[]> p = new ArrayList<>();
                        if (bars[j] - start0 > 0.05) {
                            p.add(new double[] {start0, bars[j]});
                        }
                        p.add(new double[] {bars[k], stop});
                        double jc = (p.size() == 1 ? 0.3 : joinCost(j, k)) + headCost(bars[j] - start0);
                        consider(p, jc, String.format(Locale.ROOT, "bars %d-%d left out", j + 1, k));
                    }
                }
            }
            if (full < target + MAX_FADE_SEC) {
                // shorter: at bar k go back to bar j (j < k) and play bars j..k-1 again, r times
                for (int j = 0; j < n - 1; j++) {
                    for (int k = j + 2; k < n; k++) {
                        double loop = bars[k] - bars[j];
                        int around = (int) Math.round((target - full) / loop);
                        for (int r = Math.max(1, around - 1); r <= around + 1; r++) {
                            List<double[]> p = new ArrayList<>();
                            p.add(new double[] {start0, bars[k]});
                            for (int i = 1; i < r; i++) {
                                p.add(new double[] {bars[j], bars[k]});
                            }
                            p.add(new double[] {bars[j], stop});
                            consider(p, r * joinCost(k, j) + loopCost(j, k), String.format(Locale.ROOT, "bars %d-%d played %d more time%s",
                                    j + 1, k, r, r == 1 ? "" : "s"));
                        }
                    }
                }
            }
            // null: nothing within reach of the target on bar lines
            return best;
        }

        /**
         * The cost of leaving the song at bar line {@code a} to go on at bar line {@code b}: how
         * unlike the bars now meeting are to the ones that met there in the song (both sides of
         * the join), less a bonus for phrase boundaries and whole-phrase jumps.
         */
        double joinCost(int a, int b) {
            double d1 = MeterFinder.distance(f[a], f[b]);
            double d2 = a > 0 && b > 0 ? MeterFinder.distance(f[a - 1], f[b - 1]) : d1;
            double c = 0.4 + 0.5 * (d1 + d2) / typical;
            int onPhrase = (phrase[a] ? 1 : 0) + (phrase[b] ? 1 : 0);
            c -= onPhrase == 2 ? 0.4 : onPhrase == 1 ? 0.1 : 0;
            if (Math.abs(a - b) % g.barsPerPhrase() == 0) {
                c -= 0.15;
            }
            return Math.max(0.2, c);
        }

        /** Keeping less than two bars (or a quarter of the video) of the song's start costs: the start is part of the song. */
        double headCost(double head) {
            return head < Math.min(target / 4, 8 * beat) ? 0.6 : 0;
        }

        /**
         * What a repeated stretch costs besides its joins: under a phrase long, or quieter than the
         * song's loudest bars (an intro looped rather than the body), it sounds like a stuck record.
         */
        double loopCost(int j, int k) {
            double c = k - j < g.barsPerPhrase() ? 0.3 * (g.barsPerPhrase() - (k - j)) / g.barsPerPhrase() : 0;
            double loudest = Double.NEGATIVE_INFINITY;
            for (double[] bar : f) {
                loudest = Math.max(loudest, bar[12]);
            }
            double mean = 0;
            for (int i = j; i < k; i++) {
                mean += f[i][12];
            }
            mean /= k - j;
            // loudness is kept in dB / 60: 0.2 for each 6 dB under the loudest bar
            return c + 0.2 * Math.max(0, loudest - mean) * 60 / 6;
        }

        /** Scores a plan once trimmed to the target: by a few whole beats off its start, or by fading the release. */
        void consider(List<double[]> pieces, double joinCost, String how) {
            double len = pieces.stream().mapToDouble(p -> p[1] - p[0]).sum();
            double d = len - target;
            evaluate(pieces, joinCost, how, 0, d);
            double[] first = pieces.get(0);
            // a bar at most, never into the song's ending, and leaving the first piece at least a bar
            double limit = Math.min(Math.min(first[1] - 4 * beat, first[0] + 4 * beat + 0.05), bars[bars.length - 1 - ENDING_BARS]);
            // the latest beat of the first piece that still leaves the rest at least the target
            double bestOffset = -1;
            for (double b : g.beats()) {
                double o = b - first[0];
                if (o > 0.05 && b <= limit && o <= d && o > bestOffset) {
                    bestOffset = o;
                }
            }
            if (bestOffset > 0) {
                List<double[]> trimmed = new ArrayList<>(pieces);
                trimmed.set(0, new double[] {first[0] + bestOffset, first[1]});
                evaluate(trimmed, joinCost + 0.5 + 0.1 * bestOffset / beat, how + String.format(Locale.ROOT,
                        ", starting %d beat%s in", Math.round(bestOffset / beat), Math.round(bestOffset / beat) == 1 ? "" : "s"),
                        bestOffset, d - bestOffset);
            }
        }

        private void evaluate(List<double[]> pieces, double cost, String how, double trimmed, double excess) {
            if (excess < -END_SLACK_SEC || excess > MAX_FADE_SEC + ring) {
                return;
            }
            double c = cost;
            if (excess < 0) {
                c += 1.0; // the song over a moment before the video: allowed, by a hair
            } else {
                // the release may be faded; a long fade over the final chord, or into it, costs
                c += 0.1 * Math.min(excess, 0.5) + 0.6 * Math.max(0, Math.min(excess, ring) - 0.5)
                        + 1.0 * Math.max(0, excess - ring);
            }
            if (best == null || c < best.cost()) {
                // the fade starts once the final chord has sounded a beat (at least 100 ms long)
                double fade = excess > 0.02 ? Math.min(Math.min(MAX_FADE_SEC, 0.3 + excess), Math.max(0.1, ring - excess)) : 0;
                best = new Plan(List.copyOf(pieces), fade, c, how);
            }
        }
    }
}
