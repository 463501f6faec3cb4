package dev.backbeat.cli;

import dev.backbeat.engine.media.Ffmpeg;
import dev.backbeat.engine.media.FfmpegLocator;
import dev.backbeat.engine.media.FfmpegRunner;
import dev.backbeat.engine.media.MediaException;
import dev.backbeat.service.BackendException;
import dev.backbeat.service.CancelToken;
import dev.backbeat.service.ChatEvent;
import dev.backbeat.service.ExportRequest;
import dev.backbeat.service.local.FfmpegSource;
import dev.backbeat.service.local.LocalBackend;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code backbeat bench soak}: many jobs in a row in one process (a clip read, a change asked in
 * the chat, an export), on varied generated clips, printing what a long session must not grow:
 * heap after a collection, resident memory, threads, open files, temporary files, child processes.
 */
@Command(name = "soak", description = "Run many jobs in one process and print whether memory, threads, files or temp files grow.")
final class BenchSoakCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--jobs", defaultValue = "50", description = "How many jobs (default 50).")
    int jobs;

    @Option(names = "--work", paramLabel = "DIR", description = "Keep the generated clips here (default: a temporary folder).")
    Path work;

    private static final List<String> CHANGES = List.of("calmer in the middle", "upbeat lo-fi", "more energetic, no drums",
            "cinematic with strings", "add the title 'Soak' for 2 s", "35%", "another variation", "piano only, slower");

    /** What a long session must not grow, read off this process. */
    record Reading(double heapMb, double rssMb, int threads, int openFiles, int tempEntries, long children) {
        static Reading now() {
            System.gc();
            Runtime rt = Runtime.getRuntime();
            return new Reading((rt.totalMemory() - rt.freeMemory()) / 1048576.0, readRssMb(), Thread.activeCount(),
                    count(Path.of("/proc/self/fd")), countTempEntries(), ProcessHandle.current().descendants().count());
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (BenchClips.Workspace ws = BenchClips.Workspace.open(work)) {
            FfmpegRunner runner = new FfmpegRunner(new FfmpegLocator().locate());
            List<Path> clips = clips(runner, ws.dir());
            Path target = ws.dir().resolve("soak-out.mp4");
            out.printf(Locale.ROOT, "%5s %9s %9s %8s %10s %11s %9s %7s%n", "jobs", "heap MB", "RSS MB", "threads",
                    "open files", "temp files", "children", "s/job");
            List<Reading> readings = new ArrayList<>();
            Reading first = Reading.now();
            readings.add(first);
            print(out, 0, first, 0);
            long t0 = System.nanoTime();
            for (int i = 1; i <= jobs; i++) {
                job(clips.get(i % clips.size()), CHANGES.get(i % CHANGES.size()), target);
                if (i % 10 == 0 || i == jobs) {
                    Reading r = Reading.now();
                    readings.add(r);
                    print(out, i, r, (System.nanoTime() - t0) / 1e9 / i);
                }
            }
            Reading second = readings.size() > 2 ? readings.get(1) : first;
            Reading last = readings.get(readings.size() - 1);
            out.printf(Locale.ROOT, "growth from job 10 to job %d: heap %+.1f MB, RSS %+.1f MB, threads %+d, open files %+d,"
                            + " temp files %+d, children %+d%n", jobs, last.heapMb() - second.heapMb(), last.rssMb() - second.rssMb(),
                    last.threads() - second.threads(), last.openFiles() - second.openFiles(),
                    last.tempEntries() - second.tempEntries(), last.children() - second.children());
            Files.deleteIfExists(target);
            return 0;
        }
    }

    private static void job(Path clip, String change, Path target) throws BackendException {
        try (LocalBackend backend = new LocalBackend(new FfmpegSource(null))) {
            backend.upload(List.of(clip), (n, f) -> { }, CancelToken.none());
            List<ChatEvent> events = new ArrayList<>();
            backend.chat(change, events::add, CancelToken.none());
            for (ChatEvent e : events) {
                if (e instanceof ChatEvent.Failed f) {
                    throw f.error();
                }
            }
            backend.export(new ExportRequest(target, "auto", -14), p -> { }, CancelToken.none());
        }
    }

    /** Three clips unlike each other: 1080p with sound, vertical 720p, and one with no sound at all. */
    private static List<Path> clips(FfmpegRunner runner, Path dir) throws MediaException {
        List<Path> clips = new ArrayList<>();
        clips.add(make(runner, dir.resolve("soak-a.mp4"), "testsrc2=s=1920x1080:r=30:d=12,hue=h='90*floor(t/3)'", "sine=f=220:d=12"));
        clips.add(make(runner, dir.resolve("soak-b.mp4"), "testsrc2=s=720x1280:r=25:d=8", "sine=f=440:d=8"));
        clips.add(make(runner, dir.resolve("soak-c.mp4"), "testsrc2=s=1280x720:r=30:d=10", null));
        return clips;
    }

    private static Path make(FfmpegRunner runner, Path out, String video, String audio) throws MediaException {
        if (Files.exists(out)) {
            return out;
        }
        List<String> args = new ArrayList<>(List.of("-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", video));
        if (audio != null) {
            args.addAll(List.of("-f", "lavfi", "-i", audio, "-c:a", "aac", "-shortest"));
        }
        args.addAll(List.of("-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", out.toString()));
        FfmpegRunner.Result r = runner.run(Ffmpeg.Tool.FFMPEG, args, 120);
        if (r.exitCode() != 0) {
            throw new MediaException(MediaException.Kind.FAILED, "Making a soak clip failed: " + r.stderrText());
        }
        return out;
    }

    private static void print(PrintWriter out, int i, Reading r, double perJob) {
        out.printf(Locale.ROOT, "%5d %9.1f %9.1f %8d %10d %11d %9d %7s%n", i, r.heapMb(), r.rssMb(), r.threads(), r.openFiles(),
                r.tempEntries(), r.children(), i == 0 ? "" : String.format(Locale.ROOT, "%.2f", perJob));
        out.flush();
    }

    private static double readRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return -1;
    }

    private static int count(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return (int) s.count();
        } catch (IOException e) {
            return -1;
        }
    }

    /** This process's own entries in the temporary folder. */
    private static int countTempEntries() {
        String mine = "backbeat-" + ProcessHandle.current().pid() + "-";
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return (int) s.filter(p -> p.getFileName().toString().startsWith(mine)).count();
        } catch (IOException e) {
            return -1;
        }
    }
}
