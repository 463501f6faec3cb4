package dev.backbeat.engine.produce;

import java.util.EnumMap;
import java.util.Map;

/**
 * Everything a style's mix gets after synthesis: each part's sound, the room and echo they are
 * sent to, and what happens to the whole mix (glue, pump, tape, a record's wear). Bus levels are
 * in dBFS of a mix brought to {@link #REFERENCE_RMS_DB} first, so they mean the same in a quiet
 * and a loud piece. Below {@code monoBelowHz} no part is spread (the parts' pans still apply).
 */
public record StylePreset(Map<Role, PartSound> parts, Room room, Echo echo, Glue glue, double tapeDb, Pump pump, Wear wear,
                          double monoBelowHz) {

    /** The RMS level (dBFS) the bus stages see the mix at; mastering sets the final level after them. */
    public static final double REFERENCE_RMS_DB = -20;

    /** The reverb: Freeverb's size and damping, the stereo width of its answer, its level, pre-delay and the send's band. */
    public record Room(double size, double damping, double width, double level, double preDelayMs, double lowCutHz, double highCutHz) {
    }

    /** The ping-pong delay: its time in beats, feedback, level and how dark each repeat gets. */
    public record Echo(double beats, double feedback, double level, double toneHz) {
    }

    /** The bus compressor (threshold at the reference level). */
    public record Glue(double thresholdDb, double ratio, double attackMs, double releaseMs) {
    }

    /** Sidechain pumping on the parts marked pumped: how deep, how long the swell back (0 depth: none). */
    public record Pump(double depth, double releaseMs) {
        public static final Pump NONE = new Pump(0, 0);
    }

    /** Lo-fi wear: tape wow and flutter (ms of delay swing) and a record's hiss and crackle (dBFS at the reference level). */
    public record Wear(double wowMs, double flutterMs, double hissDb, double crackleDb, double cracklesPerSec) {
        public static final Wear NONE = new Wear(0, 0, -200, -200, 0);

        public boolean any() {
            return wowMs > 0 || flutterMs > 0 || hissDb > -150 || crackleDb > -150;
        }
    }

    /** Whether a tape soft clip rounds the peaks (at {@link #tapeDb} dBFS). */
    public boolean tape() {
        return tapeDb < 0;
    }

    public PartSound part(Role role) {
        PartSound s = parts.get(role);
        return s != null ? s : parts.get(Role.OTHER);
    }

    /** A copy with one part's sound changed. */
    public StylePreset with(Role role, PartSound sound) {
        Map<Role, PartSound> p = new EnumMap<>(parts);
        p.put(role, sound);
        return new StylePreset(p, room, echo, glue, tapeDb, pump, wear, monoBelowHz);
    }
}
