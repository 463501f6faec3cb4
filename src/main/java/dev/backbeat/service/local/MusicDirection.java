package dev.backbeat.service.local;

import dev.backbeat.engine.analysis.VideoProfile;
import dev.backbeat.engine.compose.MusicPlan;
import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.engine.media.MediaException;
import dev.backbeat.engine.score.ScorePipeline;
import dev.backbeat.service.BackendException;
import dev.backbeat.service.CancelToken;
import dev.backbeat.service.ChatEvent;
import dev.backbeat.service.ProgressListener;
import dev.backbeat.service.SessionState;
import dev.backbeat.service.preview.TimelineEdit;
import dev.backbeat.service.preview.Variation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import static dev.backbeat.service.local.LocalSession.cancellation;
import static dev.backbeat.service.local.LocalSession.map;

/**
 * What the user asks of the music: a chat message parsed into changes of the brief and the piece
 * composed again (or the user's song fitted again), options given directly, timeline edits, and
 * variations offered and picked.
 */
final class MusicDirection {

    /** "No song", "remove my song", "compose the music instead", "use generated music": back to composed music. */
    private static final java.util.regex.Pattern SONG_OFF = java.util.regex.Pattern.compile(
            "(?i)\\b(?:no|remove|drop|without|stop using|get rid of)\\b.{0,12}\\bsong\\b"
                    + "|\\b(?:composed|generated)\\s+music\\b|\\bcompose\\b.{0,20}\\binstead\\b"
                    + "|(?:不要|不用|去掉|删除|删掉|换掉).{0,4}(?:这首)?歌");

    private final LocalSession s;
    private final RequestParser parser = new RequestParser();
    private final VariationMaker variationMaker = new VariationMaker();
    private long variationRevision;

    MusicDirection(LocalSession session) {
        this.s = session;
    }

    void chat(String message, Consumer<ChatEvent> events, CancelToken cancel) {
        // the answer comes in the language the message was written in
        Replies replies = Replies.forMessage(message);
        List<dev.backbeat.service.JobQueue.JobView> ahead = s.jobs.jobs();
        if (!ahead.isEmpty()) {
            // said before waiting, so the chat shows the message as queued (and it can be withdrawn)
            events.accept(new ChatEvent.Progress(replies.text("queued",
                    ahead.get(ahead.size() - 1).label().toLowerCase(Locale.ROOT)), 0));
        }
        try {
            s.jobs.run("Chat: " + message, cancel, job -> {
                synchronized (s) {
                    s.userWorkStarts();
                    job.doing("composing");
                    LocalSession.Snapshot before = s.capture();
                    // the new timeline and the end of the turn are told once the change is in the
                    // history, so whoever reacts to them (the Edit menu's "Undo …") sees this change
                    List<ChatEvent> last = new ArrayList<>();
                    Consumer<ChatEvent> held = e -> {
                        if (e instanceof ChatEvent.TimelineChanged || e instanceof ChatEvent.Done) {
                            last.add(e);
                        } else {
                            events.accept(e);
                        }
                    };
                    boolean changed = chatNow(message, replies, held, cancel);
                    if (changed) {
                        s.history.changed("Chat: " + message, before);
                    }
                    last.forEach(events);
                    if (!changed) {
                        s.putBackBrief(before);
                    }
                }
                return null;
            });
        } catch (BackendException e) {
            events.accept(new ChatEvent.Failed(e));
        }
    }

