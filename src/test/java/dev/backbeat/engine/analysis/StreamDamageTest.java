package dev.backbeat.engine.analysis;

import dev.backbeat.engine.Fixtures;
import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.engine.media.ClipInfo;
import dev.backbeat.engine.media.MediaException;
import dev.backbeat.engine.media.MediaProbe;
import dev.backbeat.engine.media.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Files that probe as whole but hold less: found in the reading pass, said in words, never scored silently. */
class StreamDamageTest {
    @TempDir
    static Path dir;
    static Path whole;

    @BeforeAll
    static void clip() {
        // 12 s with its index at the front, as phones and most tools write it (a cut copy keeps it)
        whole = Fixtures.make(dir.resolve("whole.mp4"), "-f", "lavfi", "-i", "testsrc2=s=640x360:r=30:d=12",
                "-f", "lavfi", "-i", "sine=f=330:d=12", "-c:v", "libx264", "-preset", "ultrafast", "-g", "30",
                "-c:a", "aac", "-movflags", "+faststart");
    }

    private static Path firstBytes(String name, double share) throws Exception {
        Path out = dir.resolve(name);
        byte[] all = Files.readAllBytes(whole);
        Files.write(out, java.util.Arrays.copyOf(all, (int) (all.length * share)));
        return out;
    }

    private static VideoAnalyzer analyzer() {
        return new VideoAnalyzer(Fixtures.runner());
    }

    @Test
    void aWholeFileIsNotCalledDamaged() throws Exception {
        VideoAnalyzer a = analyzer();
        VideoProfile p = a.analyze(whole, Progress.none(), Cancellation.none());
        assertNull(a.lastDamage());
        assertEquals(12, p.durationSec(), 0.05);
    }

    @Test
    void aDownloadCutShortIsReportedWithHowMuchIsThere() throws Exception {
        Path cut = firstBytes("cut.mp4", 0.3);
        ClipInfo info = new MediaProbe(Fixtures.runner()).probe(cut);
        assertEquals(12, info.durationSec(), 0.05, "the index still says 12 s");
        MediaException e = assertThrows(MediaException.class,
                () -> analyzer().analyze(cut, Progress.none(), Cancellation.none()));
        assertEquals(MediaException.Kind.DAMAGED, e.kind());
        assertTrue(e.getMessage().contains("\u201ccut.mp4\u201d looks cut short: its picture stops at 0:0"), e.getMessage());
        assertTrue(e.getMessage().contains("the file says it lasts 0:12"), e.getMessage());
        assertTrue(e.getMessage().contains("score the 0:0"), e.getMessage());

        VideoAnalyzer asItIs = analyzer().acceptDamage(true);
        VideoProfile p = asItIs.analyze(cut, Progress.none(), Cancellation.none());
        StreamDamage d = asItIs.lastDamage();
        assertTrue(d.pictureShort());
        assertTrue(d.pictureSec() > 1 && d.pictureSec() < 6, "about a third of the picture: " + d.pictureSec());
        assertEquals(d.pictureSec(), p.durationSec(), 1e-9, "the profile covers only what is there");
    }

    @Test
    void aFileWithTooLittleLeftIsRefusedWithoutAChoice() throws Exception {
        Path stub = firstBytes("stub.mp4", 0.06);
        MediaException e = assertThrows(MediaException.class,
                () -> analyzer().acceptDamage(true).analyze(stub, Progress.none(), Cancellation.none()));
        assertEquals(MediaException.Kind.CORRUPT, e.kind());
        assertTrue(e.getMessage().contains("too little to score"), e.getMessage());
    }

    @Test
    void aMatroskaFileCutShortIsFoundFromItsHeader() throws Exception {
        Path mkv = Fixtures.make(dir.resolve("whole.mkv"), "-i", whole.toString(), "-c", "copy");
        Path cut = dir.resolve("cut.mkv");
        byte[] all = Files.readAllBytes(mkv);
        Files.write(cut, java.util.Arrays.copyOf(all, all.length / 2));
        VideoAnalyzer a = analyzer().acceptDamage(true);
        VideoProfile p = a.analyze(cut, Progress.none(), Cancellation.none());
        assertTrue(a.lastDamage() != null && a.lastDamage().pictureShort(), "found: " + a.lastDamage());
        assertTrue(p.durationSec() < 9, "scored only as far as it goes: " + p.durationSec());
        // the whole Matroska file states each stream's length in a tag, and is not called damaged
        VideoAnalyzer w = analyzer();
        w.analyze(mkv, Progress.none(), Cancellation.none());
        assertNull(w.lastDamage());
    }

    @Test
    void manyBrokenPicturesInTheMiddleAreReported() throws Exception {
        Path broken = dir.resolve("broken.mp4");
        Files.copy(whole, broken);
        long size = Files.size(broken);
        Random random = new Random(7);
        try (RandomAccessFile f = new RandomAccessFile(broken.toFile(), "rw")) {
            // a scattered run of bad bytes through the middle third, as a failing disk or card leaves
            for (int k = 0; k < 40; k++) {
                byte[] junk = new byte[2000];
                random.nextBytes(junk);
                f.seek(size / 3 + k * (size / 120));
                f.write(junk);
            }
        }
        VideoAnalyzer a = analyzer().acceptDamage(true);
        a.analyze(broken, Progress.none(), Cancellation.none());
        StreamDamage d = a.lastDamage();
        assertTrue(d != null && d.manyErrors(), "found: " + d);
        assertTrue(d.describe("broken.mp4").contains("could not be decoded") || d.describe("broken.mp4").contains("damaged"),
                d.describe("broken.mp4"));
    }

    @Test
    void soundThatStopsEarlyIsReportedButThePictureStaysWhole() throws Exception {
        // a picture of 12 s and a sound stream that says 12 s but holds 5 (its packets after 5 s lost):
        // made by cutting the sound short and stretching its stated length with the container's edit
        ClipInfo info = new ClipInfo(whole, "mov", 12, "h264", 640, 360, 0, 30, 30, false, 360, true, "aac", 48000, 2,
                "yuv420p", 12, 12);
        StreamDamage d = StreamDamage.judge(info, 12, 5, 0).orElseThrow();
        assertTrue(d.soundShort());
        assertEquals(12, d.usableSec(), 1e-9, "the picture is all there");
        assertTrue(d.describe("a.mp4").contains("its sound stops at 0:05.0"), d.describe("a.mp4"));
        assertTrue(StreamDamage.judge(info, 12, 11.5, 0).isEmpty(), "half a second short is a normal file");
        assertTrue(StreamDamage.judge(info, 11.8, 12, 3).isEmpty(), "a frame or two and a few errors are normal");
    }
}
