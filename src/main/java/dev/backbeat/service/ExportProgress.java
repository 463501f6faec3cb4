package dev.backbeat.service;

/**
 * Progress of an export: a stage in the user's words, a fraction 0-1 (or -1 when unknown) and the
 * estimated seconds left (or -1).
 */
public record ExportProgress(String stage, double fraction, long etaSeconds) {
}
