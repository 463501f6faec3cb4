package dev.backbeat.engine.mix;

import dev.backbeat.engine.Fixtures;
import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.engine.media.ClipInfo;
import dev.backbeat.engine.media.MediaException;
import dev.backbeat.engine.media.MediaProbe;
import dev.backbeat.engine.media.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cancelling while the sound is being fed to the FFmpeg that copies the picture leaves nothing behind. */
class FedExportCancelTest {
    @TempDir
    Path dir;

    @Test
    void cancelWhileTheSoundIsFedLeavesNothingBehind() throws Exception {
        Path clip = Fixtures.make(dir.resolve("clip.mp4"), "-f", "lavfi", "-i", "testsrc2=s=640x360:r=30:d=6",
                "-f", "lavfi", "-i", "sine=f=300:d=6", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest");
        ClipInfo info = new MediaProbe(Fixtures.runner()).probe(clip);
        Path folder = Files.createDirectories(dir.resolve("out"));
        Cancellation cancel = new Cancellation();
        SoundCheck check = new SoundCheck(-20, 6, -1.5, -14);
        VideoExporter.Soundtrack sound = new VideoExporter.Soundtrack.Live() {
            @Override
            public List<String> input() {
                return AudioMixer.PCM_INPUT;
            }

            @Override
            public List<String> encoder() {
                return AudioMixer.AAC;
            }

            @Override
            public double durationSec() {
                return 6;
            }

            @Override
            public void feed(OutputStream out) throws java.io.IOException {
                // two seconds of a tone, then the user cancels, and the feed goes on as a real one would
                ByteBuffer b = ByteBuffer.allocate(8 * 4800).order(ByteOrder.LITTLE_ENDIAN);
                for (int block = 0; block < 60; block++) {
                    b.clear();
                    for (int i = 0; i < 4800; i++) {
                        float v = (float) (0.2 * Math.sin(2 * Math.PI * 440 * (block * 4800 + i) / 48_000.0));
                        b.putFloat(v).putFloat(v);
                    }
                    out.write(b.array());
                    if (block == 20) {
                        cancel.cancel();
                    }
                }
            }

            @Override
            public Path encode(Progress progress, Cancellation c) {
                throw new AssertionError("the copied picture's sound is fed, not encoded apart");
            }

            @Override
            public SoundCheck check() {
                return check;
            }
        };
        MediaException e = assertThrows(MediaException.class, () -> new VideoExporter(Fixtures.runner()).export(List.of(info),
                sound, folder.resolve("scored.mp4"), VideoExporter.Options.defaults(), Progress.none(), cancel));
        assertEquals(MediaException.Kind.CANCELLED, e.kind());
        assertEquals(0, check.judged(), "a cancelled file is not checked");
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(List.of(), left.toList(), "nothing left in the folder");
        }
        assertTrue(Files.exists(clip), "the source is untouched");
    }
}
