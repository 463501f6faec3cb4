package dev.backbeat.service;

import java.nio.file.Path;

/** The finished file, with a line saying how it was made (e.g. "video copied untouched"). */
public record ExportResult(Path file, String details) {
}
