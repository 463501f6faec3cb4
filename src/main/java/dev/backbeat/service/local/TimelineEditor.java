package dev.backbeat.service.local;

import dev.backbeat.engine.mix.TitleCard;
import dev.backbeat.service.BackendException;
import dev.backbeat.service.preview.TimelineEdit;

/**
 * Applies a change made on the timeline (the inspector, a drag) to what the session asks for:
 * titles and the music's volume change the timeline and the mix, never the piece, so nothing is
 * composed again. Checks each change and says in the user's words what is wrong with it.
 */
final class TimelineEditor {
    private final SessionBrief brief;
    private final double durationSec;

    TimelineEditor(SessionBrief brief, double durationSec) {
        this.brief = brief;
        this.durationSec = durationSec;
    }

    void apply(TimelineEdit edit) throws BackendException {
        if (edit instanceof TimelineEdit.Title t) {
            title(t);
        } else if (edit instanceof TimelineEdit.RemoveTitle r) {
            existing(r.index());
            brief.removeTitle(r.index());
        } else if (edit instanceof TimelineEdit.MusicVolume v) {
            if (!(v.percent() >= 0 && v.percent() <= 100)) {
                throw bad("The music's volume goes from 0 to 100%.");
            }
            brief.setVolumePercent(v.percent());
        }
    }

    private void title(TimelineEdit.Title t) throws BackendException {
        int count = brief.titles().size();
        if (t.index() < 0 || t.index() > count) {
            throw bad("That title is no longer on the timeline.");
        }
        String text = t.text() == null ? "" : t.text().strip();
        if (text.isEmpty()) {
            throw bad("A title needs some text: type it in, or delete the title.");
        }
        if (!(t.startSec() >= 0 && t.startSec() < durationSec)) {
            throw bad("A title must start within the video (0:00 to " + TimeSpan.clock(durationSec) + ").");
        }
        double end = Math.min(durationSec, t.endSec());
        if (!(end - t.startSec() >= 0.1)) {
            throw bad("A title must last at least a tenth of a second: make its end later than its start.");
        }
        brief.setTitle(t.index(), new TitleCard.Title(text, t.startSec(), end - t.startSec()));
    }

    private void existing(int index) throws BackendException {
        if (index < 0 || index >= brief.titles().size()) {
            throw bad("That title is no longer on the timeline.");
        }
    }

    private static BackendException bad(String message) {
        return new BackendException(BackendException.Kind.BAD_INPUT, message);
    }
}
