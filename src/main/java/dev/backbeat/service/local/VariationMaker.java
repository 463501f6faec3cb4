package dev.backbeat.service.local;

import dev.backbeat.engine.analysis.VideoProfile;
import dev.backbeat.engine.compose.Affect;
import dev.backbeat.engine.compose.Brief;
import dev.backbeat.engine.compose.Style;
import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.engine.media.MediaException;
import dev.backbeat.engine.score.ScorePipeline;
import dev.backbeat.service.BackendException;
import dev.backbeat.service.ProgressListener;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Alternatives to the current piece for the same footage: the same style with another seed first,
 * then the styles whose feel lies nearest the footage's mood (its valence and arousal), each
 * composed and rendered side by side.
 */
final class VariationMaker {

    /** Where each style sits on the mood plane (valence -1..1, arousal 0..1), as {@code StyleLibrary.forAffect} reads it. */
    private static final Map<Style, double[]> FEEL = new EnumMap<>(Style.class);

    static {
        FEEL.put(Style.TENSE, new double[] {-0.7, 0.6});
        FEEL.put(Style.PIANO, new double[] {-0.4, 0.15});
        FEEL.put(Style.LOFI, new double[] {0.3, 0.15});
        FEEL.put(Style.POP, new double[] {0.6, 0.85});
        FEEL.put(Style.HOUSE, new double[] {-0.2, 0.85});
        FEEL.put(Style.CORPORATE, new double[] {0.6, 0.5});
        FEEL.put(Style.CINEMATIC, new double[] {0.0, 0.5});
        FEEL.put(Style.FOLK, new double[] {0.35, 0.35});
    }

    /** A rendered alternative, kept until it is picked or the footage or the piece changes. */
    record Offer(String id, Brief brief, ScorePipeline.Music music) {
    }

    private final AtomicInteger ids = new AtomicInteger();
    /** How many times variations were asked for: each time brings new seeds, so the cards are new too. */
    private long rounds;

    /** The briefs for the next set of cards; see {@link #briefs(VideoProfile, Brief, Style, int)}. */
    List<Brief> nextBriefs(VideoProfile profile, Brief base, Style current, int count) {
        rounds++;
        return briefs(profile, base.withSeed(base.seed() + 7919 * rounds), current, count);
    }

    /**
     * The briefs of {@code count} alternatives: {@code base} with a fresh seed in the current style,
     * then the other styles nearest the mood, each with its own seed. What else the user asked for
     * (instruments, tempo, key, intensity) is kept.
     */
    static List<Brief> briefs(VideoProfile profile, Brief base, Style current, int count) {
        Affect mood = Affect.of(profile, base);
        List<Brief> out = new ArrayList<>();
        long seed = base.seed();
        out.add(base.withStyle(current).withSeed(nextSeed(seed)));
        List<Style> near = byFit(mood);
        near.remove(current);
        for (int i = 0; out.size() < count; i++) {
            seed = nextSeed(seed);
            Style s = i < near.size() ? near.get(i) : current;
            out.add(base.withStyle(s).withSeed(nextSeed(seed)));
        }
        return out.subList(0, Math.max(0, count));
    }

    /** Every style, nearest the mood first. */
    static List<Style> byFit(Affect mood) {
        List<Style> all = new ArrayList<>(FEEL.keySet());
        all.sort(Comparator.comparingDouble(s -> distance(FEEL.get(s), mood)));
        return all;
    }

    private static double distance(double[] feel, Affect a) {
        // arousal spans 0-1 and valence -1..1: weigh them alike
        double dv = (feel[0] - a.valence()) / 2;
        double da = feel[1] - a.arousal();
        return dv * dv + da * da;
    }

    private static long nextSeed(long seed) {
        return seed * 6364136223846793005L + 1442695040888963407L;
    }

    /**
     * Composes and renders each brief, two at a time (composing is single-threaded, so a second
     * piece overlaps it with the first one's synthesis); a cancel stops them all.
     */
    List<Offer> render(ScorePipeline pipeline, VideoProfile profile, List<Brief> briefs, ProgressListener progress,
                       Cancellation cancel) throws BackendException {
        int threads = Math.max(1, Math.min(briefs.size(), Math.min(2, Runtime.getRuntime().availableProcessors())));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "backbeat-variation");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<ScorePipeline.Music>> jobs = new ArrayList<>();
            for (Brief b : briefs) {
                jobs.add(pool.submit(() -> {
                    ScorePipeline.Music m = pipeline.compose(profile, b, cancel);
                    progress.progress("Rendered " + done.incrementAndGet() + " of " + briefs.size() + "…",
                            done.get() / (double) briefs.size());
                    return m;
                }));
            }
            List<Offer> out = new ArrayList<>();
            for (int i = 0; i < briefs.size(); i++) {
                out.add(new Offer("v" + ids.incrementAndGet(), briefs.get(i), jobs.get(i).get()));
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel.cancel();
            throw BackendException.cancelled();
        } catch (ExecutionException e) {
            cancel.cancel();
            Throwable cause = e.getCause();
            if (cause instanceof MediaException me) {
                throw LocalSession.map(me);
            }
            throw new BackendException(BackendException.Kind.INTERNAL,
                    "A variation could not be composed: " + cause.getMessage(), cause);
        } finally {
            pool.shutdownNow();
        }
    }
}
