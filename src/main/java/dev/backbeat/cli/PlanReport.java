package dev.backbeat.cli;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.backbeat.engine.compose.MusicPlan;
import dev.backbeat.engine.compose.Section;

import java.util.List;
import java.util.Locale;

/**
 * What a piece was made of, for {@code score --json} and {@code compose --plan}: the plan as it is,
 * plus the readings people look for first: sections with their times and energy, the tempo bar by
 * bar, and each hard cut with how the music meets it (on a beat, on the off-beat, or not on the grid).
 */
final class PlanReport {
    private static final double ON_GRID_SEC = 0.05;

    private PlanReport() {
    }

    static JsonObject of(MusicPlan plan, List<Double> cutTimes) {
        JsonObject o = new Gson().toJsonTree(plan).getAsJsonObject();
        o.addProperty("styleLabel", plan.style().label());
        JsonArray sections = new JsonArray();
        for (Section s : plan.sections()) {
            JsonObject j = new JsonObject();
            j.addProperty("role", s.role().name().toLowerCase(Locale.ROOT));
            j.addProperty("startSec", round(barStart(plan, s.startBar())));
            j.addProperty("endSec", round(Math.min(plan.durationSec(), barStart(plan, s.endBar()))));
            j.addProperty("energy", round(s.energy()));
            sections.add(j);
        }
        o.add("sectionTimes", sections);
        JsonArray tempo = new JsonArray();
        int bars = plan.sections().get(plan.sections().size() - 1).endBar();
        for (int bar = 0; bar < bars; bar++) {
            double from = barStart(plan, bar);
            double to = barStart(plan, bar + 1);
            if (from >= plan.durationSec()) {
                break;
            }
            JsonObject j = new JsonObject();
            j.addProperty("bar", bar + 1);
            j.addProperty("startSec", round(from));
            j.addProperty("bpm", round(60.0 * plan.beatsPerBar() / (to - from)));
            tempo.add(j);
        }
        o.add("tempoMap", tempo);
        JsonArray cuts = new JsonArray();
        int caught = 0;
        for (double t : cutTimes) {
            double beat = nearest(plan.beatTimes(), t, false);
            double half = nearest(plan.beatTimes(), t, true);
            String how = beat <= ON_GRID_SEC ? "on a beat" : half <= ON_GRID_SEC ? "on the off-beat" : "not on the grid";
            caught += how.startsWith("on") ? 1 : 0;
            JsonObject j = new JsonObject();
            j.addProperty("sec", round(t));
            j.addProperty("caught", how);
            j.addProperty("offByMs", Math.round(1000 * Math.min(beat, half)));
            cuts.add(j);
        }
        o.add("cuts", cuts);
        o.addProperty("cutsCaught", caught);
        o.remove("beatTimes");
        o.add("beatTimes", new Gson().toJsonTree(plan.beatTimes()));
        return o;
    }

    private static double barStart(MusicPlan plan, int bar) {
        double[] beats = plan.beatTimes();
        int i = plan.firstDownbeat() + bar * plan.beatsPerBar();
        if (i < beats.length) {
            return beats[i];
        }
        double last = beats[beats.length - 1];
        double period = beats.length > 1 ? last - beats[beats.length - 2] : 0.5;
        return last + (i - beats.length + 1) * period;
    }

    /** Seconds from {@code t} to the nearest beat, or (halves) to the nearest point midway between two beats. */
    private static double nearest(double[] beats, double t, boolean halves) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < beats.length; i++) {
            double x = halves ? (i + 1 < beats.length ? (beats[i] + beats[i + 1]) / 2 : Double.NaN) : beats[i];
            if (!Double.isNaN(x)) {
                best = Math.min(best, Math.abs(x - t));
            }
        }
        return best;
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }
}
