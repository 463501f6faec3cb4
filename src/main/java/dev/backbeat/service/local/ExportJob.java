package dev.backbeat.service.local;

import dev.backbeat.engine.analysis.VideoProfile;
import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.engine.media.ClipInfo;
import dev.backbeat.engine.media.Progress;
import dev.backbeat.engine.media.FfmpegRunner;
import dev.backbeat.engine.media.MediaException;
import dev.backbeat.engine.mix.AudioMixer;
import dev.backbeat.engine.mix.ExportException;
import dev.backbeat.engine.mix.FramePlan;
import dev.backbeat.engine.mix.VideoExporter;
import dev.backbeat.engine.score.ScorePipeline;
import dev.backbeat.service.BackendException;
import dev.backbeat.service.ExportProgress;
import dev.backbeat.service.ExportRequest;
import dev.backbeat.service.ExportResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One export of the local session: the music mixed under the clips' sound, then the video written.
 * It works from what the session was when the export began, so the session is free meanwhile.
 */
final class ExportJob {
    private ExportJob() {
    }

    /** What an export reads of the session, taken at its start: later changes do not reach a running export. */
    record Inputs(List<ClipInfo> clips, Map<ClipInfo, Path> sounds, VideoProfile profile,
                  ScorePipeline.Music music, SessionBrief brief, PhotoTrack photos, FfmpegRunner runner) {
    }

    static ExportResult run(ScorePipeline pipeline, Inputs in, ExportRequest request, Path stemsDir,
                            Consumer<ExportProgress> progress, Cancellation c) throws BackendException {
        List<ClipInfo> clips = in.clips();
        VideoProfile profile = in.profile();
        ScorePipeline.Music music = in.music();
        SessionBrief brief = in.brief();
        Map<ClipInfo, Path> sounds = in.sounds();
        Path work = null;
        long started = System.nanoTime();
        String details;
        Path file;
        try {
            work = ScorePipeline.workDir();
            if (stemsDir != null) {
                Files.createDirectories(stemsDir);
            }
            progress.accept(new ExportProgress("Mixing the sound", 0, -1));
            try (AudioMixer.Mixed mixed = pipeline.mix(clips, clip -> sounds.get(clip), profile, music,
                    brief.mix(!profile.speech().isEmpty(), request.loudnessLufs()), work, stemsDir,
                    (f, s) -> progress.accept(new ExportProgress("Mixing the sound", 0.1 * f, -1)), c)) {
                String aspect = request.aspect() == null || request.aspect().isBlank() || request.aspect().equals("auto")
                        ? brief.aspect() : request.aspect();
                VideoExporter.Options options = new VideoExporter.Options(aspect, brief.fit(), brief.titles(), "veryfast", 20);
                List<ClipInfo> shown = clips;
                PhotoTrack photos = in.photos();
                if (photos != null && photos.any(clips)) {
                    // each run of photos drawn into a video at the export's frame first (a fifth of the progress)
                    photos.checkTarget(clips, request.target());
                    int[] frame = FramePlan.size(FramePlan.resolveAspect(aspect, clips.get(0)));
                    shown = photos.forExport(clips, in.runner(), frame[0], frame[1], brief.fit() == FramePlan.Fit.CROP
                                    ? dev.backbeat.engine.photo.StillFit.CROP : dev.backbeat.engine.photo.StillFit.BLUR,
                            brief.photos().zoom(), work,
                            (f, speed) -> progress.accept(new ExportProgress("Drawing the photos", 0.1 + 0.2 * f, -1)), c);
                }
                boolean drawn = shown != clips;
                VideoExporter.Result done = pipeline.export(shown, mixed, request.target(), options, new Progress() {
                    /** Why the file is being written again, shown with the bar (empty on the first pass). */
                    private String again = "";
                    private long passStarted = started;

                    @Override
                    public void update(double f, double speed) {
                        double elapsed = (System.nanoTime() - passStarted) / 1e9;
                        double total = drawn ? 0.3 + 0.7 * f : 0.1 + 0.9 * f;
                        long eta = f > 0.02 ? Math.round(elapsed / total * (1 - total)) : -1;
                        progress.accept(new ExportProgress(again.isEmpty() ? "Writing the video"
                                : "Writing the video again: " + again, total, eta));
                    }

                    @Override
                    public void redo(String why) {
                        again = why;
                        passStarted = System.nanoTime();
                    }
                }, c);
                AudioMixer.Result sound = mixed.result();
                details = String.format(Locale.ROOT, "%s · %d×%d · %.1f LUFS, true peak %.1f dBTP", done.frame().reason(),
                        done.frame().width(), done.frame().height(), sound.lufs(), sound.truePeakDb());
                file = done.file();
            }
            progress.accept(new ExportProgress("Done", 1, 0));
            return new ExportResult(file, details);
        } catch (MediaException e) {
            throw LocalSession.map(e);
        } catch (ExportException e) {
            throw new BackendException(BackendException.Kind.OUTPUT, e.getMessage(), e);
        } catch (IOException e) {
            throw new BackendException(BackendException.Kind.OUTPUT, "Backbeat could not write its working files: " + e.getMessage(), e);
        } finally {
            LocalSession.deleteTree(work);
        }
    }
}
