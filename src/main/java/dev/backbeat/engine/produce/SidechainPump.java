package dev.backbeat.engine.produce;

/**
 * The house "pump": the part ducks on every kick and swells back before the next, as if a
 * compressor listened to the kick. Keyed from the score's kick times rather than from the kick's
 * sound, so it is exact, cheap and the same in every block.
 */
public final class SidechainPump implements StereoProcessor {
    private final int[] kicks;
    private final float depth;
    private final int attack;
    private final int release;
    private int next;
    private long frame;
    private long lastKick = Long.MIN_VALUE / 2;

    /**
     * @param kickFrames the frames the kicks land on, in order
     * @param depth      how far the gain dips (0.5: to half)
     * @param releaseMs  how long the swell back takes
     */
    public SidechainPump(int[] kickFrames, double depth, double releaseMs, double rate) {
        kicks = kickFrames.clone();
        java.util.Arrays.sort(kicks);
        this.depth = (float) depth;
        attack = Math.max(1, (int) (0.004 * rate));
        release = Math.max(1, (int) (releaseMs / 1000 * rate));
    }

    @Override
    public void process(float[] left, float[] right, int from, int n) {
        for (int i = from; i < from + n; i++, frame++) {
            while (next < kicks.length && kicks[next] <= frame) lastKick = kicks[next++];
            long d = frame - lastKick;
            float g;
            if (d < attack) {
                // a few milliseconds down, so the dip itself does not click
                g = 1 - depth * (d / (float) attack);
            } else if (d < attack + release) {
                float x = (d - attack) / (float) release;
                g = 1 - depth * (1 - x * x * (3 - 2 * x));
            } else {
                g = 1;
            }
            left[i] *= g;
            right[i] *= g;
        }
    }
}
