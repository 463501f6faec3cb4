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

    public GervillRenderer(Soundbank soundbank) {
        this.soundbank = soundbank;
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
        TempoMap tempo = new TempoMap(seq);
        Synthesizer synth = newSynth();
        AudioInputStream in = null;
        try {
            in = open(synth);
            // Loading only the programs these tracks play: preparing all of a General MIDI bank's
            // instruments cost more than some whole renders.
            java.util.Set<Integer> programs = programs(seq, tracks);
            int loaded = 0;
            for (javax.sound.midi.Instrument ins : soundbank.getInstruments()) {
                if (programs.contains(ins.getPatch().getProgram()) && synth.loadInstrument(ins)) loaded++;
            }
            if (loaded == 0 && !programs.isEmpty()) throw new SynthException("The SoundFont has none of the instruments needed.");
            Receiver rx = synth.getReceiver();
            for (int ti : tracks) {
                Track t = seq.getTracks()[ti];
                for (int i = 0; i < t.size(); i++) {
                    MidiEvent e = t.get(i);
                    MidiMessage m = e.getMessage();
                    if (m instanceof ShortMessage) rx.send(m, tempo.micros(e.getTick()));
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

        Stream(Synthesizer synth, AudioInputStream in) {
            this.synth = synth;
            this.in = in;
        }

        /** Reads up to {@code n} frames into {@code out} from {@code offset}; returns how many. */
        public int read(float[][] out, int offset, int n) {
            int done = 0;
            try {
                while (done < n) {
                    int want = Math.min(CHUNK, n - done) * 8;
                    int got = in.readNBytes(buf, 0, want);
                    if (got <= 0) break;
                    ByteBuffer bb = ByteBuffer.wrap(buf, 0, got).order(ByteOrder.LITTLE_ENDIAN);
                    for (int f = 0; f < got / 8; f++) {
                        out[0][offset + done + f] = bb.getFloat();
                        out[1][offset + done + f] = bb.getFloat();
                    }
                    done += got / 8;
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

    private static java.util.Set<Integer> programs(Sequence seq, int[] tracks) {
        java.util.Set<Integer> out = new java.util.HashSet<>();
        for (int ti : tracks) {
            Track t = seq.getTracks()[ti];
            for (int i = 0; i < t.size(); i++) {
                if (t.get(i).getMessage() instanceof ShortMessage m && m.getCommand() == ShortMessage.PROGRAM_CHANGE) {
                    out.add(m.getData1());
                }
            }
        }
        if (out.isEmpty()) out.add(0);
        return out;
    }

    private static Synthesizer newSynth() {
        try {
            return (Synthesizer) Class.forName("com.sun.media.sound.SoftSynthesizer").getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new SynthException("This Java runtime has no Gervill synthesizer: use OpenJDK 17 or later.", e);
        }
    }

    private static AudioInputStream open(Synthesizer synth) {
        AudioFormat format = new AudioFormat(AudioFormat.Encoding.PCM_FLOAT, RATE, 32, 2, 8, RATE, false);
        Map<String, Object> info = new HashMap<>();
        info.put("load default soundbank", false);
        info.put("auto gain control", false);
        info.put("jitter correction", false);
        info.put("interpolation", "linear");
        info.put("max polyphony", 96);
        info.put("reverb", true);
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
