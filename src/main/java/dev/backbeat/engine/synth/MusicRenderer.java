package dev.backbeat.engine.synth;

import dev.backbeat.engine.produce.PartChain;
import dev.backbeat.engine.produce.Production;
import dev.backbeat.engine.produce.Space;

import javax.sound.midi.Sequence;
import javax.sound.midi.Soundbank;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Renders each named track of a sequence, channel by channel (the drum kit split by key under a
 * production chain), in parallel (one synthesizer each, so the result does not depend on thread
 * timing), puts each part through its chain and the sum through the bus chain, then masters the
 * mix. Rendering the tracks together was measured no cheaper (CPU 4.4 s vs 4.2 s for two minutes of pop).
 */
public final class MusicRenderer {

    private final Soundbank soundbank;
    private final int threads;

    public MusicRenderer(Soundbank soundbank, int threads) {
        this.soundbank = soundbank;
        this.threads = Math.max(1, threads);
    }

    /** The stems and their mix as the synthesizer renders them, with its own reverb (no production chain). */
    public RenderedMusic render(Sequence seq, double durationSec, double levelDb) {
        return render(seq, durationSec, levelDb, Production.dry());
    }

    /**
     * The stems and their mix through {@code production}'s chain. Each stem is its part after its
     * own chain, with its own share of the room and echo and the bus's gains, so the stems add up
     * to the mix (up to float rounding); lo-fi's record noise comes as one more stem, "vinyl".
     */
    public RenderedMusic render(Sequence seq, double durationSec, double levelDb, Production production) {
        return run(seq, durationSec, levelDb, () -> false, production, true);
    }

    /** How much sound a part renders between two looks at whether to stop: a tenth of a second. */
    private static final int STOP_CHECK_FRAMES = (int) (GervillRenderer.RATE / 10);

    /** Memory for the parts' blocks in {@link #renderMix}: 64 MB, about 40 s of four parts. */
    private static final long BLOCK_BUDGET_BYTES = 64L << 20;

    /** The mix only, as the synthesizer renders it (no production chain); see {@link #renderMix(Sequence, double, double, BooleanSupplier, Production)}. */
    public float[][] renderMix(Sequence seq, double durationSec, double levelDb) {
        return renderMix(seq, durationSec, levelDb, () -> false, Production.dry());
    }

    /** As {@link #renderMix(Sequence, double, double)}, stopping when {@code stop} says so. */
    public float[][] renderMix(Sequence seq, double durationSec, double levelDb, BooleanSupplier stop) {
        return renderMix(seq, durationSec, levelDb, stop, Production.dry());
    }

    /**
     * Renders the mix only, holding no stems: every part is rendered a block at a time (in
     * parallel), put through its chain, and added, in a fixed order, to the mix as it goes, so
     * memory is one stereo buffer plus a block per part, and the result does not depend on thread
     * timing. Gives the same samples as {@link #render}'s mix. {@code stop} is looked at every
     * tenth of a second of sound each part renders; when it says so, the rendering ends with a
     * {@link java.util.concurrent.CancellationException}.
     */
    public float[][] renderMix(Sequence seq, double durationSec, double levelDb, BooleanSupplier stop, Production production) {
        return run(seq, durationSec, levelDb, stop, production, false).mix();
    }

