package dev.backbeat.engine.media;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LeftoversTest {

    /** The pid of a process that has ended. */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    @Test
    void removesWhatEndedProcessesLeftAndNothingElse(@TempDir Path dir) throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path reg = Files.createDirectories(dir.resolve("partials"));
        Path outDir = Files.createDirectories(dir.resolve("videos"));
        long dead = deadPid();
        long me = ProcessHandle.current().pid();
        Files.writeString(tmp.resolve("backbeat-" + dead + "-thumb-123.jpg"), "x");
        Path job = Files.createDirectories(tmp.resolve("backbeat-" + dead + "-job-77"));
        Files.writeString(job.resolve("mix.f32"), "xxxx");
        Files.writeString(tmp.resolve("backbeat-" + me + "-clip-sound-5.f32"), "still mine");
        Files.writeString(tmp.resolve("backbeat-thumb991.jpg"), "old style, recent");
        Path oldStyle = Files.writeString(tmp.resolve("backbeat-clip-sound42.f32"), "old style, old");
        Files.setLastModifiedTime(oldStyle, FileTime.from(Instant.now().minus(Duration.ofHours(7))));
        Files.writeString(tmp.resolve("someone-else.tmp"), "not ours");
        Files.writeString(tmp.resolve("backbeat-notes.txt"), "a name like ours, not one of ours");

        Path deadPartial = Files.writeString(outDir.resolve(".trip.mp4.part-" + dead + ".mp4"), "partial");
        Files.writeString(reg.resolve(dead + "-a.partial"), deadPartial.toString());
        Path myPartial = Files.writeString(outDir.resolve(".live.mp4.part-" + me + ".mp4"), "being written");
        Files.writeString(reg.resolve(me + "-b.partial"), myPartial.toString());
        Path download = Files.writeString(outDir.resolve(".harbour.mp4.part-" + dead), "a link half downloaded");
        Files.writeString(reg.resolve(dead + "-d.partial"), download.toString());
        Path users = Files.writeString(outDir.resolve("holiday.mp4"), "the user's");
        Files.writeString(reg.resolve(dead + "-c.partial"), users.toString()); // a bad entry must not cost the user a file

        Leftovers.Swept swept = Leftovers.sweep(tmp, reg);

        assertEquals(List.of("backbeat-" + me + "-clip-sound-5.f32", "backbeat-notes.txt", "backbeat-thumb991.jpg",
                "someone-else.tmp"), names(tmp));
        assertEquals(List.of(".live.mp4.part-" + me + ".mp4", "holiday.mp4"), names(outDir));
        assertEquals(List.of(me + "-b.partial"), names(reg));
        assertEquals(5, swept.entries());
    }

    @Test
    void aPidTakenAgainByANewerProcessDoesNotKeepAFile() {
        long me = ProcessHandle.current().pid();
        Instant started = ProcessHandle.current().info().startInstant().orElseThrow();
        assertEquals(true, Leftovers.running(me, FileTime.from(started.plusSeconds(60))));
        assertEquals(false, Leftovers.running(me, FileTime.from(started.minusSeconds(3600))));
    }

    private static List<String> names(Path d) throws Exception {
        try (var s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
