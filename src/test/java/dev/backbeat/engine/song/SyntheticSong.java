package dev.backbeat.engine.song;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A song made in Java with a known grid: an intro (chords, hats, a kick on each downbeat), a body
 * (kick on 1 and 3, snare on 2 and 4, hats on the eighths, bass and chords changing each bar), and
 * an ending (a bar of hits on every beat, then a final chord ringing out to silence).
 */
final class SyntheticSong {
    static final int RATE = 48_000;
    static final double FIRST_BEAT = 0.30;
    private static final double[][] CHORDS = {
            {261.63, 329.63, 392.00}, {196.00, 246.94, 293.66}, {220.00, 261.63, 329.63}, {174.61, 220.00, 261.63},
            {220.00, 261.63, 329.63}, {174.61, 220.00, 261.63}, {261.63, 329.63, 392.00}, {196.00, 246.94, 293.66}};

    final double bpm;
    final int introBars;
    final int bodyBars;
    final int endingBars;
    final float[] left;
    final float[] right;

    SyntheticSong(double bpm, int introBars, int bodyBars, int endingBars, long seed) {
        this(bpm, introBars, bodyBars, endingBars, seed, true);
    }

    /** With {@code eighthHats} false the hats play the beats only (no off-beat for a tracker to lock onto). */
    SyntheticSong(double bpm, int introBars, int bodyBars, int endingBars, long seed, boolean eighthHats) {
        this.bpm = bpm;
        this.introBars = introBars;
        this.bodyBars = bodyBars;
        this.endingBars = endingBars;
        double beat = 60 / bpm;
        int bars = introBars + bodyBars + endingBars;
        double length = FIRST_BEAT + bars * 4 * beat + 3.0;
        int n = (int) (length * RATE);
        left = new float[n];
        right = new float[n];
        Random rnd = new Random(seed);
        for (int bar = 0; bar < bars; bar++) {
            double t0 = FIRST_BEAT + bar * 4 * beat;
            boolean intro = bar < introBars;
            boolean ending = bar >= introBars + bodyBars;
            boolean last = bar == bars - 1;
            double[] chord = CHORDS[(bar + (bar >= introBars + 8 ? 4 : 0)) % CHORDS.length];
            if (last) {
                chord = CHORDS[0];
                kick(t0, 1.0);
                pad(chord, t0, 3.5, 0.9, 0.25);
                tone(chord[0] / 2, t0, 3.0, 0.35, 0.9);
                continue;
            }
            pad(chord, t0, 4 * beat, intro ? 0.10 : 0.12, 0.0);
            if (!intro) {
                tone(chord[0] / 2, t0, 2 * beat, 0.30, 0.45);
                tone(chord[0] / 2, t0 + 2 * beat, 2 * beat, 0.22, 0.45);
            }
            for (int b = 0; b < 4; b++) {
                double t = t0 + b * beat;
                if (ending) {
                    kick(t, b == 0 ? 1.0 : 0.7);
                    snare(t, 0.5, rnd);
                    pad(chord, t, beat, 0.12, 0.0);
                } else if (intro) {
                    if (b == 0) {
                        kick(t, 0.8);
                    }
                    // a soft chord stab on each beat keeps the pulse without drums
                    pad(chord, t, 0.25 * beat, 0.05, 0.0);
                } else {
                    if (b == 0 || b == 2) {
                        kick(t, b == 0 ? 1.0 : 0.75);
                    } else {
                        snare(t, 0.55, rnd);
                    }
                }
                hat(t, ending ? 0.10 : 0.12, rnd);
                if (eighthHats) {
                    hat(t + beat / 2, 0.07, rnd);
                }
            }
        }
    }

    double beatSec() {
        return 60 / bpm;
    }

    /** Every beat from the first to the final chord's downbeat. */
    double[] beats() {
        int count = 4 * (introBars + bodyBars + endingBars - 1) + 1;
        double[] b = new double[count];
        for (int i = 0; i < count; i++) {
            b[i] = FIRST_BEAT + i * beatSec();
        }
        return b;
    }

