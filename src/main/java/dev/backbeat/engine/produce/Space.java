package dev.backbeat.engine.produce;

/** The shared effects: the room and the echo, fed by the parts' sends and returned into the mix. */
public final class Space {
    private final Reverb reverb;
    private final PingPongDelay echo;

    Space(StylePreset p, double beatSec, double rate) {
        StylePreset.Room r = p.room();
        reverb = new Reverb(r.size(), r.damping(), r.width(), r.level(), r.preDelayMs(), r.lowCutHz(), r.highCutHz(), rate);
        StylePreset.Echo e = p.echo();
        echo = e.level() > 0 ? new PingPongDelay(e.beats() * beatSec, e.feedback(), e.level(), e.toneHz(), rate) : null;
    }

    /** Adds the returns of {@code n} frames of sends into {@code left/right} from {@code at}. */
    public void process(float[] reverbBus, float[] echoBus, int n, float[] left, float[] right, int at) {
        reverb.process(reverbBus, 0, n, left, right, at);
        if (echo != null) echo.process(echoBus, 0, n, left, right, at);
    }
}
