package dev.backbeat.engine.synth;

import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Soundbank;
import javax.sound.midi.Synthesizer;
import javax.sound.midi.Track;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders MIDI tracks offline with Gervill, the JDK's software synthesizer, without a sound card.
 * Its offline entry point ({@code AudioSynthesizer.openStream}) is JDK-internal, so it is reached
 * by reflection; the JVM needs {@code --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED}.
 */
public final class GervillRenderer {

    public static final float RATE = 48_000f;
    private static final int CHUNK = 4096;

    private final Soundbank soundbank;
    private final boolean ownEffects;

    public GervillRenderer(Soundbank soundbank) {
        this(soundbank, true);
    }

    /**
     * @param ownEffects the synthesizer's own reverb and the parts' MIDI pans (false: dry and centred,
     *                   for a production chain that places the parts and gives them their space)
     */
    public GervillRenderer(Soundbank soundbank, boolean ownEffects) {
        this.soundbank = soundbank;
        this.ownEffects = ownEffects;
    }

    /** Renders the given tracks (tempo comes from the whole sequence) to stereo float samples. */
    public float[][] render(Sequence seq, int[] tracks, double durationSec) {
        int frames = (int) Math.round(durationSec * RATE);
        float[][] out = new float[2][frames];
        try (Stream stream = open(seq, tracks)) {
            int done = 0;
            while (done < frames) {
                int got = stream.read(out, done, Math.min(CHUNK, frames - done));
                if (got <= 0) break;
                done += got;
            }
            return out;
        }
    }

    /**
     * A synthesizer playing the given tracks, read a piece at a time, so a long piece can be
     * summed as it is made instead of held whole.
     */
    public Stream open(Sequence seq, int[] tracks) {
        return open(seq, tracks, -1);
    }

    /**
     * As {@link #open(Sequence, int[])}, playing only one MIDI channel of those tracks ({@code -1}:
     * all). The synthesizer is linear in its channels (each voice, and the reverb, only adds), so
     * the channels rendered apart add up to the tracks rendered together, up to rounding.
     */
    public Stream open(Sequence seq, int[] tracks, int channel) {
        return open(seq, tracks, channel, key -> true);
    }

