package dev.backbeat.service.local;

import dev.backbeat.engine.analysis.VideoProfile;
import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.engine.media.ClipInfo;
import dev.backbeat.engine.media.MediaException;
import dev.backbeat.engine.mix.ClipSounds;
import dev.backbeat.engine.mix.DuckingEnvelope;
import dev.backbeat.engine.mix.MixSettings;
import dev.backbeat.engine.mix.PreviewMix;
import dev.backbeat.engine.mix.TitleCard;
import dev.backbeat.engine.score.ScorePipeline;
import dev.backbeat.service.preview.PreviewClip;
import dev.backbeat.service.preview.ScoredPreview;
import dev.backbeat.service.preview.TitleMark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Puts the local result together as the player and the timeline read it: clips placed in order, the mix, the map, the titles. */
final class PreviewBuilder {
    /** The preview plays at the export sheet's default loudness. */
    static final double LOUDNESS_LUFS = -14;
    private static final int RATE = dev.backbeat.engine.mix.AudioMixer.RATE;

    private PreviewBuilder() {
    }

    @FunctionalInterface
    interface SoundsSource {
        ClipSounds get() throws IOException;
    }

    /**
     * @param previous the result before this change, or null: its sound is kept when the music, the
     *                 mix and the clips are the same (a title or frame change), saving the loudness pass
     */
    static ScoredPreview build(long revision, ScoredPreview previous, List<ClipInfo> clips,
                               List<CompletableFuture<String>> thumbnails, SoundsSource sounds, VideoProfile profile,
                               ScorePipeline.Music music, MixSettings mix, double volumePercent, List<TitleCard.Title> titles)
            throws IOException, MediaException {
        List<PreviewClip> placed = new ArrayList<>();
        double at = 0;
        for (int i = 0; i < clips.size(); i++) {
            ClipInfo c = clips.get(i);
            CompletableFuture<String> thumb = i < thumbnails.size() ? thumbnails.get(i) : null;
            placed.add(new PreviewClip(c.path().getFileName().toString(), c.path(), at, c.durationSec(), c.displayWidth(),
                    c.displayHeight(), c.fps(), c.hasAudio(), thumb != null && thumb.isDone() ? thumb.getNow("") : ""));
            at += c.durationSec();
        }
        List<DuckingEnvelope.Region> speech = profile.speech().stream()
                .map(s -> new DuckingEnvelope.Region(s.startSec(), s.endSec())).toList();
        ClipSounds clipSounds = sounds.get();
        LocalPreviewSound sound = previous != null && previous.sound() instanceof LocalPreviewSound same
                && same.madeFrom(music, mix, clipSounds) ? same
                : new LocalPreviewSound(PreviewMix.prepare(music.audio().mix(), clipSounds, speech, mix, Cancellation.none()),
                music, mix, clipSounds);
        List<TitleMark> marks = new ArrayList<>();
        for (int i = 0; i < titles.size(); i++) {
            TitleCard.Title t = titles.get(i);
            marks.add(new TitleMark(i, t.text(), t.startSec(), t.startSec() + t.durationSec()));
        }
        return new ScoredPreview(revision, at, placed, sound,
                MusicMapBuilder.build(music.composition().plan(), profile, volumePercent), marks);
    }

    /** Each clip's decoded sound placed where the clip starts on the timeline (none for a clip without one). */
    static ClipSounds sounds(List<ClipInfo> clips, Function<ClipInfo, Path> decoded) throws IOException {
        List<ClipSounds.Clip> placed = new ArrayList<>();
        double at = 0;
        for (ClipInfo c : clips) {
            placed.add(new ClipSounds.Clip(c.hasAudio() ? decoded.apply(c) : null, Math.round(at * RATE),
                    Math.round(c.durationSec() * RATE)));
            at += c.durationSec();
        }
        return new ClipSounds(placed);
    }
}
