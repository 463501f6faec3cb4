package dev.backbeat.engine.produce;

/**
 * One step of a production chain: changes a stereo block in place and keeps whatever state it
 * needs for the next block, so a piece can be processed a block at a time with bounded memory.
 */
public interface StereoProcessor {

    void process(float[] left, float[] right, int from, int n);
}
