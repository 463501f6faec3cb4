package dev.backbeat.engine.produce;

import java.util.ArrayList;
import java.util.List;

/**
 * One part's processors in order (high pass, low pass, presence, place, level, pump) and its sends,
 * run block by block on that part's own sound; state carries from block to block.
 */
public final class PartChain implements StereoProcessor {
    private final StereoProcessor[] steps;
    private final float gain;
    private final float reverbSend;
    private final float echoSend;

    PartChain(Role role, PartSound s, double monoBelowHz, SidechainPump pump, double rate) {
        List<StereoProcessor> list = new ArrayList<>();
        if (s.highPassHz() > 0) list.add(StereoFilter.highPass(s.highPassHz(), 0.707, rate));
        if (s.lowPassHz() > 0) list.add(StereoFilter.lowPass(s.lowPassHz(), 0.707, rate));
        if (s.presenceDb() != 0) list.add(StereoFilter.peak(s.presenceHz(), 1.0, s.presenceDb(), rate));
        // parts spread with different delays, so their pseudo-stereo sides do not line up
        double delayMs = 9 + 2.3 * role.ordinal();
        list.add(new Placement(s.pan(), s.width(), s.spread(), delayMs, Math.max(monoBelowHz, s.highPassHz()), rate));
        if (pump != null && s.pumped()) list.add(pump);
        steps = list.toArray(new StereoProcessor[0]);
        gain = (float) Math.pow(10, s.levelDb() / 20);
        reverbSend = (float) s.reverb();
        echoSend = (float) s.echo();
    }

    @Override
    public void process(float[] left, float[] right, int from, int n) {
        for (StereoProcessor p : steps) p.process(left, right, from, n);
        if (gain != 1f) {
            for (int i = from; i < from + n; i++) {
                left[i] *= gain;
                right[i] *= gain;
            }
        }
    }

    /** Adds this part's sends (mono: the mid of the processed block) to the send buses. */
    public void send(float[] left, float[] right, int n, float[] reverbBus, float[] echoBus) {
        float rs = 0.5f * reverbSend;
        float es = 0.5f * echoSend;
        for (int i = 0; i < n; i++) {
            float m = left[i] + right[i];
            reverbBus[i] += rs * m;
            echoBus[i] += es * m;
        }
    }
}
