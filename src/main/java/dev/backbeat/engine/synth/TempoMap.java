package dev.backbeat.engine.synth;

import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.Sequence;
import javax.sound.midi.Track;
import java.util.TreeMap;

/** Converts a sequence's ticks to microseconds through its tempo changes. */
final class TempoMap {

    private final TreeMap<Long, long[]> changes = new TreeMap<>();
    private final int ppq;

    TempoMap(Sequence seq) {
        if (seq.getDivisionType() != Sequence.PPQ) throw new SynthException("Only PPQ-timed MIDI can be rendered.");
        ppq = seq.getResolution();
        TreeMap<Long, Long> tempos = new TreeMap<>();
        tempos.put(0L, 500_000L);
        for (Track t : seq.getTracks()) {
            for (int i = 0; i < t.size(); i++) {
                MidiEvent e = t.get(i);
                if (e.getMessage() instanceof MetaMessage m && m.getType() == 0x51) {
                    byte[] d = m.getData();
                    tempos.put(e.getTick(), (long) ((d[0] & 0xff) << 16 | (d[1] & 0xff) << 8 | (d[2] & 0xff)));
                }
            }
        }
        double micros = 0;
        long prevTick = 0;
        long prevMpq = tempos.firstEntry().getValue();
        for (var en : tempos.entrySet()) {
            micros += (en.getKey() - prevTick) * (double) prevMpq / ppq;
            changes.put(en.getKey(), new long[] {Math.round(micros), en.getValue()});
            prevTick = en.getKey();
            prevMpq = en.getValue();
        }
    }

    long micros(long tick) {
        var en = changes.floorEntry(tick);
        return en.getValue()[0] + Math.round((tick - en.getKey()) * (double) en.getValue()[1] / ppq);
    }
}
