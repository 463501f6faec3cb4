package dev.backbeat.ui.preview;

import dev.backbeat.service.preview.MusicMap;
import dev.backbeat.service.preview.PreviewClip;
import dev.backbeat.service.preview.PreviewPictures;
import dev.backbeat.service.preview.PreviewSound;
import dev.backbeat.service.preview.ScoredPreview;
import dev.backbeat.service.preview.TitleMark;

import java.nio.file.Path;
import java.util.List;

/** Made-up results whose samples and pictures say where they are, so a test can tell what was played and shown. */
final class FakeResult {
    private FakeResult() {
    }

    /** MUSIC's sample k is (k mod 48000) / 48000 + offset; CLIP's is 0.25; MIX is their sum. */
    static PreviewSound sound(double seconds, float offset) {
        long frames = Math.round(seconds * PreviewSound.RATE);
        return new PreviewSound() {
            @Override
            public long frames() {
                return frames;
            }

            @Override
            public int read(Layer layer, long from, float[][] out, int n) {
                int k = (int) Math.max(0, Math.min(n, frames - from));
                for (int i = 0; i < k; i++) {
                    float music = musicAt(from + i, offset);
                    float v = layer == Layer.MUSIC ? music : layer == Layer.CLIP ? 0.25f : music + 0.25f;
                    out[0][i] = v;
                    out[1][i] = v;
                }
                return k;
            }
        };
    }

    static float musicAt(long frame, float offset) {
        return (frame % 48_000) / 48_000f + offset;
    }

    static ScoredPreview result(long revision, double seconds, float offset, List<TitleMark> titles) {
        PreviewClip clip = new PreviewClip("made-up.mp4", Path.of("made-up.mp4"), 0, seconds, 320, 180, 25, true, "");
        MusicMap map = new MusicMap("Lo-fi", 90, "A minor", 4, new double[] {0, 0.667}, 0, List.of(), List.of(),
                List.of(), List.of(), 35);
        return new ScoredPreview(revision, seconds, List.of(clip), sound(seconds, offset), map, titles);
    }

    /** 25 pictures a second from the time asked for; each 1×1 picture's red byte is its frame number mod 256. */
    static PreviewPictures pictures(List<Double> opened) {
        return (clips, fromSec, maxW, maxH) -> {
            opened.add(fromSec);
            double end = clips.get(clips.size() - 1).endSec();
            return new PreviewPictures.Stream() {
                int i;

                @Override
                public PreviewPictures.Picture next() {
                    double t = fromSec + i++ / 25.0;
                    if (t >= end) {
                        return null;
                    }
                    return new PreviewPictures.Picture(t, 1, 1, new byte[] {(byte) Math.round(t * 25), 0, 0});
                }

                @Override
                public void close() {
                }
            };
        };
    }
}