    double[] bars() {
        int count = introBars + bodyBars + endingBars;
        double[] b = new double[count];
        for (int i = 0; i < count; i++) {
            b[i] = FIRST_BEAT + 4 * i * beatSec();
        }
        return b;
    }

    /** Where the final chord starts. */
    double finalBar() {
        double[] b = bars();
        return b[b.length - 1];
    }

    double durationSec() {
        return left.length / (double) RATE;
    }

    private void kick(double t, double amp) {
        int a = (int) (t * RATE);
        double phase = 0;
        for (int i = 0; i < 0.35 * RATE && a + i < left.length; i++) {
            double s = i / (double) RATE;
            double f = 50 + 90 * Math.exp(-s / 0.03);
            phase += 2 * Math.PI * f / RATE;
            double v = amp * 0.9 * Math.sin(phase) * Math.exp(-s / 0.12);
            left[a + i] += (float) v;
            right[a + i] += (float) v;
        }
    }

    private void snare(double t, double amp, Random rnd) {
        int a = (int) (t * RATE);
        double lp = 0;
        for (int i = 0; i < 0.2 * RATE && a + i < left.length; i++) {
            double s = i / (double) RATE;
            double noise = rnd.nextDouble() * 2 - 1;
            lp += 0.5 * (noise - lp);
            double v = amp * (0.6 * (noise - lp) * Math.exp(-s / 0.06) + 0.4 * Math.sin(2 * Math.PI * 185 * s) * Math.exp(-s / 0.04));
            left[a + i] += (float) v;
            right[a + i] += (float) v;
        }
    }

    private void hat(double t, double amp, Random rnd) {
        int a = (int) (t * RATE);
        double prev = 0;
        for (int i = 0; i < 0.06 * RATE && a + i < left.length; i++) {
            double s = i / (double) RATE;
            double noise = rnd.nextDouble() * 2 - 1;
            double hp = noise - prev;
            prev = noise;
            double v = amp * 0.5 * hp * Math.exp(-s / 0.015);
            left[a + i] += (float) (v * 0.8);
            right[a + i] += (float) v;
        }
    }

    /** A chord of soft sawtooth-ish tones, {@code release} seconds of exponential decay (0: held, then a 30 ms fade). */
    private void pad(double[] chord, double t, double dur, double amp, double release) {
        for (double f : chord) {
            tone(f, t, dur, amp, release);
        }
    }

    private void tone(double f, double t, double dur, double amp, double release) {
        int a = (int) (t * RATE);
        int len = (int) (dur * RATE);
        for (int i = 0; i < len && a + i < left.length; i++) {
            double s = i / (double) RATE;
            double env = Math.min(1, s / 0.01);
            env *= release > 0 ? Math.exp(-s / release) : Math.min(1, (dur - s) / 0.03);
            double w = Math.sin(2 * Math.PI * f * s) + 0.3 * Math.sin(4 * Math.PI * f * s) + 0.15 * Math.sin(6 * Math.PI * f * s);
            double v = amp * env * w;
            left[a + i] += (float) v;
            right[a + i] += (float) (v * 0.95);
        }
    }

    /** Writes the song as 16-bit WAV at 48 kHz, peaks scaled under full scale. */
    Path writeWav(Path out) throws IOException {
        float peak = 1e-9f;
        for (int i = 0; i < left.length; i++) {
            peak = Math.max(peak, Math.max(Math.abs(left[i]), Math.abs(right[i])));
        }
        float g = 0.8f / peak;
        int n = left.length;
        ByteBuffer h = ByteBuffer.allocate(44 + 4 * n).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes()).putInt(36 + 4 * n).put("WAVE".getBytes());
        h.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 2).putInt(RATE).putInt(RATE * 4)
                .putShort((short) 4).putShort((short) 16);
        h.put("data".getBytes()).putInt(4 * n);
        for (int i = 0; i < n; i++) {
            h.putShort((short) Math.round(left[i] * g * 32767));
            h.putShort((short) Math.round(right[i] * g * 32767));
        }
        try (OutputStream o = Files.newOutputStream(out)) {
            o.write(h.array());
        }
        return out;
    }
}
