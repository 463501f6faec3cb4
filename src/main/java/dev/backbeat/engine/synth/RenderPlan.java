package dev.backbeat.engine.synth;

import dev.backbeat.engine.produce.Production;
import dev.backbeat.engine.produce.Role;

import javax.sound.midi.MetaMessage;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/**
 * Which synthesizers a piece needs: one per named track and MIDI channel, and, under a production
 * chain, one per part of the drum kit (kick, snare, hats, the rest, percussion) so each can be
 * placed on its own; with what each costs to render, and where the kicks fall (for the pump).
 */
final class RenderPlan {

    /** A named track with notes. */
    record Part(String name, int track) {
    }

    /** One synthesizer's share: a channel of a part (or one drum part of it), in the mix as {@code role}. */
    record Unit(int part, int order, int channel, Role role, boolean keySplit, double cost) {
        IntPredicate keys() {
            return keySplit ? key -> Role.ofDrumKey(key) == role : key -> true;
        }
    }

    /** What a note costs beyond the time it is held (its release, its start), in seconds of sounding. */
    private static final double NOTE_COST_SEC = 0.25;

    private final Sequence seq;
    private final List<Part> parts;
    private final List<Unit> units;

    private RenderPlan(Sequence seq, List<Part> parts, List<Unit> units) {
        this.seq = seq;
        this.parts = parts;
        this.units = units;
    }

    static RenderPlan of(Sequence seq, Production production) {
        Track[] tracks = seq.getTracks();
        TempoMap tempo = new TempoMap(seq);
        boolean split = !production.isDry();
        List<Part> parts = new ArrayList<>();
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < tracks.length; i++) {
            String name = name(tracks[i]);
            if (name == null) continue;
            // per channel (and drum part): the seconds its notes sound, how many voices the synthesizer keeps busy
            Map<Integer, double[]> work = new TreeMap<>();
            Map<Integer, Long> on = new java.util.HashMap<>();
            for (int k = 0; k < tracks[i].size(); k++) {
                if (!(tracks[i].get(k).getMessage() instanceof ShortMessage m)) continue;
                int ch = m.getChannel();
                int slot = ch * 16 + (split && ch == 9 ? Role.ofDrumKey(m.getData1()).ordinal() : 0);
                int key = ch * 128 + m.getData1();
                long tick = tracks[i].get(k).getTick();
                if (m.getCommand() == ShortMessage.NOTE_ON && m.getData2() > 0) {
                    work.computeIfAbsent(slot, c -> new double[1])[0] += NOTE_COST_SEC;
                    on.put(key, tick);
                } else if (m.getCommand() == ShortMessage.NOTE_OFF || m.getCommand() == ShortMessage.NOTE_ON) {
                    Long start = on.remove(key);
                    if (start != null) {
                        work.get(slot)[0] += (tempo.micros(tick) - tempo.micros(start)) / 1e6;
                    }
                }
            }
            if (work.isEmpty()) continue;
            int p = parts.size();
            parts.add(new Part(name, i));
            int order = 0;
            for (var e : work.entrySet()) {
                int ch = e.getKey() / 16;
                boolean drums = split && ch == 9;
                Role role = drums ? Role.values()[e.getKey() % 16] : split ? production.role(name, ch) : Role.OTHER;
                units.add(new Unit(p, order++, ch, role, drums, e.getValue()[0]));
            }
        }
        if (parts.isEmpty()) throw new SynthException("There are no notes to render.");
        return new RenderPlan(seq, parts, units);
    }

    List<Part> parts() {
        return parts;
    }

    /** A part's units, in channel order (the order they are summed in). */
    List<Unit> unitsOf(int part) {
        return units.stream().filter(u -> u.part() == part).toList();
    }

    /** Every unit, most costly first (the longest-job-first rule spreads them evenly over the threads). */
    List<Unit> byCost() {
        List<Unit> out = new ArrayList<>(units);
        out.sort(Comparator.comparingDouble(Unit::cost).reversed().thenComparingInt(Unit::part).thenComparingInt(Unit::order));
        return out;
    }

    /** The frames the kick drum (GM keys 35, 36 on the drum channel) is struck on, in order. */
    int[] kickFrames(double rate) {
        TempoMap tempo = new TempoMap(seq);
        List<Integer> out = new ArrayList<>();
        for (Track t : seq.getTracks()) {
            for (int i = 0; i < t.size(); i++) {
                if (t.get(i).getMessage() instanceof ShortMessage m && m.getCommand() == ShortMessage.NOTE_ON
                        && m.getChannel() == 9 && m.getData2() > 0 && Role.ofDrumKey(m.getData1()) == Role.KICK) {
                    out.add((int) Math.round(tempo.micros(t.get(i).getTick()) / 1e6 * rate));
                }
            }
        }
        return out.stream().sorted().mapToInt(Integer::intValue).toArray();
    }

    private static String name(Track t) {
        for (int i = 0; i < t.size(); i++) {
            if (t.get(i).getMessage() instanceof MetaMessage m && m.getType() == 0x03) {
                return new String(m.getData(), StandardCharsets.US_ASCII);
            }
        }
        return null;
    }
}
