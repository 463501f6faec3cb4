package dev.backbeat.cli;

import com.google.gson.Gson;
import dev.backbeat.engine.Fixtures;
import dev.backbeat.engine.analysis.VideoProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnalyzeCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Cli.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void summaryAndJson() {
        Path clip = Fixtures.make(dir.resolve("clip.mp4"), "-filter_complex",
                "testsrc2=s=320x180:r=30,trim=end_frame=15[a];color=c=red:s=320x180:r=30:d=0.5[b];[a][b]concat,format=yuv420p",
                "-c:v", "libx264", "-preset", "ultrafast");
        assertEquals(0, run("analyze", clip.toString()), err.toString());
        assertTrue(out.toString().contains("Cuts: 1 hard"), out.toString());
        assertTrue(out.toString().contains("0:00.500 frame 15"), out.toString());

        out.getBuffer().setLength(0);
        assertEquals(0, run("analyze", "--json", clip.toString()), err.toString());
        VideoProfile p = new Gson().fromJson(out.toString(), VideoProfile.class);
        assertEquals(1, p.hardCuts().size());
        assertEquals(15, p.hardCuts().get(0).frame());
    }

    @Test
    void badInputExitsWith2AndSaysWhy() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.mov"));
        assertEquals(2, run("analyze", empty.toString()));
        assertTrue(err.toString().contains("empty"), err.toString());
    }
}
