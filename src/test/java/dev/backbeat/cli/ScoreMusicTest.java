package dev.backbeat.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.backbeat.engine.Fixtures;
import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.engine.media.Ffmpeg;
import dev.backbeat.engine.media.Progress;
import dev.backbeat.engine.song.Song;
import dev.backbeat.engine.song.SongAnalyzer;
import dev.backbeat.engine.song.SongFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code backbeat score clip.mp4 --music song.mp3 -o out.mp4}: the user's song in place of composed music. */
class ScoreMusicTest {
    @TempDir
    static Path dir;
    static Path clip;
    static Path song;

    @BeforeAll
    static void make() throws Exception {
        clip = Fixtures.make(dir.resolve("clip.mp4"), "-f", "lavfi", "-i", "testsrc=size=320x180:rate=25:duration=25",
                "-f", "lavfi", "-i", "sine=frequency=300:duration=25", "-c:v", "libx264", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-shortest");
        song = SongFiles.mp3(dir, "song", 97, 14);
    }

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void theSongIsFittedAndExported() throws Exception {
        Path out = dir.resolve("out.mp4");
        String[] r = run("score", clip.toString(), "--music", song.toString(), "-o", out.toString(), "--json");
        assertEquals("0", r[0], r[2]);
        JsonObject result = JsonParser.parseString(r[1]).getAsJsonArray().get(0).getAsJsonObject();
        System.out.println(result.get("song").getAsString());
        assertTrue(result.get("song").getAsString().startsWith("Using your song 'song.mp3' (97 BPM), fitted to 0:25"),
                result.get("song").getAsString());
        JsonObject fit = result.getAsJsonObject("fit");
        assertEquals(97, fit.get("bpm").getAsDouble(), 97 * 0.02);
        double[] bars = SongFiles.bars(97, 14);
        JsonArray joins = fit.getAsJsonArray("joins");
        assertFalse(joins.isEmpty(), "a 60-s song fitted to 25 s has a cut");
        for (var j : joins) {
            for (String side : new String[] {"left", "entered"}) {
                double t = j.getAsJsonObject().get(side).getAsDouble();
                double near = java.util.Arrays.stream(bars).map(b -> Math.abs(b - t)).min().orElse(1);
                assertTrue(near <= 0.020, side + " at " + t + " is no bar line of the song");
            }
        }

        // the MP4 has AAC sound as long as the video
        Ffmpeg ff = Fixtures.ffmpeg();
        String probe = Fixtures.runner().run(Ffmpeg.Tool.FFPROBE, List.of("-v", "error", "-show_entries",
                "stream=codec_type,codec_name,duration", "-of", "csv=p=0", out.toString()), 30).stdout();
        System.out.println(probe.strip());
        double video = 0;
        double audio = 0;
        for (String line : probe.strip().split("\n")) {
            String[] f = line.split(",");
            if (f[1].equals("video")) {
                video = Double.parseDouble(f[2]);
            } else if (f[1].equals("audio")) {
                assertEquals("aac", f[0]);
                audio = Double.parseDouble(f[2]);
            }
        }
        assertEquals(25, video, 0.05);
        assertEquals(video, audio, 0.05, "the sound lasts as long as the picture");

        // what is heard is the song: its tempo comes back out of the exported sound
        Song heard = new SongAnalyzer(Fixtures.runner()).analyze(out, dir.resolve("heard.f32"), Progress.none(), Cancellation.none());
        System.out.println("exported: " + heard.grid().describe());
        assertEquals(97, heard.grid().bpm(), 97 * 0.02);
    }

    @Test
    void badSongsAreRefusedAndNothingIsWritten() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.mp3"));
        Path text = Files.writeString(dir.resolve("notes.mp3"), "not a song at all, just words\n");
        Path silent = Fixtures.make(dir.resolve("silent.mp4"), "-f", "lavfi", "-i", "testsrc=size=160x90:rate=25:duration=2",
                "-c:v", "libx264", "-pix_fmt", "yuv420p");
        byte[] whole = Files.readAllBytes(song);
        Path cut = Files.write(dir.resolve("cut.mp3"), java.util.Arrays.copyOf(whole, whole.length / 2));
        for (Path bad : List.of(empty, text, silent, cut)) {
            Path out = dir.resolve("never-" + bad.getFileName() + ".mp4");
            String[] r = run("score", clip.toString(), "--music", bad.toString(), "-o", out.toString());
            System.out.println(bad.getFileName() + " → exit " + r[0] + ": " + r[2].strip());
            assertEquals("2", r[0], r[1] + r[2]);
            assertTrue(r[2].contains(bad.getFileName().toString()), r[2]);
            assertFalse(Files.exists(out), "nothing is written for " + bad.getFileName());
        }
    }
}
