package dev.backbeat.service.local;

import dev.backbeat.draft.Draft;
import dev.backbeat.engine.analysis.VideoProfile;
import dev.backbeat.engine.media.ClipInfo;
import dev.backbeat.service.BackendException;
import dev.backbeat.service.CancelToken;
import dev.backbeat.service.ProgressListener;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.backbeat.service.local.LocalSession.cancellation;

/**
 * The session as a project file: its clips by path and fingerprint, the brief, the brief the music
 * was composed from and the song; opened into a new session, the same clips give the same music.
 */
final class SessionProject {

    private final LocalSession s;
    private final ClipIntake intake;
    /** Fingerprints of clips already saved once (a clip does not change while it is loaded). */
    private final java.util.Map<ClipInfo, ProjectFile.Clip> fingerprints = new java.util.concurrent.ConcurrentHashMap<>();

    SessionProject(LocalSession session, ClipIntake intake) {
        this.s = session;
        this.intake = intake;
    }

    void save(Path file, dev.backbeat.service.ProjectContent content) throws BackendException {
        List<ClipInfo> now;
        List<VideoProfile> read;
        SessionBrief asked;
        dev.backbeat.engine.compose.Brief from;
        Draft timeline;
        Path songFile;
        synchronized (s) {
            songFile = s.music != null && s.music.song() != null ? s.song.source() : null;
            now = List.copyOf(s.clips);
            read = List.copyOf(s.profiles);
            asked = s.brief.copy();
            from = s.composedFrom;
            timeline = s.draft;
        }
        List<ProjectFile.Clip> refs = new ArrayList<>();
        for (int i = 0; i < now.size(); i++) {
            ClipInfo c = now.get(i);
            ProjectFile.Clip ref = fingerprints.computeIfAbsent(c, SessionProject::fingerprint);
            // a photo's reading is its hold when the music was composed: kept so the same music comes back
            refs.add(ref != null && PhotoTrack.isPhoto(c) && i < read.size() ? ref.held(read.get(i).durationSec()) : ref);
        }
        if (refs.contains(null)) {
            throw new BackendException(BackendException.Kind.OUTPUT, "A clip could not be read to save the project.");
        }
        ProjectFile.Clip songRef = null;
        if (songFile != null) {
            try {
                songRef = new ProjectFile.Clip(songFile.toString(), Files.size(songFile), ClipFingerprint.of(songFile));
            } catch (IOException e) {
                throw new BackendException(BackendException.Kind.OUTPUT, "Your song could not be read to save the project: "
                        + e.getMessage(), e);
            }
        }
        ProjectFile.write(file, refs, asked, from, content.chat(), timeline, songRef);
    }

    private static ProjectFile.Clip fingerprint(ClipInfo c) {
        try {
            Path p = c.path().toAbsolutePath();
            return new ProjectFile.Clip(p.toString(), Files.size(p), ClipFingerprint.of(p));
        } catch (IOException e) {
            return null;
        }
    }

    dev.backbeat.service.ProjectContent.Opened open(Path file, ProgressListener progress, CancelToken cancel)
            throws BackendException {
        ProjectFile.Content content = ProjectFile.read(file);
        return s.jobs.run("Open " + file.getFileName(), cancel, job -> {
            synchronized (s) {
                if (!s.clips.isEmpty()) {
                    throw new BackendException(BackendException.Kind.INTERNAL, "A project opens into a new session.");
                }
                s.userWorkStarts();
                job.doing("reading");
                List<dev.backbeat.service.ProjectContent.MissingClip> missing = new ArrayList<>();
                List<ProjectFile.Clip> found = new ArrayList<>();
                for (int i = 0; i < content.clips().size(); i++) {
                    ProjectFile.Clip c = content.clips().get(i);
                    Optional<String> why = changed(c);
                    if (why.isPresent()) {
                        missing.add(new dev.backbeat.service.ProjectContent.MissingClip(i,
                                String.valueOf(Path.of(c.path()).getFileName()), c.path(), why.get()));
                    } else {
                        found.add(c);
                    }
                }
                // the brief first: photos are held for the pace it asks, as they were when saved
                s.brief = content.brief().copy();
                for (int i = 0; i < found.size(); i++) {
                    // the same bytes as when saved: a file the user chose to use as it was is used so again
                    intake.add(Path.of(found.get(i).path()), true, progress, cancel, i, found.size(), false);
                    fingerprints.put(s.clips.get(s.clips.size() - 1), found.get(i));
                }
                if (s.photos.any(s.clips) && found.size() == s.clips.size()) {
                    // the photos read at the holds the music was composed for, as when the project was saved
                    s.photosReadAs(s.photos.held(s.clips, found.stream().map(ProjectFile.Clip::heldSec).toList()));
                }
                List<String> notes = new ArrayList<>();
                if (content.song() != null && changed(content.song()).isPresent()) {
                    // never silently: the song that was the music is gone or changed
                    notes.add("Your song \u201c" + Path.of(content.song().path()).getFileName() + "\u201d: "
                            + changed(content.song()).get() + ". The music is composed for the footage until you drop the"
                            + " song again.");
                }
                if (content.song() != null && changed(content.song()).isEmpty()) {
                    // the song that was the music, still the same file: it is the music again
                    intake.readSong(Path.of(content.song().path()), progress, cancel);
                }
                if (s.profile != null) {
                    job.doing("composing");
                    progress.progress("Composing music…", 0.9);
                    // all clips found: the very brief the music came from, so the same music comes back
                    s.composedFrom = missing.isEmpty() && content.composedFrom() != null ? content.composedFrom()
                            : s.brief.brief(s.profile.durationSec(), 0);
                    s.music = s.musicFor(s.clips, s.profile, s.composedFrom, cancellation(cancel), () -> { });
                    s.retimePhotos();
                }
                s.offered.clear();
                s.history.clear();
                s.rebuildDraft();
                return new dev.backbeat.service.ProjectContent.Opened(s.state(),
                        content.chat() == null ? List.of() : content.chat(), missing, notes);
            }
        });
    }

    /** Why a project's clip cannot be used as it is, or empty when it is still the same file. */
    private static Optional<String> changed(ProjectFile.Clip c) {
        Path p = Path.of(c.path());
        try {
            if (!Files.isRegularFile(p)) {
                return Optional.of("it is no longer at " + c.path() + " (moved or deleted since the project was saved)");
            }
            if (Files.size(p) != c.size() || !ClipFingerprint.of(p).equals(c.fingerprint())) {
                return Optional.of("it has changed since the project was saved");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("it cannot be read (" + e.getMessage() + ")");
        }
    }
}
