package dev.backbeat.service.local;

import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.engine.media.MediaException;
import dev.backbeat.engine.score.ScorePipeline;
import dev.backbeat.engine.song.FittedSong;
import dev.backbeat.engine.song.Song;
import dev.backbeat.service.ProgressListener;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The song the user gave as the session's music (issue 15): read once (decoded to a working file
 * and analysed), then fitted again to whatever the footage lasts each time the music is made.
 * A 4-minute song's working file is about 90 MB; the files of songs replaced stay (for undo) until
 * the session closes.
 */
final class SessionSong {
    private Song song;
    /** Every song read in the session: undo may take an earlier one back, so their files stay until the session ends. */
    private final java.util.List<Song> read = new java.util.ArrayList<>();
    /** Where each song was read from (a project refers to it by path). */
    private final java.util.Map<Song, Path> sources = new java.util.IdentityHashMap<>();

    /** Reads {@code file} as the session's song, in place of any earlier one; the earlier stays if this one fails. */
    void read(Path file, ScorePipeline pipeline, ProgressListener progress, Cancellation cancel)
            throws MediaException, IOException {
        Path pcm = dev.backbeat.engine.media.TempFiles.file("song", ".f32");
        pcm.toFile().deleteOnExit();
        Song made;
        try {
            progress.progress("Reading your song…", 0);
            made = pipeline.readSong(file, pcm, (f, speed) -> progress.progress("Reading your song…", f), cancel);
        } catch (MediaException | RuntimeException e) {
            Files.deleteIfExists(pcm);
            throw e;
        }
        read.add(made);
        sources.put(made, file.toAbsolutePath());
        song = made;
    }

    /** Makes {@code s} (one read before, or null: composed music) the session's song again. */
    void use(Song s) {
        song = s;
    }

    Song song() {
        return song;
    }

    /** The file the current song was read from, or null. */
    Path source() {
        return song == null ? null : sources.get(song);
    }

    boolean present() {
        return song != null;
    }

    String name() {
        return song == null ? null : song.name();
    }

    /** "Using your song 'x.mp3' (98 BPM), fitted to 0:42…" or, before any footage, what will happen; in English. */
    String sentence(FittedSong fit) {
        return sentence(fit, Replies.ENGLISH);
    }

    /** As above, in the language of {@code replies}. */
    String sentence(FittedSong fit, Replies replies) {
        String name = song.name();
        double bpm = song.grid().bpm();
        if (fit == null) {
            return replies.text("song.pending", name, song.grid().hasBeat() ? replies.text("song.pendingBeat", Math.round(bpm))
                    : replies.text("song.pendingNoBeat"), clock(song.decoded().durationSec()));
        }
        if (song.grid().hasBeat() && fit.how().startsWith("too short")) {
            String how = replies.text(fit.how().contains("own ending") ? "song.noBeat.quietCut" : "song.noBeat.fade");
            return replies.text("song.tooShort", name, Math.round(bpm), clock(fit.durationSec()), how);
        }
        if (!song.grid().hasBeat()) {
            String how = fit.how().contains("own ending")
                    ? replies.text(fit.durationSec() < song.decoded().durationSec() ? "song.noBeat.quietCut" : "song.noBeat.again")
                    : replies.text(fit.pieces().size() > 1 ? "song.noBeat.loopFade" : "song.noBeat.fade");
            return replies.text("song.noBeat", name, clock(fit.durationSec()), how);
        }
        int joins = fit.joins().size();
        String how = joins == 0 ? "" : fit.durationSec() < song.grid().soundEnd()
                ? joins == 1 ? replies.text("song.cut1") : replies.text("song.cutN", joins)
                : replies.text("song.repeats");
        return replies.text("song.using", name, Math.round(bpm), clock(fit.durationSec()), how);
    }

    static String clock(double sec) {
        long s = Math.round(sec);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** The decoded files go now: the session ends. */
    void close() {
        for (Song s : read) {
            try {
                Files.deleteIfExists(s.decoded().pcm());
            } catch (IOException ignored) {
                // a file in the temporary folder: removed at exit
            }
        }
        read.clear();
        sources.clear();
        song = null;
    }
}
