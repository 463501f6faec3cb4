package dev.backbeat.engine.analysis;

/**
 * What the analysis keeps of one downscaled RGB frame: its luma (for motion and dissolves), a
 * coarse colour histogram and a grid of block colours (for cuts), and its mean colour (for mood).
 */
final class FrameFeatures {

    static final int BLOCKS_X = 8;
    static final int BLOCKS_Y = 6;
    private static final int HIST_LEVELS = 4;

    final byte[] luma;
    final float[] histogram = new float[HIST_LEVELS * HIST_LEVELS * HIST_LEVELS];
    final float[] blocks = new float[BLOCKS_X * BLOCKS_Y * 3];
    final double brightness;
    final double saturation;
    final double warmth;
    /** Mean absolute luma change from the previous frame, 0-1 (0 for the first frame). */
    double change;

    FrameFeatures(byte[] rgb, int width, int height) {
        int pixels = width * height;
        luma = new byte[pixels];
        int[] blockCount = new int[BLOCKS_X * BLOCKS_Y];
        double sumLuma = 0;
        double sumSat = 0;
        double sumWarm = 0;
        for (int y = 0, p = 0; y < height; y++) {
            int by = y * BLOCKS_Y / height;
            for (int x = 0; x < width; x++, p++) {
                int r = rgb[3 * p] & 0xff;
                int g = rgb[3 * p + 1] & 0xff;
                int b = rgb[3 * p + 2] & 0xff;
                int l = (77 * r + 150 * g + 29 * b) >> 8;
                luma[p] = (byte) l;
                sumLuma += l;
                int max = Math.max(r, Math.max(g, b));
                int min = Math.min(r, Math.min(g, b));
                sumSat += max == 0 ? 0 : (max - min) / (double) max;
                sumWarm += r - b;
                histogram[(r >> 6) * 16 + (g >> 6) * 4 + (b >> 6)]++;
                int block = by * BLOCKS_X + x * BLOCKS_X / width;
                blocks[3 * block] += r;
                blocks[3 * block + 1] += g;
                blocks[3 * block + 2] += b;
                blockCount[block]++;
            }
        }
        for (int i = 0; i < histogram.length; i++) {
            histogram[i] /= pixels;
        }
        for (int i = 0; i < blockCount.length; i++) {
            for (int c = 0; c < 3; c++) {
                blocks[3 * i + c] /= Math.max(1, blockCount[i]) * 255f;
            }
        }
        brightness = sumLuma / pixels / 255.0;
        saturation = sumSat / pixels;
        warmth = sumWarm / pixels / 255.0;
    }

    /**
     * How different two frames look, 0-1: half from the colour histogram (blind to movement, so a
     * pan scores low), half from the block colours (sees a change of layout with the same colours).
     */
    static double distance(FrameFeatures a, FrameFeatures b) {
        double hist = 0;
        for (int i = 0; i < a.histogram.length; i++) {
            hist += Math.abs(a.histogram[i] - b.histogram[i]);
        }
        double block = 0;
        for (int i = 0; i < a.blocks.length; i++) {
            block += Math.abs(a.blocks[i] - b.blocks[i]);
        }
        block /= a.blocks.length;
        return 0.5 * (hist / 2) + 0.5 * Math.min(1.0, block * 3);
    }

    /** Mean absolute luma difference, 0-1. */
    static double lumaDifference(byte[] a, byte[] b) {
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs((a[i] & 0xff) - (b[i] & 0xff));
        }
        return sum / (double) a.length / 255.0;
    }
}
