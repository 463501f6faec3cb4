package dev.backbeat.engine.compose;

import dev.backbeat.engine.analysis.VideoProfile;
import dev.backbeat.engine.synth.MusicRenderer;
import dev.backbeat.engine.synth.RenderedMusic;
import dev.backbeat.engine.synth.SoundFontLoader;

import javax.sound.midi.Sequence;

/** Composes and renders test pieces the way the compose command does. */
final class Pieces {

    record Rendered(Composition composition, Sequence midi, RenderedMusic music) {
    }

    private Pieces() {
    }

    /** The notes as written, without the mix chain (its room and compression blur what the arrangement did). */
    static Rendered renderDry(VideoProfile profile, Brief brief) {
        Composition c = new Composer().compose(profile, brief);
        Sequence seq = new MidiWriter().write(c.score(), c.key());
        RenderedMusic m = new MusicRenderer(SoundFontLoader.load(), 2).render(seq, profile.durationSec(), c.plan().levelDb());
        return new Rendered(c, seq, m);
    }

    static Rendered render(VideoProfile profile, Brief brief) {
        Composition c = new Composer().compose(profile, brief);
        Sequence seq = new MidiWriter().write(c.score(), c.key());
        RenderedMusic m = new MusicRenderer(SoundFontLoader.load(), 2).render(seq, profile.durationSec(), c.plan().levelDb(),
                dev.backbeat.engine.produce.Production.of(c.plan()));
        return new Rendered(c, seq, m);
    }
}
