package dev.backbeat.engine.synth;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Soundbank;
import javax.sound.midi.Track;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders known notes of one instrument through Gervill, one at a time with silence after each, and
 * measures what a listener would catch: a silent key, a click at the onset, a release that never
 * ends, a loop that jumps, clipping, and how level and brightness follow velocity. The reverb send is
 * 0 so a tail is the instrument's own.
 */
public final class SoundFontAudit {

    /** How long a pitched note is held, and how long after note-off its tail is measured. */
    static final double HOLD_MELODIC = 1.2, HOLD_DRUM = 0.25, TAIL_FROM = 3.0, TAIL_TO = 3.5;
    private static final double RATE = GervillRenderer.RATE;

    /** What to play: an instrument (bank 128 for a drum kit), its keys and velocities. */
    public record Probe(String name, int bank, int program, int[] keys, int[] velocities) {
        public boolean drum() {
            return bank == 128;
        }
    }

    /**
     * One rendered note's measures: peak, and loudest 50-ms RMS while held (so a slow attack is not read as
     * quiet), in dBFS; the tail relative to the note's peak.
     */
    public record NoteCheck(int key, int velocity, double peakDb, double rmsDb, double onsetJump, double tailDb,
                            double loopJump, double centroidHz, boolean finite) {
        public boolean silent() {
            return peakDb < -60;
        }

        public boolean clipped() {
            return peakDb > -0.1;
        }
    }

    /** Every note of one probe. */
    public record Result(Probe probe, List<NoteCheck> notes) {

        public List<NoteCheck> silent() {
            return notes.stream().filter(NoteCheck::silent).toList();
        }

        /** Notes whose first 1.5 ms jump by more than anything in the next 100 ms: a click (pitched only). */
        public List<NoteCheck> clicks() {
            if (probe.drum()) return List.of();
            return notes.stream().filter(n -> !n.silent() && n.onsetJump() > CLICK_RATIO).toList();
        }

        /**
         * Notes still sounding {@value #TAIL_FROM} s after note-off: within 55 dB of their peak (a pitched
         * note), within 50 dB (a drum: a crash rings that long by nature).
         */
        public List<NoteCheck> stuck() {
            double limit = probe.drum() ? STUCK_DRUM_DB : STUCK_DB;
            return notes.stream().filter(n -> !n.silent() && n.tailDb() > limit).toList();
        }

        /** Notes whose held part has a sample step far beyond its usual steps (a loop seam). */
        public List<NoteCheck> loopSeams() {
            if (probe.drum()) return List.of();
            return notes.stream().filter(n -> !n.silent() && n.loopJump() > LOOP_RATIO).toList();
        }

        public boolean allFinite() {
            return notes.stream().allMatch(NoteCheck::finite);
        }

        /** RMS dB of the loudest velocity minus the softest, averaged over keys. */
        public double velocityRangeDb() {
            return spreadOverVelocity(NoteCheck::rmsDb, false);
        }

        /** Centroid at the loudest velocity over the softest, averaged over keys (> 1: harder is brighter). */
        public double brightnessRatio() {
            return spreadOverVelocity(NoteCheck::centroidHz, true);
        }

        /** Loudest minus softest key at the middle velocity (how even the keys are). */
        public double keySpreadDb() {
            int[] v = probe.velocities();
            int mid = v[v.length / 2];
            double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
            for (NoteCheck n : notes) {
                if (n.velocity() != mid || n.silent()) continue;
                lo = Math.min(lo, n.rmsDb());
                hi = Math.max(hi, n.rmsDb());
            }
            return hi < lo ? 0 : hi - lo;
        }

        /** RMS dBFS of the middle velocity, averaged over keys. */
        public double levelDb() {
            int[] v = probe.velocities();
            return notes.stream().filter(n -> n.velocity() == v[v.length / 2] && !n.silent())
                    .mapToDouble(NoteCheck::rmsDb).average().orElse(-120);
        }

        public double maxPeakDb() {
            return notes.stream().mapToDouble(NoteCheck::peakDb).max().orElse(-120);
        }

        private double spreadOverVelocity(java.util.function.ToDoubleFunction<NoteCheck> f, boolean ratio) {
            int[] v = probe.velocities();
            double sum = 0;
            int count = 0;
            for (int key : probe.keys()) {
                NoteCheck soft = find(key, v[0]);
                NoteCheck loud = find(key, v[v.length - 1]);
                if (soft == null || loud == null || soft.silent() || loud.silent()) continue;
                sum += ratio ? f.applyAsDouble(loud) / Math.max(1, f.applyAsDouble(soft))
                        : f.applyAsDouble(loud) - f.applyAsDouble(soft);
                count++;
            }
            return count == 0 ? 0 : sum / count;
        }

        private NoteCheck find(int key, int velocity) {
            for (NoteCheck n : notes) if (n.key() == key && n.velocity() == velocity) return n;
            return null;
        }
    }

    static final double CLICK_RATIO = 2.5, LOOP_RATIO = 12, STUCK_DB = -55, STUCK_DRUM_DB = -50;

    private final Soundbank bank;

    public SoundFontAudit(Soundbank bank) {
        this.bank = bank;
    }

