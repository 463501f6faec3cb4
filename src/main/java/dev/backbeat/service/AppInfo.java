package dev.backbeat.service;

/** Facts about this build, in one place. */
public final class AppInfo {
    public static final String NAME = "Backbeat";

    private AppInfo() {
    }

    public static String version() {
        String v = AppInfo.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-dev" : v;
    }
}
