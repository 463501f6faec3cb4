package dev.backbeat.cli;

import dev.backbeat.engine.media.FfmpegLocator;
import dev.backbeat.engine.media.FfmpegRunner;
import dev.backbeat.service.CancelToken;
import dev.backbeat.service.preview.PreviewPictures;
import dev.backbeat.service.preview.PreviewSound;
import dev.backbeat.service.preview.ScoredPreview;
import dev.backbeat.service.local.FfmpegSource;
import dev.backbeat.service.local.LocalBackend;
import dev.backbeat.ui.preview.PreviewPlayer;
import dev.backbeat.ui.preview.RecordingSink;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * {@code backbeat bench preview}: the in-app player on the local engine, measured from its own
 * outputs (the pictures it hands to the view, the sound it writes to its sink and that sink's
 * clock): Play to first sound and first new picture; a chat change on a 30-s clip to the new
 * music being heard; and the picture/sound offset on a generated clip with a white flash and a
 * click every second.
 */
@Command(name = "preview", description = "Time the in-app player: Play to sound and picture, chat change to audible, sync offset.")
final class BenchPreviewCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--work", paramLabel = "DIR", description = "Keep the generated clips here (default: a temporary folder).")
    Path work;

    @Option(names = "--changes", defaultValue = "3", description = "Chat changes to time on the 30-s clip (default 3).")
    int changes;

    /** A picture handed to the view, and when. */
    private record Shown(long nanos, PreviewPictures.Picture picture) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (BenchClips.Workspace workspace = BenchClips.Workspace.open(work)) {
            Path dir = workspace.dir();
            FfmpegRunner runner = new FfmpegRunner(new FfmpegLocator().locate());
            out.printf(Locale.ROOT, "%d cores, load average %s%n", Runtime.getRuntime().availableProcessors(), loadAverage());
            sync(runner, dir, out);
            chatToAudible(runner, dir, out);
        }
        return 0;
    }

    /** The flash-and-click clip through the local back end; offsets of the picture against the sound. */
    private void sync(FfmpegRunner runner, Path dir, PrintWriter out) throws Exception {
        Path clip = dir.resolve("flash-click.mp4");
        if (!java.nio.file.Files.exists(clip)) {
            FfmpegRunner.Result r = runner.run(dev.backbeat.engine.media.Ffmpeg.Tool.FFMPEG, List.of("-nostdin",
                    "-hide_banner", "-loglevel", "error", "-y",
                    "-f", "lavfi", "-i", "color=c=black:s=640x360:r=30:d=6,drawbox=x=0:y=0:w=iw:h=ih:color=white:t=fill"
                            + ":enable='gte(t,0.9)*lt(mod(t,1),0.066)'",
                    "-f", "lavfi", "-i", "aevalsrc='0.8*sin(2*PI*1000*t)*gte(t,0.9)*lt(mod(t,1),0.01)':s=48000:d=6",
                    "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "192k",
                    "-shortest", clip.toString()), 60);
            if (r.exitCode() != 0) {
                throw new IllegalStateException("making the flash clip failed: " + r.stderrText());
            }
        }
        LocalBackend backend = new LocalBackend(new FfmpegSource(null));
        backend.upload(List.of(clip), (n, f) -> { }, CancelToken.none());
        ScoredPreview preview = backend.preview().orElseThrow();
        RecordingSink sink = new RecordingSink(System::nanoTime);
        List<Shown> shown = new CopyOnWriteArrayList<>();
        try (PreviewPlayer player = new PreviewPlayer(() -> sink, p -> shown.add(new Shown(System.nanoTime(), p)))) {
            player.setLayer(PreviewSound.Layer.CLIP);
            long loadAt = System.nanoTime();
            player.load(preview, backend.pictures().orElseThrow());
            Ticking ticking = new Ticking(player);
            await(() -> !shown.isEmpty() && sink.written() > 0);
            double firstPicture = (shown.get(0).nanos() - loadAt) / 1e6;
            Thread.sleep(300);

            long playAt = System.nanoTime();
            player.play();
            long firstSound = -1;
            long firstNewPicture = -1;
            while (firstSound < 0 || firstNewPicture < 0) {
                if (firstSound < 0 && sink.played() > 0) {
                    firstSound = System.nanoTime();
                }
                if (firstNewPicture < 0 && shown.get(shown.size() - 1).picture().timeSec() > 0) {
                    firstNewPicture = shown.get(shown.size() - 1).nanos();
                }
                if (System.nanoTime() - playAt > 5_000_000_000L) {
                    throw new IllegalStateException("nothing played within 5 s");
                }
                Thread.sleep(1);
            }
            out.printf(Locale.ROOT, "load → first picture on screen (prefetched before Play): %.0f ms%n", firstPicture);
            out.printf(Locale.ROOT, "Play → first sound played by the sink: %.1f ms%n", (firstSound - playAt) / 1e6);
            out.printf(Locale.ROOT, "Play → first new picture handed to the view: %.1f ms (includes one frame period, %.1f ms)%n",
                    (firstNewPicture - playAt) / 1e6, 1000 / preview.clips().get(0).fps());

            await(() -> sink.played() > 5.3 * 48_000);
            ticking.stop();
            float[] heard = sink.sinceFlush();
            double worst = 0;
            double sum = 0;
            int n = 0;
            StringBuilder each = new StringBuilder();
            for (int second = 1; second <= 5; second++) {
                int click = onset(heard, second);
                Shown flash = firstWhite(shown, second - 0.1);
                if (click < 0 || flash == null) {
                    continue;
                }
                double offsetMs = (flash.nanos() - sink.heardAt(click)) / 1e6;
                each.append(String.format(Locale.ROOT, " %+.1f", offsetMs));
                worst = Math.max(worst, Math.abs(offsetMs));
                sum += offsetMs;
                n++;
            }
            out.printf(Locale.ROOT, "sync (picture shown − click heard, + = picture late), %d flashes:%s ms; mean %+.1f ms,"
                    + " worst %.1f ms; sink underruns %d%n", n, each, n == 0 ? Double.NaN : sum / n, worst, sink.underruns());
        } finally {
            backend.close();
        }
    }

    /** The first sample of the click near {@code second}: over half the loudest sample within ±0.1 s. */
    private static int onset(float[] heard, int second) {
        int from = (second * 1000 - 100) * 48;
        int to = Math.min(heard.length, (second * 1000 + 100) * 48);
        float max = 0;
        for (int i = from; i < to; i++) {
            max = Math.max(max, Math.abs(heard[i]));
        }
        for (int i = from; i < to; i++) {
            if (max > 0.01 && Math.abs(heard[i]) > max / 2) {
                return i;
            }
        }
        return -1;
    }

    private static Shown firstWhite(List<Shown> shown, double afterSec) {
        for (Shown s : shown) {
            PreviewPictures.Picture p = s.picture();
            if (p.timeSec() >= afterSec && p.timeSec() < afterSec + 0.5) {
                int mid = ((p.height() / 2) * p.width() + p.width() / 2) * 3;
                if ((p.rgb()[mid] & 0xff) > 200) {
                    return s;
                }
            }
        }
        return null;
    }

    /** A 30-s clip, warm: chat changes timed until the new music is heard from the playing player. */
    private void chatToAudible(FfmpegRunner runner, Path dir, PrintWriter out) throws Exception {
        Path clip = BenchClips.clip(runner, dir, 30, out);
        LocalBackend backend = new LocalBackend(new FfmpegSource(null));
        backend.upload(List.of(clip), (n, f) -> { }, CancelToken.none());
        RecordingSink sink = new RecordingSink(System::nanoTime);
        PreviewPictures pictures = backend.pictures().orElseThrow();
        try (PreviewPlayer player = new PreviewPlayer(() -> sink, p -> { })) {
            player.load(backend.preview().orElseThrow(), pictures);
            Ticking ticking = new Ticking(player);
            player.play();
            String[] asks = {"calmer", "more energetic", "lo-fi", "cinematic", "upbeat"};
            // the first change warms the process, as an app that has scored a clip is
            for (int i = 0; i <= changes; i++) {
                long t0 = System.nanoTime();
                backend.chat(asks[i % asks.length], e -> { }, CancelToken.none());
                long composed = System.nanoTime();
                ScoredPreview next = backend.preview().orElseThrow();
                long prepared = System.nanoTime();
                int flushes = sink.flushes();
                player.load(next, pictures);
                await(() -> sink.flushes() > flushes && sink.played() > 0);
                long heard = System.nanoTime();
                out.printf(Locale.ROOT, "%s chat change \"%s\" → new music heard: %.0f ms (compose+synthesis %.0f ms, preview"
                                + " mix %.0f ms, to the sink's ears %.0f ms)%n", i == 0 ? "warm-up" : "timed  ", asks[i % asks.length],
                        (heard - t0) / 1e6, (composed - t0) / 1e6, (prepared - composed) / 1e6, (heard - prepared) / 1e6);
            }
            ticking.stop();
        } finally {
            backend.close();
        }
        out.printf(Locale.ROOT, "load average after: %s%n", loadAverage());
    }

    private static void await(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the player did not get there within 30 s");
            }
            Thread.sleep(1);
        }
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** The app's ~60 ticks a second, on a thread of its own. */
    private static final class Ticking {
        private final Thread thread;
        private volatile boolean stopped;

        Ticking(PreviewPlayer player) {
            thread = new Thread(() -> {
                while (!stopped) {
                    player.tick();
                    try {
                        Thread.sleep(16);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-ticker");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() {
            stopped = true;
            thread.interrupt();
        }
    }
}
