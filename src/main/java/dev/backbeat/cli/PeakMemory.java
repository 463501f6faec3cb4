package dev.backbeat.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Peak resident memory of a command and all its children together, sampled from /proc every
 * 50 ms (Linux). Summing the processes' current sizes at the same instant gives the real peak of
 * the whole job, which adding each process's own high-water mark would overstate.
 */
final class PeakMemory {

    private PeakMemory() {
    }

    /** {@code backbeat analyze --json CLIP} in a fresh JVM with this one's class path and a fixed heap cap. */
    static List<String> analyzeCommand(Path clip) {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "dev.backbeat.app.Main", "analyze", "--json", clip.toString()));
    }

    /** Runs {@code command} to the end and returns its peak total resident size in kB. */
    static long ofCommand(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        long peak = 0;
        while (!p.waitFor(50, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            long sum = rssKb(p.pid());
            for (ProcessHandle child : p.descendants().toList()) {
                sum += rssKb(child.pid());
            }
            peak = Math.max(peak, sum);
        }
        if (p.exitValue() != 0) {
            throw new IOException("backbeat analyze failed with exit code " + p.exitValue());
        }
        return peak;
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // the process ended between listing and reading
        }
        return 0;
    }
}
