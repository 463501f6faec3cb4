package dev.backbeat.service.local;

import dev.backbeat.engine.Fixtures;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The app's launch warm-up really runs the whole job (its failures are silent, so a test must see it finish), and gives way. */
class RehearsalTest {

    @Test
    void rehearsesTheWholeJobAndLeavesNothingBehind() {
        Rehearsal r = new Rehearsal(Fixtures::runner);
        assertTrue(r.run(), "every step of the rehearsal should run");
        assertTrue(r.completed());
        assertNotNull(r.folder());
        assertFalse(Files.exists(r.folder()), "its temporary folder is removed");
    }

    @Test
    void givesWayToTheUsersWork() {
        Rehearsal r = new Rehearsal(Fixtures::runner);
        r.stopToken().cancel();
        assertFalse(r.run());
        assertFalse(r.completed());
        assertTrue(r.folder() == null || !Files.exists(r.folder()));
    }
}
