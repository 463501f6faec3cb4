package dev.backbeat.engine.compose;

import java.util.Random;

/**
 * Makes the machine sound played: small velocity and timing variation, and swing that delays
 * off-beat eighths. Accents on cuts stay exactly on time.
 */
public final class Humanizer {

    private final Random rng;
    private final double swing;
    private final double timing;
    private final int velocity;

    /** @param swing delay of off-beat eighths in beats; @param timing spread in beats; @param velocity spread */
    public Humanizer(Random rng, double swing, double timing, int velocity) {
        this.rng = rng;
        this.swing = swing;
        this.timing = timing;
        this.velocity = velocity;
    }

    public Note apply(Note n) {
        double frac = n.beat() - Math.floor(n.beat());
        double beat = n.beat();
        if (swing > 0 && Math.abs(frac - 0.5) < 1e-6) beat += swing;
        if (!n.accent()) beat += (rng.nextDouble() * 2 - 1) * timing;
        int v = n.velocity() + (n.accent() ? 0 : (int) Math.round(rng.nextGaussian() * velocity));
        return n.at(Math.max(0, beat), v);
    }
}
