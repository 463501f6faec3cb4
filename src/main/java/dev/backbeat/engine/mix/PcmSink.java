package dev.backbeat.engine.mix;

import java.io.IOException;

/** Takes stereo float PCM a block at a time. */
interface PcmSink {
    void write(float[] left, float[] right, int n) throws IOException;
}
