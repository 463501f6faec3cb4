package dev.backbeat.engine.song;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the samples of a fitting plan, read a block at a time from the decoded song: each piece
 * laid after the last with a 20 ms equal-power crossfade centred on the join, the end faded as
 * planned, and the song's beats and bar lines carried into output time.
 */
final class FitRenderer {
    private static final int RATE = SongDecoder.RATE;
    private static final int BLOCK = 1 << 16;

    /** Makes the samples of a plan: exactly {@code target} seconds, joins crossfaded, the end faded as planned. */
    FittedSong render(Song song, SongFitter.Plan plan, double target) throws IOException {
        int total = (int) Math.round(target * RATE);
        float[] outL = new float[total];
        float[] outR = new float[total];
        int half = (int) Math.round(plan.crossfadeSec() * RATE / 2);
        List<FittedSong.Piece> pieces = new ArrayList<>();
        List<FittedSong.Join> joins = new ArrayList<>();
        List<Double> beats = new ArrayList<>();
        List<Double> bars = new ArrayList<>();
        SongGrid g = song.grid();
        float[] l = new float[BLOCK];
        float[] r = new float[BLOCK];
        try (SongSamples src = new SongSamples(song.decoded().pcm())) {
            long at = 0;
            for (int i = 0; i < plan.pieces().size() && at < total; i++) {
                double[] p = plan.pieces().get(i);
                long from = Math.round(p[0] * RATE);
                long to = Math.round(p[1] * RATE);
                boolean first = i == 0;
                boolean last = i == plan.pieces().size() - 1;
                // each piece is read a half-crossfade beyond its ends, where it has neighbours
                long readFrom = first ? from : from - half;
                long readTo = last ? to : to + half;
                int n = (int) (readTo - readFrom);
                long outFrom = at - (from - readFrom);
                // read a block at a time: a piece may be most of a 20-minute song
                for (int done = 0; done < n; done += BLOCK) {
                    int m = Math.min(BLOCK, n - done);
                    src.read(readFrom + done, m, l, r);
                    for (int q = 0; q < m; q++) {
                        int k = done + q;
                        long o = outFrom + k;
                        if (o < 0 || o >= total) {
                            continue;
                        }
                        double gain = 1;
                        if (!first && k < 2 * half) {
                            gain = Math.sin(0.5 * Math.PI * (k + 0.5) / (2 * half));
                        }
                        if (!last && k >= n - 2 * half) {
                            gain *= Math.cos(0.5 * Math.PI * (k - (n - 2 * half) + 0.5) / (2 * half));
                        }
                        outL[(int) o] += (float) (l[q] * gain);
                        outR[(int) o] += (float) (r[q] * gain);
                    }
                }
                double atSec = at / (double) RATE;
                pieces.add(new FittedSong.Piece(p[0], p[1], atSec));
                if (!first) {
                    double[] prev = plan.pieces().get(i - 1);
                    joins.add(new FittedSong.Join(atSec, prev[1], p[0]));
                }
                for (double b : g.beats()) {
                    if (b >= p[0] - 1e-6 && b < p[1] - 1e-6) {
                        add(beats, atSec + b - p[0], target);
                    }
                }
                for (double b : g.bars()) {
                    if (b >= p[0] - 1e-6 && b < p[1] - 1e-6) {
                        add(bars, atSec + b - p[0], target);
                    }
                }
                at += to - from;
            }
        }
        if (!plan.pieces().isEmpty() && plan.pieces().get(0)[0] > 0.01) {
            // the song entered mid-way: 3 ms up from silence rather than a step
            int in = Math.min(total, RATE * 3 / 1000);
            for (int k = 0; k < in; k++) {
                outL[k] *= (k + 0.5f) / in;
                outR[k] *= (k + 0.5f) / in;
            }
        }
        int fade = (int) Math.round(Math.min(plan.fadeSec(), target / 2) * RATE);
        for (int k = 0; k < fade; k++) {
            int o = total - fade + k;
            // a raised-cosine fade reaching silence on the last frame
            float gain = (float) (0.5 + 0.5 * Math.cos(Math.PI * (k + 1) / fade));
            outL[o] *= gain;
            outR[o] *= gain;
        }
        return new FittedSong(new float[][] {outL, outR}, pieces, joins, toArray(beats), toArray(bars), g.bpm(),
                fade / (double) RATE, plan.how());
    }

    private static void add(List<Double> times, double t, double target) {
        if (t < target - 1e-6 && (times.isEmpty() || t - times.get(times.size() - 1) > 0.05)) {
            times.add(t);
        }
    }

    private static double[] toArray(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
