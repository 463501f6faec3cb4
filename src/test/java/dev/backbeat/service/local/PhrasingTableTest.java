package dev.backbeat.service.local;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chat on a table of how people ask (phrasings.txt, English and Chinese): each row says what
 * the person means as facts of the applied brief, the same record {@code score --json} prints, and
 * is checked on it without composing. Prints the pass rate and every row that missed.
 */
class PhrasingTableTest {

    private static final double CLIP_SEC = 60;
    private static final double CURRENT_BPM = 100;

    record Row(int line, String messages, List<String> facts) {
    }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = PhrasingTableTest.class.getResourceAsStream("phrasings.txt")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i);
                if (l.isBlank() || l.startsWith("#")) {
                    continue;
                }
                int bar = l.lastIndexOf(" | ");
                List<String> facts = new ArrayList<>();
                for (String f : l.substring(bar + 3).split(";")) {
                    if (!f.isBlank()) {
                        facts.add(f.trim());
                    }
                }
                rows.add(new Row(i + 1, l.substring(0, bar).trim(), facts));
            }
        }
        return rows;
    }

    /** The brief after every turn of the row has been said, resolved for a one-minute clip. */
    static AppliedBrief applied(String messages) {
        SessionBrief brief = new SessionBrief();
        RequestParser parser = new RequestParser();
        for (String turn : messages.split(" >> ")) {
            brief.apply(parser.parse(turn).edits(), CURRENT_BPM);
        }
        return brief.applied(CLIP_SEC, CURRENT_BPM);
    }

    static List<String> misses(Row row) {
        List<String> have = applied(row.messages()).facts();
        List<String> missed = new ArrayList<>();
        for (String f : row.facts()) {
            boolean absent = f.startsWith("!");
            String fact = absent ? f.substring(1) : f;
            if (have.contains(fact) == absent) {
                missed.add(f);
            }
        }
        return missed;
    }

    @Test
    void mostEverydayPhrasingsDoWhatWasMeant() throws IOException {
        List<Row> rows = rows();
        int passed = 0;
        StringBuilder report = new StringBuilder();
        for (Row r : rows) {
            List<String> missed = misses(r);
            if (missed.isEmpty()) {
                passed++;
            } else {
                report.append(String.format(Locale.ROOT, "  line %d: \"%s\" missed %s, got %s%n", r.line(), r.messages(), missed,
                        applied(r.messages()).facts()));
            }
        }
        double rate = passed / (double) rows.size();
        System.out.printf(Locale.ROOT, "phrasing table: %d of %d rows did what was meant (%.1f%%)%n%s", passed, rows.size(),
                100 * rate, report);
        assertTrue(rows.size() >= 150, "at least 150 phrasings: " + rows.size());
        assertTrue(rows.stream().allMatch(r -> !r.facts().isEmpty()), "every row states what it expects");
        assertTrue(rate >= 0.9, String.format(Locale.ROOT, "%.1f%% of phrasings did what was meant%n%s", 100 * rate, report));
    }
}
