package dev.backbeat.service.local;

import dev.backbeat.engine.mix.AudioMixer;
import dev.backbeat.engine.mix.DuckingEnvelope;
import dev.backbeat.engine.mix.MixSettings;
import dev.backbeat.service.preview.PreviewSound;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A variation's sound to audition: its music at the chosen volume, brought to the mix's loudness
 * and ducked under speech, over the clips' own sound streamed from the reading pass's decoded
 * files (silence for a clip without one). Unlike the export it has no loudness pass or limiter;
 * the mix is only kept from clipping.
 */
final class PlainPreviewSound implements PreviewSound {

    /** A clip's own sound on the timeline: where it starts and how long it is, in frames, and its decoded file (or null). */
    record ClipSound(long startFrame, long frames, Path pcm) {
    }

    private final float[][] music;
    private final float musicGain;
    private final float clipGain;
    private final DuckingEnvelope duck;
    private final List<ClipSound> clips;
    private final long frames;

    PlainPreviewSound(float[][] music, List<ClipSound> clips, List<DuckingEnvelope.Region> speech, MixSettings s) {
        this.music = music;
        this.clips = List.copyOf(clips);
        this.frames = clips.isEmpty() ? music[0].length
                : clips.get(clips.size() - 1).startFrame() + clips.get(clips.size() - 1).frames();
        boolean original = s.original() != MixSettings.Original.REPLACE && clips.stream().anyMatch(c -> c.pcm() != null);
        this.clipGain = !original ? 0 : s.original() == MixSettings.Original.LOWER
                ? (float) Math.pow(10, s.originalGainDb() / 20) : 1f;
        double durationSec = frames / (double) RATE;
        this.duck = s.ducking() && original ? DuckingEnvelope.of(speech, durationSec, s.duckDb(), 0.3, 0.6, 0.5)
                : DuckingEnvelope.flat(durationSec);
        this.musicGain = (float) Math.pow(10, AudioMixer.musicGainDb(music, s) / 20);
    }

    @Override
    public long frames() {
        return frames;
    }

    @Override
    public int read(Layer layer, long from, float[][] out, int n) {
        int count = (int) Math.max(0, Math.min(n, frames - from));
        java.util.Arrays.fill(out[0], 0, count, 0f);
        java.util.Arrays.fill(out[1], 0, count, 0f);
        if (count == 0) {
            return 0;
        }
        if (layer != Layer.MUSIC && clipGain > 0) {
            for (ClipSound c : clips) {
                addClip(c, from, out, count);
            }
        }
        if (layer != Layer.CLIP) {
            int len = music[0].length;
            for (int i = 0; i < count; i++) {
                long t = from + i;
                if (t < len) {
                    float g = musicGain * duck.gainAt(t / (double) RATE);
                    out[0][i] += music[0][(int) t] * g;
                    out[1][i] += music[1][(int) t] * g;
                }
            }
        }
        for (int i = 0; i < count; i++) {
            out[0][i] = Math.max(-1f, Math.min(1f, out[0][i]));
            out[1][i] = Math.max(-1f, Math.min(1f, out[1][i]));
        }
        return count;
    }

    private void addClip(ClipSound c, long from, float[][] out, int count) {
        long a = Math.max(from, c.startFrame());
        long b = Math.min(from + count, c.startFrame() + c.frames());
        if (c.pcm() == null || b <= a) {
            return;
        }
        ByteBuffer buf = ByteBuffer.allocate((int) (b - a) * 8).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel ch = FileChannel.open(c.pcm(), StandardOpenOption.READ)) {
            long pos = (a - c.startFrame()) * 8;
            while (buf.hasRemaining() && ch.read(buf, pos + buf.position()) > 0) {
                // reads until the span is filled or the file ends (a short file is silence after its end)
            }
        } catch (IOException e) {
            return;
        }
        buf.flip();
        int at = (int) (a - from);
        while (buf.remaining() >= 8) {
            out[0][at] += buf.getFloat() * clipGain;
            out[1][at] += buf.getFloat() * clipGain;
            at++;
        }
    }
}
