package dev.backbeat.engine.compose;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Onsets heard by an independent detector: {@code aubio onset} from Debian's aubio-tools. */
final class Aubio {

    private Aubio() {
    }

    static boolean available() {
        try {
            Process p = new ProcessBuilder("aubio", "onset", "-h").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static List<Double> onsets(Path wav) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("aubio", "onset", "-i", wav.toString()).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.getErrorStream().readAllBytes();
        if (p.waitFor() != 0) throw new IOException("aubio onset failed on " + wav);
        List<Double> times = new ArrayList<>();
        for (String line : out.split("\\R")) {
            if (!line.isBlank()) times.add(Double.parseDouble(line.trim()));
        }
        return times;
    }

    /** The share of times that have an onset within the tolerance. */
    static double rate(List<Double> times, List<Double> onsets, double tolerance) {
        if (times.isEmpty()) return 0;
        int hit = 0;
        for (double t : times) {
            for (double o : onsets) {
                if (Math.abs(o - t) <= tolerance) {
                    hit++;
                    break;
                }
            }
        }
        return hit / (double) times.size();
    }
}
