package dev.backbeat.engine.compose;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes a score as a MIDI sequence: track 0 holds the tempo map (one tempo per beat where the
 * grid bends), then one track per stem, named after it, in {@link Note.Stem} order.
 */
public final class MidiWriter {

    public static final int PPQ = 480;

    private record Timed(long tick, int order, MidiMessage message) {
    }

    public Sequence write(Score score, Key key) {
        try {
            Sequence seq = new Sequence(Sequence.PPQ, PPQ);
            Track conductor = seq.createTrack();
            double[] t = score.grid().times();
            long lastMpq = -1;
            for (int i = 0; i + 1 < t.length; i++) {
                long mpq = Math.round((t[i + 1] - t[i]) * 1e6);
                if (mpq != lastMpq) {
                    conductor.add(new MidiEvent(tempo(mpq), (long) i * PPQ));
                    lastMpq = mpq;
                }
            }
            conductor.add(new MidiEvent(new MetaMessage(0x58, new byte[] {4, 2, 24, 8}, 4), 0));
            int sharps = Math.floorMod((key.mode() == Key.Mode.MAJOR ? key.tonic() : key.tonic() + 3) * 7 + 6, 12) - 6;
            conductor.add(new MidiEvent(new MetaMessage(0x59,
                    new byte[] {(byte) sharps, (byte) (key.mode() == Key.Mode.MAJOR ? 0 : 1)}, 2), 0));
            for (Note.Stem stem : Note.Stem.values()) {
                Track track = seq.createTrack();
                byte[] name = stem.name().toLowerCase().getBytes(StandardCharsets.US_ASCII);
                track.add(new MidiEvent(new MetaMessage(0x03, name, name.length), 0));
                List<Timed> events = new ArrayList<>();
                for (Instrument ins : score.instruments()) {
                    if (ins.stem() != stem) continue;
                    int ch = ins.channel();
                    events.add(new Timed(0, 0, cc(ch, 0, ins.bank() >> 7)));
                    events.add(new Timed(0, 0, cc(ch, 32, ins.bank() & 127)));
                    events.add(new Timed(0, 0, new ShortMessage(ShortMessage.PROGRAM_CHANGE, ch, ins.program(), 0)));
                    events.add(new Timed(0, 0, cc(ch, 7, ins.volume())));
                    events.add(new Timed(0, 0, cc(ch, 10, ins.pan())));
                    events.add(new Timed(0, 0, cc(ch, 91, ins.reverb())));
                }
                for (Note n : score.notes(stem)) {
                    long on = Math.round(n.beat() * PPQ);
                    long off = Math.max(on + 1, Math.round((n.beat() + n.length()) * PPQ));
                    events.add(new Timed(on, 2, new ShortMessage(ShortMessage.NOTE_ON, n.channel(), n.pitch(), n.velocity())));
                    events.add(new Timed(off, 1, new ShortMessage(ShortMessage.NOTE_OFF, n.channel(), n.pitch(), 0)));
                }
                // Offs before ons at the same tick, so a repeated note is not cut by its predecessor's off.
                events.sort(Comparator.comparingLong(Timed::tick).thenComparingInt(Timed::order));
                for (Timed e : events) track.add(new MidiEvent(e.message(), e.tick()));
            }
            return seq;
        } catch (InvalidMidiDataException e) {
            throw new ComposeException("The score could not be written as MIDI: " + e.getMessage(), e);
        }
    }

    private static MetaMessage tempo(long mpq) throws InvalidMidiDataException {
        return new MetaMessage(0x51, new byte[] {(byte) (mpq >> 16), (byte) (mpq >> 8), (byte) mpq}, 3);
    }

    private static ShortMessage cc(int ch, int controller, int value) throws InvalidMidiDataException {
        return new ShortMessage(ShortMessage.CONTROL_CHANGE, ch, controller, value);
    }
}