    /**
     * As {@link #open(Sequence, int[], int)}, playing only the notes whose key {@code keys} accepts
     * (a drum kit's kick apart from its hats, say); controllers and programs all go through.
     */
    public Stream open(Sequence seq, int[] tracks, int channel, java.util.function.IntPredicate keys) {
        TempoMap tempo = new TempoMap(seq);
        Synthesizer synth = newSynth();
        AudioInputStream in = null;
        try {
            in = open(synth, ownEffects);
            // Loading only the instruments these tracks play: preparing all of a General MIDI bank's
            // instruments cost more than some whole renders, and even one program number matches a
            // piano, its variations and a drum kit.
            int loaded = 0;
            for (javax.sound.midi.Instrument ins : wanted(soundbank.getInstruments(), patches(seq, tracks, channel))) {
                if (synth.loadInstrument(ins)) loaded++;
            }
            if (loaded == 0) throw new SynthException("The SoundFont has none of the instruments needed.");
            Receiver rx = synth.getReceiver();
            for (int ti : tracks) {
                Track t = seq.getTracks()[ti];
                for (int i = 0; i < t.size(); i++) {
                    MidiEvent e = t.get(i);
                    MidiMessage m = e.getMessage();
                    if (m instanceof ShortMessage sm && (channel < 0 || sm.getChannel() == channel)) {
                        int cmd = sm.getCommand();
                        if ((cmd == ShortMessage.NOTE_ON || cmd == ShortMessage.NOTE_OFF) && !keys.test(sm.getData1())) {
                            continue;
                        }
                        if (!ownEffects && cmd == ShortMessage.CONTROL_CHANGE && sm.getData1() == 10) {
                            continue;
                        }
                        rx.send(m, tempo.micros(e.getTick()));
                    }
                }
            }
            return new Stream(synth, in);
        } catch (javax.sound.midi.MidiUnavailableException e) {
            synth.close();
            throw new SynthException("The synthesizer is unavailable: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            synth.close();
            throw e;
        }
    }

    /** The sound of one synthesizer, read in order. */
    public static final class Stream implements AutoCloseable {
        private final Synthesizer synth;
        private final AudioInputStream in;
        private final byte[] buf = new byte[CHUNK * 8];
        private final java.nio.FloatBuffer floats = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        private final float[] samples = new float[CHUNK * 2];

        Stream(Synthesizer synth, AudioInputStream in) {
            this.synth = synth;
            this.in = in;
        }

        /** Reads up to {@code n} frames into {@code out} from {@code offset}; returns how many. */
        public int read(float[][] out, int offset, int n) {
            int done = 0;
            float[] left = out[0];
            float[] right = out[1];
            try {
                while (done < n) {
                    int want = Math.min(CHUNK, n - done) * 8;
                    int got = in.readNBytes(buf, 0, want);
                    if (got <= 0) break;
                    int frames = got / 8;
                    // one bulk copy (a memory copy even before the JIT has compiled this loop), then deinterleave
                    floats.clear();
                    floats.get(samples, 0, 2 * frames);
                    int at = offset + done;
                    for (int f = 0, k = 0; f < frames; f++, k += 2) {
                        left[at + f] = samples[k];
                        right[at + f] = samples[k + 1];
                    }
                    done += frames;
                }
                return done;
            } catch (IOException e) {
                throw new SynthException("Synthesis stopped: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException ignored) {
                // the synthesizer is closed next in any case
            }
            synth.close();
        }
    }

    /** An instrument as a channel asks for it: bank (CC0 × 128 + CC32), program, and whether it is the drum channel's. */
    record Wanted(int bank, int program, boolean percussion) {
    }

    /** What the channels of these tracks (or the one channel asked for) select; a channel that selects nothing plays bank 0, program 0. */
    static java.util.Set<Wanted> patches(Sequence seq, int[] tracks, int channel) {
        java.util.Set<Wanted> out = new java.util.LinkedHashSet<>();
        int[] msb = new int[16];
        int[] lsb = new int[16];
        boolean[] used = new boolean[16];
        boolean[] chosen = new boolean[16];
        for (int ti : tracks) {
            Track t = seq.getTracks()[ti];
            for (int i = 0; i < t.size(); i++) {
                if (!(t.get(i).getMessage() instanceof ShortMessage m) || (channel >= 0 && m.getChannel() != channel)) continue;
                int ch = m.getChannel();
                used[ch] = true;
                if (m.getCommand() == ShortMessage.CONTROL_CHANGE && m.getData1() == 0) msb[ch] = m.getData2();
                if (m.getCommand() == ShortMessage.CONTROL_CHANGE && m.getData1() == 32) lsb[ch] = m.getData2();
                if (m.getCommand() == ShortMessage.PROGRAM_CHANGE) {
                    out.add(new Wanted(msb[ch] * 128 + lsb[ch], m.getData1(), ch == 9));
                    chosen[ch] = true;
                }
            }
        }
        for (int ch = 0; ch < 16; ch++) {
            if (used[ch] && !chosen[ch]) out.add(new Wanted(0, 0, ch == 9));
        }
        if (out.isEmpty()) out.add(new Wanted(0, 0, channel == 9));
        return out;
    }

    /**
     * The bank's instruments for what is wanted: the exact patch, else the same program in bank 0
     * (what the synthesizer falls back to), else every instrument with that program number.
     */
    static java.util.List<javax.sound.midi.Instrument> wanted(javax.sound.midi.Instrument[] bank, java.util.Set<Wanted> wanted) {
        java.util.List<javax.sound.midi.Instrument> out = new java.util.ArrayList<>();
        for (Wanted w : wanted) {
            java.util.List<javax.sound.midi.Instrument> exact = new java.util.ArrayList<>();
            java.util.List<javax.sound.midi.Instrument> bankZero = new java.util.ArrayList<>();
            java.util.List<javax.sound.midi.Instrument> anyBank = new java.util.ArrayList<>();
            for (javax.sound.midi.Instrument ins : bank) {
                javax.sound.midi.Patch p = ins.getPatch();
                if (p.getProgram() != w.program()) continue;
                anyBank.add(ins);
                if (percussion(p) != w.percussion()) continue;
                if (p.getBank() == w.bank()) exact.add(ins);
                if (p.getBank() == 0) bankZero.add(ins);
            }
            java.util.List<javax.sound.midi.Instrument> pick = !exact.isEmpty() ? exact : !bankZero.isEmpty() ? bankZero : anyBank;
            for (javax.sound.midi.Instrument ins : pick) {
                if (!out.contains(ins)) out.add(ins);
            }
        }
        return out;
    }

    /** Gervill's patches say whether they are drum kits ({@code ModelPatch.isPercussion}, JDK-internal: reached by reflection). */
    private static boolean percussion(javax.sound.midi.Patch p) {
        try {
            return p.getClass().getName().equals("com.sun.media.sound.ModelPatch")
                    && (Boolean) p.getClass().getMethod("isPercussion").invoke(p);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private static Synthesizer newSynth() {
        try {
            return (Synthesizer) Class.forName("com.sun.media.sound.SoftSynthesizer").getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new SynthException("This Java runtime has no Gervill synthesizer: use OpenJDK 17 or later.", e);
        }
    }

    private static AudioInputStream open(Synthesizer synth, boolean reverb) {
        AudioFormat format = new AudioFormat(AudioFormat.Encoding.PCM_FLOAT, RATE, 32, 2, 8, RATE, false);
        Map<String, Object> info = new HashMap<>();
        info.put("load default soundbank", false);
        info.put("auto gain control", false);
        info.put("jitter correction", false);
        info.put("interpolation", "linear");
        info.put("max polyphony", 96);
        // without its own effects the synthesizer's output is dry, for a chain that adds its own room
        info.put("reverb", reverb);
        // The light reverb costs about half of the full one, and under a video's sound it is enough.
        info.put("light reverb", true);
        // No part sends to the chorus (CC93 stays 0), so running it would only cost time.
        info.put("chorus", false);
        try {
            Method m = Class.forName("com.sun.media.sound.AudioSynthesizer")
                    .getMethod("openStream", AudioFormat.class, Map.class);
            return (AudioInputStream) m.invoke(synth, format, info);
        } catch (IllegalAccessException e) {
            throw new SynthException("Start Java with --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED "
                    + "(the backbeat launcher does this) so the synthesizer can render offline.", e);
        } catch (InvocationTargetException e) {
            throw new SynthException("The synthesizer could not start: " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new SynthException("This Java runtime has no offline Gervill renderer.", e);
        }
    }
}
