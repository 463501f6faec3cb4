package dev.backbeat.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TerminalProgressTest {

    @Test
    void silentIntoAPipeOrWithJson() {
        StringWriter text = new StringWriter();
        TerminalProgress bar = TerminalProgress.on(new PrintWriter(text), true);
        bar.progress("Reading the clip…", 0.5);
        bar.done();
        assertEquals("", text.toString());
    }

    @Test
    void drawsABarOnOneLineAndClearsIt() {
        StringWriter text = new StringWriter();
        TerminalProgress bar = new TerminalProgress(new PrintWriter(text), true);
        bar.progress("Writing the video", 0.5);
        String drawn = text.toString();
        assertTrue(drawn.startsWith("\rWriting the video") && drawn.contains("[############------------]  50%"), drawn);
        assertTrue(!drawn.contains("\n"), "the bar stays on one line");
        bar.done();
        assertTrue(text.toString().endsWith("\r"), "done() leaves the cursor at the start of a cleared line");
    }
}
