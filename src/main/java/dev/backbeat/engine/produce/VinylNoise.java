package dev.backbeat.engine.produce;

/**
 * A record's surface under lo-fi: soft hiss and sparse crackles, each side its own, from a seeded
 * generator so the same piece always gets the same noise.
 */
public final class VinylNoise {
    private long state;
    private final float hiss;
    private final float crackle;
    private final float crackleChance;
    private final float toneCoef;
    private float toneL;
    private float toneR;
    private float popL;
    private float popR;

    /**
     * @param hissLevel    the hiss's RMS (linear)
     * @param crackleLevel the loudest crackle's peak (linear)
     * @param cracklesPerSec how many crackles a second, per side
     */
    public VinylNoise(long seed, double hissLevel, double crackleLevel, double cracklesPerSec, double rate) {
        state = seed ^ 0x9E3779B97F4A7C15L;
        if (state == 0) state = 1;
        // white noise through a one-pole low pass at 3 kHz keeps about a third of its power
        hiss = (float) (hissLevel * Math.sqrt(3) * 1.8);
        crackle = (float) crackleLevel;
        crackleChance = (float) (cracklesPerSec / rate);
        toneCoef = (float) Math.exp(-2 * Math.PI * 3000 / rate);
    }

    /** Adds the noise to {@code left/right[from..from+n)}. */
    public void addTo(float[] left, float[] right, int from, int n) {
        for (int i = from; i < from + n; i++) {
            float wl = white();
            float wr = white();
            toneL = wl + toneCoef * (toneL - wl);
            toneR = wr + toneCoef * (toneR - wr);
            popL = pop(popL);
            popR = pop(popR);
            left[i] += hiss * toneL + popL;
            right[i] += hiss * toneR + popR;
        }
    }

    private float pop(float current) {
        float u = uniform();
        if (u < crackleChance) {
            float a = uniform();
            float sign = uniform() < 0.5f ? -1f : 1f;
            return sign * crackle * a * a * a;
        }
        return current * 0.82f;
    }

    /** Uniform in [-1, 1). */
    private float white() {
        return 2 * uniform() - 1;
    }

    private float uniform() {
        long x = state;
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        state = x;
        return (x >>> 40) / (float) (1L << 24);
    }
}
