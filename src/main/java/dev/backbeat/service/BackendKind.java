package dev.backbeat.service;

/** Which back end the app talks to. */
public enum BackendKind {
    LOCAL("Local engine (offline)"),
    CLOUD("NemoVideo cloud");

    private final String label;

    BackendKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
