package dev.backbeat.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Settings check runs the named program for real. */
class FfmpegCheckTest {
    @TempDir
    Path dir;

    private Path script(String name, String body) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }

    @Test
    void aProgramWithFfmpegsBannerRuns() throws IOException {
        Path p = script("ffmpeg", "[ \"$1\" = -version ] && echo 'ffmpeg version 7.1.1 Copyright (c) 2000-2025' && echo 'built with gcc'");
        FfmpegCheck.Result r = FfmpegCheck.check(p);
        assertEquals(new FfmpegCheck.Result.Runs("ffmpeg version 7.1.1 Copyright (c) 2000-2025"), r);
    }

    @Test
    void otherProgramsAndMissingFilesDoNot() throws IOException {
        assertInstanceOf(FfmpegCheck.Result.Missing.class, FfmpegCheck.check(dir.resolve("nothing-here")));
        FfmpegCheck.Result wrong = FfmpegCheck.check(script("true-ish", "echo hello"));
        assertInstanceOf(FfmpegCheck.Result.DoesNotRun.class, wrong);
        assertTrue(((FfmpegCheck.Result.DoesNotRun) wrong).why().contains("hello"));
        FfmpegCheck.Result failing = FfmpegCheck.check(script("broken", "echo 'ffmpeg version 6' ; exit 3"));
        assertInstanceOf(FfmpegCheck.Result.DoesNotRun.class, failing);
        Path notExecutable = dir.resolve("plain.txt");
        Files.writeString(notExecutable, "ffmpeg version 6");
        assertInstanceOf(FfmpegCheck.Result.DoesNotRun.class, FfmpegCheck.check(notExecutable));
    }
}
