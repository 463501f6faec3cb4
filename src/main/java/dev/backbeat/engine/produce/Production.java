package dev.backbeat.engine.produce;

import dev.backbeat.engine.compose.Instrument;
import dev.backbeat.engine.compose.MusicPlan;
import dev.backbeat.engine.compose.Style;

import java.util.HashMap;
import java.util.Map;

/**
 * The production a piece gets between synthesis and mastering: its style's preset, the beat its
 * echoes follow, the seed its noise comes from, and which role each MIDI channel plays. {@link #dry()}
 * is the piece as the synthesizer renders it (with the synthesizer's own reverb), as before the chain.
 */
public final class Production {
    private final StylePreset preset;
    private final double beatSec;
    private final long seed;
    private final Map<Integer, Role> roles;
    private final double rate;

    private Production(StylePreset preset, double beatSec, long seed, Map<Integer, Role> roles, double rate) {
        this.preset = preset;
        this.beatSec = beatSec;
        this.seed = seed;
        this.roles = roles;
        this.rate = rate;
    }

    public static Production dry() {
        return new Production(null, 0.5, 0, Map.of(), 48_000);
    }

    /** The production for a composed piece: its style, tempo, seed and instruments. */
    public static Production of(MusicPlan plan) {
        Map<Integer, Role> roles = new HashMap<>();
        for (Instrument i : plan.instruments()) roles.put(i.channel(), Role.ofPart(i.part()));
        return of(plan.style(), plan.bpm(), plan.seed(), roles);
    }

    public static Production of(Style style, double bpm, long seed, Map<Integer, Role> rolesByChannel) {
        return new Production(StylePresets.forStyle(style), 60 / bpm, seed, Map.copyOf(rolesByChannel), 48_000);
    }

    /** No chain: the synthesizer's own effects, as before. */
    public boolean isDry() {
        return preset == null;
    }

    /** The role of a MIDI channel on a named track (drum channels are split by key elsewhere). */
    public Role role(String track, int channel) {
        Role r = roles.get(channel);
        return r != null && r != Role.OTHER ? r : Role.ofTrack(track);
    }

    /** A fresh chain for one part; {@code kickFrames} drives the pump where the style pumps. */
    public PartChain part(Role role, int[] kickFrames) {
        StylePreset.Pump p = preset.pump();
        SidechainPump pump = p.depth() > 0 ? new SidechainPump(kickFrames, p.depth(), p.releaseMs(), rate) : null;
        return new PartChain(role, preset.part(role), preset.monoBelowHz(), pump, rate);
    }

    public Space space() {
        return new Space(preset, beatSec, rate);
    }

    public BusChain bus() {
        return new BusChain(preset, seed, rate);
    }

    public StylePreset preset() {
        return preset;
    }
}
