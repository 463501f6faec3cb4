package dev.backbeat.cli;

import com.google.gson.Gson;
import dev.backbeat.engine.analysis.VideoProfile;
import dev.backbeat.engine.analysis.VideoProfile.Cut;
import dev.backbeat.engine.analysis.VideoProfile.Mood;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComposeCommandTest {

    @TempDir
    Path dir;

    @Test
    void composesFromAProfileJson() throws Exception {
        double[] curve = new double[40];
        java.util.Arrays.fill(curve, 0.5);
        VideoProfile p = new VideoProfile("clip.mp4", 10, 30, 1920, 1080, true,
                List.of(new Cut(2.5, 75, 0.9, false, 0), new Cut(5.0, 150, 0.5, false, 0), new Cut(7.5, 225, 0.7, false, 0)),
                0.25, curve, List.of(), List.of(), curve, curve, List.of(), List.of(), new Mood("calm", 0.2, 0.4, 0.7, "test"));
        Path json = dir.resolve("profile.json");
        Files.writeString(json, new Gson().toJson(p));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new String[] {"compose", json.toString(), "-o", dir.resolve("m.wav").toString(),
            "--midi", dir.resolve("m.mid").toString(), "--stems", dir.resolve("stems").toString(), "--style", "lofi",
            "--seed", "3", "--plan", dir.resolve("plan.json").toString()}, new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        System.out.println(out);
        com.google.gson.JsonObject plan = com.google.gson.JsonParser.parseString(Files.readString(dir.resolve("plan.json")))
                .getAsJsonObject();
        // the plan says what was applied: style, tempo map, sections with their times and energy, each cut and how it is met
        assertEquals("LOFI", plan.get("style").getAsString());
        assertEquals("LOFI", plan.getAsJsonObject("asked").get("style").getAsString());
        assertEquals(3, plan.getAsJsonArray("cuts").size());
        assertEquals(2.5, plan.getAsJsonArray("cuts").get(0).getAsJsonObject().get("sec").getAsDouble(), 1e-9);
        assertTrue(plan.getAsJsonArray("cuts").get(0).getAsJsonObject().get("caught").getAsString().startsWith("on"));
        assertTrue(plan.getAsJsonArray("tempoMap").size() >= 3, "a tempo per bar");
        assertTrue(plan.getAsJsonArray("sectionTimes").get(0).getAsJsonObject().has("energy"));
        assertTrue(plan.has("instruments") && plan.has("key"));
        assertTrue(out.toString().contains("Tempo:"));
        assertTrue(out.toString().contains("on a beat"));
        assertEquals(10 * 48000 * 4 + 44, Files.size(dir.resolve("m.wav")));
        assertTrue(Files.size(dir.resolve("m.mid")) > 100);
        for (String s : new String[] {"drums", "bass", "harmony", "melody"}) {
            assertTrue(Files.exists(dir.resolve("stems").resolve(s + ".wav")), s);
        }
    }

    @Test
    void aBrokenVideoIsRefusedWithAClearMessage() throws Exception {
        Path video = dir.resolve("clip.mp4");
        Files.write(video, new byte[] {0, 0, 0, 24});
        StringWriter err = new StringWriter();
        int code = Cli.run(new String[] {"compose", video.toString(), "-o", dir.resolve("m.wav").toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(2, code);
        assertTrue(err.toString().contains("clip.mp4"), err.toString());
    }

    @Test
    void aVideoIsAnalysedAndScored() throws Exception {
        Path video = dev.backbeat.engine.Fixtures.make(dir.resolve("scenes.mp4"), "-f", "lavfi", "-i",
                "testsrc2=s=320x180:r=30:d=2.5", "-f", "lavfi", "-i", "smptebars=s=320x180:r=30:d=2.5", "-filter_complex",
                "[0:v][1:v]concat=n=2:v=1:a=0,format=yuv420p[v]", "-map", "[v]", "-c:v", "libx264", "-preset", "ultrafast");
        StringWriter out = new StringWriter();
        Path wav = dir.resolve("scenes.wav");
        int code = Cli.run(new String[] {"compose", video.toString(), "-o", wav.toString()},
                new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertEquals(0, code, out.toString());
        assertTrue(out.toString().contains("1 hard cuts"), out.toString());
        assertTrue(Files.size(wav) > 48_000 * 4 * 4, "about 5 s of 48 kHz stereo 16-bit");
    }

    @Test
    void anUnknownStyleIsBadInput() throws Exception {
        Path json = dir.resolve("p.json");
        Files.writeString(json, "{\"durationSec\": 5, \"cuts\": []}");
        StringWriter err = new StringWriter();
        int code = Cli.run(new String[] {"compose", json.toString(), "-o", dir.resolve("m.wav").toString(),
            "--style", "polka"}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(2, code);
        assertTrue(err.toString().contains("Choose one of"), err.toString());
    }
}
