package dev.backbeat.service;

import java.nio.file.Path;

/**
 * What to export and where. {@code aspect} is "16:9", "9:16" or "1:1"; {@code loudnessLufs} the
 * integrated loudness target (the local engine's; the cloud renders its own).
 */
public record ExportRequest(Path target, String aspect, double loudnessLufs) {

    public static ExportRequest to(Path target) {
        return new ExportRequest(target, "16:9", -14.0);
    }
}
