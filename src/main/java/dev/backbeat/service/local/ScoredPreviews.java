package dev.backbeat.service.local;

import dev.backbeat.engine.analysis.VideoProfile;
import dev.backbeat.engine.media.ClipInfo;
import dev.backbeat.engine.mix.DuckingEnvelope;
import dev.backbeat.engine.mix.TitleCard;
import dev.backbeat.engine.score.ScorePipeline;
import dev.backbeat.service.preview.PreviewClip;
import dev.backbeat.service.preview.PreviewSound;
import dev.backbeat.service.preview.ScoredPreview;
import dev.backbeat.service.preview.TitleMark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A scored result for a piece of music over the session's clips: the clips placed in order, the
 * music's map, the titles, and a sound to audition. Variations are built with it; kept small so
 * that the current result's preview and a variation's are made the same way.
 */
final class ScoredPreviews {
    private ScoredPreviews() {
    }

    static ScoredPreview of(long revision, List<ClipInfo> clips, List<String> thumbnails, Function<ClipInfo, Path> sounds,
                            VideoProfile profile, ScorePipeline.Music music, SessionBrief brief) {
        boolean speech = !profile.speech().isEmpty();
        List<PreviewClip> placed = new ArrayList<>();
        List<PlainPreviewSound.ClipSound> clipSounds = new ArrayList<>();
        double at = 0;
        long frame = 0;
        for (int i = 0; i < clips.size(); i++) {
            ClipInfo c = clips.get(i);
            placed.add(new PreviewClip(c.path().getFileName().toString(), c.path(), at, c.durationSec(), c.displayWidth(),
                    c.displayHeight(), c.fps(), c.hasAudio(), i < thumbnails.size() ? thumbnails.get(i) : ""));
            long frames = Math.round(c.durationSec() * PreviewSound.RATE);
            clipSounds.add(new PlainPreviewSound.ClipSound(frame, frames, c.hasAudio() ? sounds.apply(c) : null));
            at += c.durationSec();
            frame += frames;
        }
        List<TitleMark> titles = new ArrayList<>();
        List<TitleCard.Title> asked = brief.titles();
        for (int i = 0; i < asked.size(); i++) {
            TitleCard.Title t = asked.get(i);
            titles.add(new TitleMark(i, t.text(), t.startSec(), Math.min(at, t.startSec() + t.durationSec())));
        }
        double percent = brief.musicPercent(speech);
        PreviewSound sound = new PlainPreviewSound(music.audio().mix(), clipSounds,
                profile.speech().stream().map(s -> new DuckingEnvelope.Region(s.startSec(), s.endSec())).toList(),
                brief.mix(speech, -14));
        return new ScoredPreview(revision, at, placed, sound,
                MusicMapBuilder.build(music.composition().plan(), profile, percent), titles);
    }
}
