package dev.backbeat.engine.synth;

import javax.sound.midi.MetaMessage;
import javax.sound.midi.Sequence;
import javax.sound.midi.Soundbank;
import javax.sound.midi.Track;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Renders each named track of a sequence as a stem, in parallel (one synthesizer each, so the
 * result does not depend on thread timing), then masters the mix from the stems. Rendering the
 * tracks together was measured no cheaper (CPU 4.4 s vs 4.2 s for two minutes of pop).
 */
public final class MusicRenderer {

    private final Soundbank soundbank;
    private final int threads;

    public MusicRenderer(Soundbank soundbank, int threads) {
        this.soundbank = soundbank;
        this.threads = Math.max(1, threads);
    }

    public RenderedMusic render(Sequence seq, double durationSec, double levelDb) {
        List<Part> parts = parts(seq);
        int frames = (int) Math.round(durationSec * GervillRenderer.RATE);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, unitCount(parts)));
        try {
            GervillRenderer renderer = new GervillRenderer(soundbank);
            List<List<Future<float[][]>>> jobs = new ArrayList<>();
            for (Part part : parts) {
                jobs.add(new ArrayList<>(java.util.Collections.nCopies(part.channels().length, null)));
            }
            for (Unit u : byCost(parts)) {
                jobs.get(u.part()).set(u.index(), pool.submit(() -> {
                    float[][] out = new float[2][frames];
                    try (GervillRenderer.Stream st = renderer.open(seq, new int[] {parts.get(u.part()).track()}, u.channel())) {
                        st.read(out, 0, frames);
                    }
                    return out;
                }));
            }
            float[][][] stems = new float[parts.size()][][];
            for (int p = 0; p < parts.size(); p++) {
                List<Future<float[][]>> unitJobs = jobs.get(p);
                stems[p] = unitJobs.get(0).get();
                for (int k = 1; k < unitJobs.size(); k++) add(stems[p], unitJobs.get(k).get(), frames);
            }
            float[][] mix = new Mastering().master(stems, levelDb, 0.12);
            Map<String, float[][]> byName = new LinkedHashMap<>();
            for (int i = 0; i < stems.length; i++) byName.put(parts.get(i).name(), stems[i]);
            return new RenderedMusic(mix, byName);
        } catch (ExecutionException | InterruptedException e) {
            throw failure(e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** How much sound a part renders between two looks at whether to stop: a tenth of a second. */
    private static final int STOP_CHECK_FRAMES = (int) (GervillRenderer.RATE / 10);

    /** Memory for the parts' blocks in {@link #renderMix}: 64 MB, about 40 s of four parts. */
    private static final long BLOCK_BUDGET_BYTES = 64L << 20;

    /**
     * Renders the mix only, holding no stems: every part is rendered a block at a time (in
     * parallel) and added, in a fixed order, to the mix as it goes, so memory is one stereo buffer
     * plus a block per part, and the result does not depend on thread timing. Gives the same
     * samples as {@link #render}.
     */
    public float[][] renderMix(Sequence seq, double durationSec, double levelDb) {
        return renderMix(seq, durationSec, levelDb, () -> false);
    }

    /**
     * As {@link #renderMix(Sequence, double, double)}, looking at {@code stop} every tenth of a
     * second of sound each part renders; when it says so, the rendering ends with a
     * {@link java.util.concurrent.CancellationException}.
     */
    public float[][] renderMix(Sequence seq, double durationSec, double levelDb, java.util.function.BooleanSupplier stop) {
        List<Part> parts = parts(seq);
        int units = unitCount(parts);
        int frames = (int) Math.round(durationSec * GervillRenderer.RATE);
        // Blocks as long as the memory budget allows: a part rendered for long stretches on one
        // thread keeps its synthesizer in that core's cache (4-second blocks cost 15-40 % more CPU).
        int step = Math.max((int) (4 * GervillRenderer.RATE), Math.min(frames, (int) (BLOCK_BUDGET_BYTES / (8L * (units + 1)))));
        float[][] mix = new float[2][frames];
        GervillRenderer renderer = new GervillRenderer(soundbank);
        List<Unit> order = byCost(parts);
        Unit[][] grid = new Unit[parts.size()][];
        for (int p = 0; p < parts.size(); p++) grid[p] = new Unit[parts.get(p).channels().length];
        for (Unit u : order) grid[u.part()][u.index()] = u;
        Map<Unit, GervillRenderer.Stream> streams = new LinkedHashMap<>();
        Map<Unit, float[][]> pieces = new LinkedHashMap<>();
        float[][] stem = null;
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, units));
        try {
            for (Unit u : order) {
                pieces.put(u, BLOCKS.take(step));
            }
            stem = BLOCKS.take(step);
            for (int pos = 0; pos < frames; pos += step) {
                int n = Math.min(step, frames - pos);
                // the longest jobs first, so the threads finish together
                Map<Unit, Future<Integer>> jobs = new LinkedHashMap<>();
                for (Unit u : order) {
                    float[][] piece = pieces.get(u);
                    jobs.put(u, pool.submit(() -> {
                        // each synthesizer is started on its worker too: loading its instruments is work
                        GervillRenderer.Stream st;
                        synchronized (streams) {
                            st = streams.get(u);
                        }
                        if (st == null) {
                            st = renderer.open(seq, new int[] {parts.get(u.part()).track()}, u.channel());
                            synchronized (streams) {
                                streams.put(u, st);
                            }
                        }
                        int done = 0;
                        while (done < n) {
                            if (stop.getAsBoolean()) {
                                throw new java.util.concurrent.CancellationException("synthesis stopped");
                            }
                            int got = st.read(piece, done, Math.min(STOP_CHECK_FRAMES, n - done));
                            if (got <= 0) {
                                break;
                            }
                            done += got;
                        }
                        return done;
                    }));
                }
                // summed part by part in the score's order, each part's channels first, as render() does
                for (int p = 0; p < parts.size(); p++) {
                    float[][] sum = null;
                    for (int k = 0; k < parts.get(p).channels().length; k++) {
                        Unit key = grid[p][k];
                        int got = jobs.get(key).get();
                        float[][] piece = pieces.get(key);
                        zeroTail(piece, got, n);
                        if (k == 0) {
                            sum = piece;
                        } else {
                            if (k == 1) {
                                for (int c = 0; c < 2; c++) System.arraycopy(sum[c], 0, stem[c], 0, n);
                                sum = stem;
                            }
                            add(sum, piece, n);
                        }
                    }
                    for (int c = 0; c < 2; c++) {
                        float[] m = mix[c];
                        float[] x = sum[c];
                        for (int i = 0; i < n; i++) m[pos + i] += x[i];
                    }
                }
            }
            return new Mastering().masterMix(mix, levelDb, 0.12);
        } catch (ExecutionException | InterruptedException e) {
            throw failure(e);
        } finally {
            pool.shutdownNow();
            // the workers are stopped first, so no stream is opened and no buffer written after this
            boolean stopped = false;
            try {
                stopped = pool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (streams) {
                streams.values().forEach(GervillRenderer.Stream::close);
            }
            if (stopped) {
                pieces.values().forEach(BLOCKS::give);
                if (stem != null) {
                    BLOCKS.give(stem);
                }
            }
        }
    }

    /**
     * The parts' block buffers, kept (softly: the collector may take them back) for the next piece:
     * in the app every change asked for in the chat renders a new piece, and allocating some 60 MB
     * of fresh arrays each time cost about 0.1 s of allocation and collection.
     */
    private static final BlockPool BLOCKS = new BlockPool();

    static final class BlockPool {
        private final java.util.ArrayDeque<java.lang.ref.SoftReference<float[][]>> free = new java.util.ArrayDeque<>();

        /** A stereo buffer of at least {@code frames} frames; its contents are left over from earlier use. */
        synchronized float[][] take(int frames) {
            for (var it = free.iterator(); it.hasNext(); ) {
                float[][] b = it.next().get();
                if (b == null) {
                    it.remove();
                } else if (b[0].length >= frames) {
                    it.remove();
                    return b;
                }
            }
            return new float[2][frames];
        }

        synchronized void give(float[][] buffer) {
            if (free.size() < 16) {
                free.add(new java.lang.ref.SoftReference<>(buffer));
            }
        }
    }

    /** A named track with notes, and the MIDI channels its notes are on. */
    private record Part(String name, int track, int[] channels, double[] costs) {
    }

    /** One channel of a part, rendered by a synthesizer of its own; {@code cost} estimates its rendering time. */
    private record Unit(int part, int index, int channel, double cost) {
    }

    private static List<Part> parts(Sequence seq) {
        Track[] tracks = seq.getTracks();
        TempoMap tempo = new TempoMap(seq);
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < tracks.length; i++) {
            String name = name(tracks[i]);
            if (name == null) continue;
            // per channel: notes, and the seconds they sound (how many voices the synthesizer keeps busy)
            Map<Integer, double[]> work = new java.util.TreeMap<>();
            Map<Integer, Long> on = new java.util.HashMap<>();
            for (int k = 0; k < tracks[i].size(); k++) {
                if (!(tracks[i].get(k).getMessage() instanceof javax.sound.midi.ShortMessage m)) continue;
                int key = m.getChannel() * 128 + m.getData1();
                long tick = tracks[i].get(k).getTick();
                if (m.getCommand() == javax.sound.midi.ShortMessage.NOTE_ON && m.getData2() > 0) {
                    work.computeIfAbsent(m.getChannel(), c -> new double[1])[0] += NOTE_COST_SEC;
                    on.put(key, tick);
                } else if (m.getCommand() == javax.sound.midi.ShortMessage.NOTE_OFF
                        || m.getCommand() == javax.sound.midi.ShortMessage.NOTE_ON) {
                    Long start = on.remove(key);
                    if (start != null) {
                        work.get(m.getChannel())[0] += (tempo.micros(tick) - tempo.micros(start)) / 1e6;
                    }
                }
            }
            if (work.isEmpty()) continue;
            int[] channels = work.keySet().stream().mapToInt(Integer::intValue).toArray();
            double[] costs = work.values().stream().mapToDouble(w -> w[0]).toArray();
            parts.add(new Part(name, i, channels, costs));
        }
        if (parts.isEmpty()) throw new SynthException("There are no notes to render.");
        return parts;
    }

    /** What a note costs beyond the time it is held (its release, its start), in seconds of sounding. */
    private static final double NOTE_COST_SEC = 0.25;

    /** Every part's channels, most costly first (the longest-job-first rule spreads them evenly over the threads). */
    private static List<Unit> byCost(List<Part> parts) {
        List<Unit> units = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            for (int k = 0; k < parts.get(p).channels().length; k++) {
                units.add(new Unit(p, k, parts.get(p).channels()[k], parts.get(p).costs()[k]));
            }
        }
        units.sort(java.util.Comparator.comparingDouble(Unit::cost).reversed()
                .thenComparingInt(Unit::part).thenComparingInt(Unit::index));
        return units;
    }

    private static int unitCount(List<Part> parts) {
        return parts.stream().mapToInt(p -> p.channels().length).sum();
    }

    private static void add(float[][] into, float[][] x, int n) {
        for (int c = 0; c < 2; c++) {
            float[] m = into[c];
            float[] v = x[c];
            for (int i = 0; i < n; i++) m[i] += v[i];
        }
    }

    /** A stream that ended early leaves silence, not the last block's samples. */
    private static void zeroTail(float[][] piece, int got, int n) {
        if (got < n) {
            for (float[] ch : piece) java.util.Arrays.fill(ch, Math.max(0, got), n, 0f);
        }
    }

    /** A worker's failure, or an interrupt, as the synthesis error the caller sees. */
    private static RuntimeException failure(Exception e) {
        if (e.getCause() instanceof java.util.concurrent.CancellationException stopped) {
            return stopped;
        }
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new SynthException("Synthesis was interrupted.", e);
        }
        Throwable c = e.getCause();
        return c instanceof SynthException se ? se : new SynthException("Synthesis failed: " + c.getMessage(), c);
    }

    private static String name(Track t) {
        for (int i = 0; i < t.size(); i++) {
            if (t.get(i).getMessage() instanceof MetaMessage m && m.getType() == 0x03) {
                return new String(m.getData(), StandardCharsets.US_ASCII);
            }
        }
        return null;
    }
}