    private RenderedMusic run(Sequence seq, double durationSec, double levelDb, BooleanSupplier stop,
                              Production production, boolean keepStems) {
        RenderPlan plan = RenderPlan.of(seq, production);
        List<RenderPlan.Unit> order = plan.byCost();
        int units = order.size();
        int parts = plan.parts().size();
        int frames = (int) Math.round(durationSec * GervillRenderer.RATE);
        // Blocks as long as the memory budget allows: a part rendered for long stretches on one
        // thread keeps its synthesizer in that core's cache (4-second blocks cost 15-40 % more CPU).
        int step = Math.max((int) (4 * GervillRenderer.RATE), Math.min(frames, (int) (BLOCK_BUDGET_BYTES / (8L * (units + 1)))));
        float[][] mix = new float[2][frames];
        float[][][] stems = keepStems ? new float[parts][2][frames] : null;
        boolean dry = production.isDry();
        GervillRenderer renderer = new GervillRenderer(soundbank, dry);
        int[] kicks = dry ? new int[0] : plan.kickFrames(GervillRenderer.RATE);
        Map<RenderPlan.Unit, PartChain> chains = new LinkedHashMap<>();
        if (!dry) {
            for (RenderPlan.Unit u : order) chains.put(u, production.part(u.role(), kicks));
        }
        Space space = dry ? null : production.space();
        Space[] stemSpaces = new Space[keepStems && !dry ? parts : 0];
        for (int p = 0; p < stemSpaces.length; p++) stemSpaces[p] = production.space();
        float[] reverbBus = dry ? null : new float[step];
        float[] echoBus = dry ? null : new float[step];
        float[] partReverb = keepStems && !dry ? new float[step] : null;
        float[] partEcho = keepStems && !dry ? new float[step] : null;
        Map<RenderPlan.Unit, GervillRenderer.Stream> streams = new LinkedHashMap<>();
        Map<RenderPlan.Unit, float[][]> pieces = new LinkedHashMap<>();
        float[][] stem = null;
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, units));
        try {
            for (RenderPlan.Unit u : order) {
                pieces.put(u, BLOCKS.take(step));
            }
            stem = BLOCKS.take(step);
            for (int pos = 0; pos < frames; pos += step) {
                int n = Math.min(step, frames - pos);
                // the longest jobs first, so the threads finish together
                Map<RenderPlan.Unit, Future<Integer>> jobs = new LinkedHashMap<>();
                for (RenderPlan.Unit u : order) {
                    float[][] piece = pieces.get(u);
                    PartChain chain = chains.get(u);
                    jobs.put(u, pool.submit(() -> {
                        // each synthesizer is started on its worker too: loading its instruments is work
                        GervillRenderer.Stream st;
                        synchronized (streams) {
                            st = streams.get(u);
                        }
                        if (st == null) {
                            st = renderer.open(seq, new int[] {plan.parts().get(u.part()).track()}, u.channel(), u.keys());
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
                        zeroTail(piece, done, n);
                        // the part's own chain runs on its worker, on its own sound: no shared state
                        if (chain != null) chain.process(piece[0], piece[1], 0, n);
                        return done;
                    }));
                }
                if (reverbBus != null) {
                    java.util.Arrays.fill(reverbBus, 0, n, 0f);
                    java.util.Arrays.fill(echoBus, 0, n, 0f);
                }
                // summed part by part in the score's order, each part's channels in order
                for (int p = 0; p < parts; p++) {
                    for (float[] ch : stem) java.util.Arrays.fill(ch, 0, n, 0f);
                    if (partReverb != null) {
                        java.util.Arrays.fill(partReverb, 0, n, 0f);
                        java.util.Arrays.fill(partEcho, 0, n, 0f);
                    }
                    for (RenderPlan.Unit key : plan.unitsOf(p)) {
                        jobs.get(key).get();
                        float[][] piece = pieces.get(key);
                        add(stem, piece, n);
                        PartChain chain = chains.get(key);
                        if (chain != null) {
                            chain.send(piece[0], piece[1], n, reverbBus, echoBus);
                            if (partReverb != null) chain.send(piece[0], piece[1], n, partReverb, partEcho);
                        }
                    }
                    for (int c = 0; c < 2; c++) {
                        float[] m = mix[c];
                        float[] x = stem[c];
                        for (int i = 0; i < n; i++) m[pos + i] += x[i];
                        if (stems != null) System.arraycopy(x, 0, stems[p][c], pos, n);
                    }
                    if (partReverb != null) stemSpaces[p].process(partReverb, partEcho, n, stems[p][0], stems[p][1], pos);
                }
                if (space != null) space.process(reverbBus, echoBus, n, mix[0], mix[1], pos);
            }
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
        float[][][] kept = stems != null ? stems : new float[0][][];
        Map<String, float[][]> byName = new LinkedHashMap<>();
        for (int p = 0; p < kept.length; p++) byName.put(plan.parts().get(p).name(), kept[p]);
        if (!dry) {
            float[][] vinyl = production.bus().process(mix, kept);
            if (vinyl != null) {
                byName.put("vinyl", vinyl);
                kept = java.util.Arrays.copyOf(kept, kept.length + 1);
                kept[kept.length - 1] = vinyl;
            }
        }
        new Mastering().masterMixAndStems(mix, kept, levelDb, 0.12);
        return new RenderedMusic(mix, byName);
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
}
