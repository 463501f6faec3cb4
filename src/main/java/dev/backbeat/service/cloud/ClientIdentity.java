package dev.backbeat.service.cloud;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.UUID;

/** The per-install X-Client-Id: a uuid kept in the config folder so every start sends the same one. */
final class ClientIdentity {
    static final String FILE = "client-id";
    private final Path file;
    private String id;

    ClientIdentity(Path configDir) {
        this.file = configDir.resolve(FILE);
    }

    synchronized String id() {
        if (id == null) {
            try {
                String stored = ConfigFiles.readOrNull(file);
                if (stored != null && isUuid(stored.trim())) {
                    id = stored.trim();
                } else {
                    renew();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return id;
    }

    /** A fresh id, used when the service says the one we sent is missing or bad (HTTP 400). */
    synchronized String renew() {
        String fresh = UUID.randomUUID().toString();
        try {
            ConfigFiles.write(file, fresh + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        id = fresh;
        return fresh;
    }

    private static boolean isUuid(String s) {
        try {
            return UUID.fromString(s).toString().equalsIgnoreCase(s);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