    /** Does what the message asks; true when it changed the session. */
    private boolean chatNow(String message, Replies replies, Consumer<ChatEvent> events, CancelToken cancel) {
        events.accept(new ChatEvent.Progress(replies.text("progress.reading"), 0.05));
        if (s.song.present() && SONG_OFF.matcher(message).find()) {
            return songOff(replies, events, cancel);
        }
        RequestParser.Parsed parsed = parser.parse(message);
        if (!parsed.understood()) {
            answer(events, replies.text("notFound", replies.text("whatICanDo")));
            events.accept(new ChatEvent.Done());
            return false;
        }
        MusicPlan before = s.music == null ? null : s.music.composition().plan();
        List<MusicEdit> edits = PhotoTrack.withPhotoPace(parsed.edits(), s.photos.any(s.clips));
        List<String> asked = s.brief.apply(edits, before == null ? 0 : before.bpm());
        if (replies.chinese()) {
            asked = EditPhrases.of(edits, replies);
        }
        if (s.profile == null) {
            answer(events, replies.text("noted", replies.list(asked)));
            events.accept(new ChatEvent.Done());
            return true;
        }
        double percent = s.brief.musicPercent(!s.profile.speech().isEmpty());
        if (edits.stream().noneMatch(MusicDirection::changesTheMusic)) {
            // titles, frame, volume and ducking change the timeline and the mix, not the piece
            events.accept(new ChatEvent.Progress(replies.text("progress.mixing"), 0.8));
            s.rebuildDraft();
            answer(events, ChangeReport.unchangedMusic(asked, before, percent, replies));
            events.accept(new ChatEvent.TimelineChanged(s.draft, ""));
            events.accept(new ChatEvent.Done());
            return true;
        }
        try {
            events.accept(new ChatEvent.Progress(replies.text("progress.composing"), 0.15));
            if (cancel.isCancelled()) {
                throw BackendException.cancelled();
            }
            if (edits.stream().anyMatch(e -> e instanceof MusicEdit.Photos)) {
                s.photosAtNominal(before == null ? 0 : before.bpm());
            }
            dev.backbeat.engine.compose.Brief wanted = s.brief.brief(s.profile.durationSec(), before == null ? 0 : before.bpm());
            s.music = s.musicFor(s.clips, s.profile, wanted, cancellation(cancel),
                    () -> events.accept(new ChatEvent.Progress(replies.text("progress.rendering"), 0.35)));
            s.composedFrom = wanted;
            s.retimePhotos();
            s.offered.clear();
            events.accept(new ChatEvent.Progress(replies.text("progress.mixing"), 0.9));
            s.rebuildDraft();
            answer(events, ChangeReport.describe(asked, before, s.music.composition().plan(), percent, replies));
            events.accept(new ChatEvent.TimelineChanged(s.draft, ""));
            events.accept(new ChatEvent.Done());
            return true;
        } catch (BackendException e) {
            events.accept(new ChatEvent.Failed(e));
            return false;
        }
    }

    /** The user's song leaves: a piece is composed for the footage again (undo brings the song back). */
    private boolean songOff(Replies replies, Consumer<ChatEvent> events, CancelToken cancel) {
        String name = s.song.name();
        dev.backbeat.engine.song.Song was = s.song.song();
        s.song.use(null);
        if (s.profile != null) {
            try {
                s.photosAtNominal(s.bpm());
                s.recompose(s.brief.brief(s.profile.durationSec(), 0), cancellation(cancel), () -> { });
                events.accept(new ChatEvent.TimelineChanged(s.draft, ""));
            } catch (BackendException e) {
                s.song.use(was);
                events.accept(new ChatEvent.Failed(e));
                return false;
            }
        }
        ScorePipeline.Music music = s.music;
        answer(events, music == null ? replies.text("song.offNoClip", name) : replies.text("song.off", name,
                TimelineBuilder.styleName(music.composition().plan()), Math.round(music.composition().plan().bpm())));
        events.accept(new ChatEvent.Done());
        return true;
    }

    /** The answer in pieces of a few words, as the cloud's stream delivers it, so both read alike in the chat. */
    static void answer(Consumer<ChatEvent> events, String text) {
        java.util.regex.Matcher words = java.util.regex.Pattern.compile("(?:\\S+\\s*){1,4}|\\s+").matcher(text);
        while (words.find()) {
            events.accept(new ChatEvent.Text(words.group()));
        }
    }

    /** Edits that call for a new piece (the rest only change the timeline or the mix). */
    static boolean changesTheMusic(MusicEdit e) {
        return e instanceof MusicEdit.Mood || e instanceof MusicEdit.Style || e instanceof MusicEdit.Tempo
                || e instanceof MusicEdit.Instruments || e instanceof MusicEdit.Intensity
                || e instanceof MusicEdit.Variation || e instanceof MusicEdit.Key || e instanceof MusicEdit.Revert
                || e instanceof MusicEdit.Photos;
    }

    /** Applies edits given directly (the CLI's options) and composes again when a clip is loaded. Called holding the session. */
    List<String> apply(List<MusicEdit> edits) throws BackendException {
        LocalSession.Snapshot snapshot = s.capture();
        MusicPlan before = s.music == null ? null : s.music.composition().plan();
        List<String> said = s.brief.apply(edits, before == null ? 0 : before.bpm());
        if (s.profile != null) {
            s.photosAtNominal(before == null ? 0 : before.bpm());
            dev.backbeat.engine.compose.Brief wanted = s.brief.brief(s.profile.durationSec(), before == null ? 0 : before.bpm());
            try {
                s.music = s.musicFor(s.clips, s.profile, wanted, Cancellation.none(), () -> { });
            } catch (BackendException e) {
                s.putBackBrief(snapshot);
                throw e;
            }
            s.composedFrom = wanted;
            s.retimePhotos();
            s.offered.clear();
            s.rebuildDraft();
        }
        s.history.changed("Options", snapshot);
        return said;
    }

