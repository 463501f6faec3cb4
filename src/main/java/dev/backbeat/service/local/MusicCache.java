package dev.backbeat.service.local;

import dev.backbeat.engine.compose.Brief;
import dev.backbeat.engine.media.ClipInfo;
import dev.backbeat.engine.score.ScorePipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last few pieces rendered, by the clips and the brief they were composed for, so undo, redo
 * and a project reopened put the same music back at once. The same clips and brief compose the
 * same bytes anyway (the seed is in the brief), so a miss only costs time. A piece of a minute is
 * about 25 MB of samples: a handful is kept.
 */
final class MusicCache {

    record Key(List<ClipInfo> clips, Brief brief) {
        Key {
            clips = List.copyOf(clips);
        }
    }

    private final Map<Key, ScorePipeline.Music> pieces = new LinkedHashMap<>(16, 0.75f, true);
    private final int count;
    private final long budgetBytes;

    /** Keeps at most {@code count} pieces and about {@code budgetBytes} of samples (always the newest one). */
    MusicCache(int count, long budgetBytes) {
        this.count = count;
        this.budgetBytes = budgetBytes;
    }

    synchronized ScorePipeline.Music get(Key key) {
        return pieces.get(key);
    }

    synchronized void put(Key key, ScorePipeline.Music music) {
        pieces.put(key, music);
        var eldest = pieces.keySet().iterator();
        while (pieces.size() > 1 && (pieces.size() > count || bytes() > budgetBytes)) {
            eldest.next();
            eldest.remove();
        }
    }

    private long bytes() {
        long total = 0;
        for (ScorePipeline.Music m : pieces.values()) {
            total += samples(m.audio().mix());
            for (float[][] stem : m.audio().stems() == null ? java.util.List.<float[][]>of() : m.audio().stems().values()) {
                total += samples(stem);
            }
        }
        return total * Float.BYTES;
    }

    private static long samples(float[][] channels) {
        long n = 0;
        if (channels != null) {
            for (float[] c : channels) {
                n += c == null ? 0 : c.length;
            }
        }
        return n;
    }

    synchronized void clear() {
        pieces.clear();
    }
}