    /** Plays every key at every velocity of the probe, apart, and measures each note. */
    public Result audit(Probe probe) {
        double hold = probe.drum() ? HOLD_DRUM : HOLD_MELODIC;
        double slot = hold + TAIL_TO;
        List<int[]> order = new ArrayList<>();
        for (int key : probe.keys()) for (int vel : probe.velocities()) order.add(new int[] {key, vel});
        Sequence seq = sequence(probe, order, hold, slot);
        float[][] sound = new GervillRenderer(bank).render(seq, new int[] {0}, 0.1 + slot * order.size());
        List<NoteCheck> notes = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            int on = (int) Math.round((0.1 + i * slot) * RATE);
            notes.add(measure(sound, on, hold, order.get(i)[0], order.get(i)[1]));
        }
        return new Result(probe, notes);
    }

    private static Sequence sequence(Probe probe, List<int[]> order, double hold, double slot) {
        try {
            Sequence seq = new Sequence(Sequence.PPQ, 480);
            Track t = seq.createTrack();
            // 120 BPM at 480 ticks a beat: 960 ticks a second
            t.add(new MidiEvent(new MetaMessage(0x51, new byte[] {0x07, (byte) 0xA1, 0x20}, 3), 0));
            int ch = probe.drum() ? 9 : 0;
            t.add(new MidiEvent(new ShortMessage(ShortMessage.CONTROL_CHANGE, ch, 0, probe.bank() >> 7), 0));
            t.add(new MidiEvent(new ShortMessage(ShortMessage.CONTROL_CHANGE, ch, 32, probe.bank() & 127), 0));
            t.add(new MidiEvent(new ShortMessage(ShortMessage.PROGRAM_CHANGE, ch, probe.program(), 0), 0));
            t.add(new MidiEvent(new ShortMessage(ShortMessage.CONTROL_CHANGE, ch, 91, 0), 0));
            t.add(new MidiEvent(new ShortMessage(ShortMessage.CONTROL_CHANGE, ch, 93, 0), 0));
            for (int i = 0; i < order.size(); i++) {
                long on = Math.round((0.1 + i * slot) * 960);
                long off = Math.round((0.1 + i * slot + hold) * 960);
                t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, ch, order.get(i)[0], order.get(i)[1]), on));
                t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, ch, order.get(i)[0], 0), off));
            }
            return seq;
        } catch (InvalidMidiDataException e) {
            throw new IllegalArgumentException("Bad probe " + probe.name() + ": " + e.getMessage(), e);
        }
    }

    static NoteCheck measure(float[][] sound, int noteOn, double hold, int key, int velocity) {
        // from a little before the note-on, so a note that starts at full swing shows its step from silence
        int on = Math.max(0, noteOn - ms(2));
        int off = noteOn + (int) Math.round(hold * RATE);
        int end = Math.min(sound[0].length, noteOn + (int) Math.round((hold + TAIL_TO) * RATE));
        float[] x = new float[Math.max(0, end - on)];
        boolean finite = true;
        double peak = 0;
        for (int i = 0; i < x.length; i++) {
            float l = sound[0][on + i], r = sound[1][on + i];
            x[i] = 0.5f * (l + r);
            finite &= Float.isFinite(l) && Float.isFinite(r);
            peak = Math.max(peak, Math.max(Math.abs(l), Math.abs(r)));
        }
        int heldEnd = off - on;
        double rms = 0;
        for (int w = 0; w + ms(50) <= heldEnd; w += ms(25)) rms = Math.max(rms, rms(x, w, w + ms(50)));
        // Gervill starts a note inside its first block: find where sound begins, then compare its first 1.5 ms
        int start = 0;
        while (start < heldEnd && Math.abs(x[start]) < peak * 1e-3) start++;
        double first = maxStep(x, Math.max(1, start), start + ms(1.5));
        double later = maxStep(x, start + ms(5), start + ms(100));
        double onsetJump = first / Math.max(later, peak * 1e-4);
        double tail = rms(x, off - on + (int) (TAIL_FROM * RATE), x.length);
        double loop = loopJump(x, start + ms(400), heldEnd - ms(20));
        double centroid = centroid(x, start, Math.min(heldEnd, start + ms(400)));
        return new NoteCheck(key, velocity, db(peak), db(rms), onsetJump, db(tail) - db(peak), loop, centroid, finite);
    }

    private static int ms(double ms) {
        return (int) Math.round(ms * RATE / 1000);
    }

    private static double maxStep(float[] x, int from, int to) {
        double m = 0;
        for (int i = Math.max(1, from); i < Math.min(to, x.length); i++) m = Math.max(m, Math.abs(x[i] - x[i - 1]));
        return m;
    }

    /** The largest sample step over the RMS step: a smooth or noisy held tone stays near 3-6, a seam spikes. */
    private static double loopJump(float[] x, int from, int to) {
        if (to - from < ms(50)) return 0;
        double sum = 0, max = 0;
        for (int i = from + 1; i < to; i++) {
            double d = Math.abs(x[i] - x[i - 1]);
            sum += d * d;
            max = Math.max(max, d);
        }
        double rmsStep = Math.sqrt(sum / (to - from - 1));
        return rmsStep < 1e-7 ? 0 : max / rmsStep;
    }

    private static double rms(float[] x, int from, int to) {
        double s = 0;
        int n = 0;
        for (int i = Math.max(0, from); i < Math.min(to, x.length); i++, n++) s += x[i] * (double) x[i];
        return n == 0 ? 0 : Math.sqrt(s / n);
    }

    private static double centroid(float[] x, int from, int to) {
        int n = Math.max(0, Math.min(to, x.length) - from);
        if (n < 64) return 0;
        float[] slice = new float[n];
        System.arraycopy(x, from, slice, 0, n);
        return SpectrumReport.of(new float[][] {slice, slice}).centroidHz();
    }

    private static double db(double x) {
        return 20 * Math.log10(x + 1e-12);
    }
}