    /** A change made on the timeline itself (a title moved, the music's level drawn). Called holding the session. */
    SessionState edit(TimelineEdit edit) throws BackendException {
        s.userWorkStarts();
        if (s.profile == null) {
            throw new BackendException(BackendException.Kind.BAD_INPUT, "Add a clip first: there is no timeline to edit yet.");
        }
        LocalSession.Snapshot before = s.capture();
        SessionBrief edited = s.brief.copy();
        new TimelineEditor(edited, s.profile.durationSec()).apply(edit);
        s.brief = edited;
        s.history.changed("Timeline edit", before);
        s.rebuildDraft();
        return s.state();
    }

    /**
     * Renders the variations without holding the session: the chat, an edit or the preview may go
     * on meanwhile, and offers made for music that has since changed are dropped.
     */
    List<Variation> variations(int count, ProgressListener progress, CancelToken cancel) throws BackendException {
        if (count < 1 || count > 6) {
            throw new BackendException(BackendException.Kind.BAD_INPUT, "Ask for one to six variations at a time.");
        }
        ScorePipeline.Music base;
        VideoProfile footage;
        ScorePipeline pipe;
        List<dev.backbeat.engine.compose.Brief> briefs;
        synchronized (s) {
            s.userWorkStarts();
            if (s.profile == null || s.music == null) {
                throw new BackendException(BackendException.Kind.BAD_INPUT, "Add a clip first: variations are of its music.");
            }
            if (s.song.present()) {
                throw new BackendException(BackendException.Kind.BAD_INPUT, "Your song '" + s.song.name()
                        + "' is the music: variations are of composed music only.");
            }
            base = s.music;
            footage = s.profile;
            pipe = s.pipeline();
            MusicPlan now = s.music.composition().plan();
            briefs = variationMaker.nextBriefs(s.profile, s.brief.brief(s.profile.durationSec(), now.bpm()), now.style(), count);
        }
        progress.progress("Composing " + count + " variations…", 0);
        List<VariationMaker.Offer> offers = variationMaker.render(pipe, footage, briefs, progress, cancellation(cancel));
        cancel.throwIfCancelled();
        synchronized (s) {
            if (s.music != base || s.profile != footage) {
                throw new BackendException(BackendException.Kind.CANCELLED, "The music changed while the variations were made.");
            }
            s.offered.clear();
            List<Variation> out = new ArrayList<>();
            for (VariationMaker.Offer o : offers) {
                s.offered.put(o.id(), o);
                MusicPlan p = o.music().composition().plan();
                String summary = String.format(Locale.ROOT, "%s · %d BPM · %s", TimelineBuilder.styleName(p),
                        Math.round(p.bpm()), p.key());
                // made the same way as the current result's preview, so an audition sounds as the pick will
                try {
                    out.add(new Variation(o.id(), summary, PreviewBuilder.build(++variationRevision, null, s.clips,
                            s.thumbnails, s::clipSounds, s.profile, o.music(),
                            s.brief.mix(!s.profile.speech().isEmpty(), PreviewBuilder.LOUDNESS_LUFS),
                            s.brief.musicPercent(!s.profile.speech().isEmpty()), s.brief.titles())));
                } catch (MediaException e) {
                    throw map(e);
                } catch (IOException e) {
                    throw new BackendException(BackendException.Kind.INTERNAL,
                            "The clip's sound could not be read for the variations: " + e.getMessage(), e);
                }
            }
            return out;
        }
    }

    /** The offered variation becomes the music. Called holding the session. */
    SessionState pickVariation(String id) throws BackendException {
        VariationMaker.Offer o = s.offered.get(id);
        if (o == null) {
            throw new BackendException(BackendException.Kind.BAD_INPUT,
                    "That variation is no longer on offer (the music changed since): ask for new variations.");
        }
        LocalSession.Snapshot before = s.capture();
        s.brief = s.brief.copy();
        // later chat changes start from the picked piece: its style and seed become the session's
        s.brief.setStyle(o.music().composition().plan().style());
        s.brief.setSeed(o.brief().seed());
        s.music = o.music();
        s.composedFrom = o.brief();
        s.musicCache.put(new MusicCache.Key(s.clips, o.brief()), o.music());
        s.retimePhotos();
        s.offered.clear();
        s.history.changed("Use variation", before);
        s.rebuildDraft();
        return s.state();
    }

    /** A SHA-256 of the current music's samples (empty before there is music): same hash, same music. Called holding the session. */
    String musicHash() {
        if (s.music == null) {
            return "";
        }
        try {
            java.security.MessageDigest d = java.security.MessageDigest.getInstance("SHA-256");
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(4096 * Float.BYTES);
            for (float[] channel : s.music.audio().mix()) {
                for (int i = 0; i < channel.length; i += 4096) {
                    buf.clear();
                    buf.asFloatBuffer().put(channel, i, Math.min(4096, channel.length - i));
                    d.update(buf.array(), 0, Math.min(4096, channel.length - i) * Float.BYTES);
                }
            }
            return java.util.HexFormat.of().formatHex(d.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
