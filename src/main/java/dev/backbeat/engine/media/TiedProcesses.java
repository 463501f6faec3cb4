package dev.backbeat.engine.media;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Starts the app's child processes (FFmpeg) so that they end with the app, however it ends.
 *
 * <p>A child started from the JVM inherits SIGPIPE as ignored, so an FFmpeg whose JVM was killed
 * does not notice its pipes closing and encodes on. On Linux each child is therefore started under
 * {@code setpriv --pdeathsig KILL}: the kernel kills it when the thread that started it ends. That
 * is a <em>thread</em>, not the process, so every child is started from one thread kept for the
 * life of the JVM; a pool thread that retires would otherwise take its children with it. Where
 * setpriv is missing, a shutdown hook still ends the children on a normal exit, Ctrl+C or SIGTERM
 * (not on SIGKILL).
 */
public final class TiedProcesses {
    private static final List<String> PDEATHSIG = List.of("setpriv", "--pdeathsig", "KILL", "--");
    private static final ExecutorService LAUNCHER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "backbeat-process-launcher");
        t.setDaemon(true);
        return t;
    });
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
    private static volatile Boolean setprivWorks;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TiedProcesses::endAll, "backbeat-end-children"));
    }

    private TiedProcesses() {
    }

    /** Starts {@code pb}'s command tied to this JVM. */
    public static Process start(ProcessBuilder pb) throws IOException {
        ProcessBuilder tied = pb;
        if (setprivWorks()) {
            List<String> command = new ArrayList<>(PDEATHSIG);
            command.addAll(pb.command());
            tied = new ProcessBuilder(command).directory(pb.directory()).redirectInput(pb.redirectInput())
                    .redirectOutput(pb.redirectOutput()).redirectError(pb.redirectError())
                    .redirectErrorStream(pb.redirectErrorStream());
            tied.environment().clear();
            tied.environment().putAll(pb.environment());
        }
        ProcessBuilder chosen = tied;
        Process p;
        try {
            p = LAUNCHER.submit(chosen::start).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting " + pb.command().get(0), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        }
        LIVE.add(p);
        p.onExit().thenRun(() -> LIVE.remove(p));
        return p;
    }

    /** Whether children are killed by the kernel when the app dies (setpriv with --pdeathsig is usable). */
    public static boolean diesWithTheApp() {
        return setprivWorks();
    }

    private static boolean setprivWorks() {
        Boolean known = setprivWorks;
        if (known == null) {
            known = probe();
            setprivWorks = known;
        }
        return known;
    }

    private static boolean probe() {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(List.of("setpriv", "--pdeathsig", "KILL", "--", "true"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void endAll() {
        for (Process p : LIVE) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }
}
