package dev.backbeat.service.cloud;

/** Turns a token into something safe to log: its public prefix and stars, never the secret part. */
final class Secrets {
    private Secrets() {
    }

    static String mask(String token) {
        if (token == null || token.isEmpty()) {
            return "(none)";
        }
        int cut = token.lastIndexOf('_');
        String prefix = cut > 0 && cut < 12 ? token.substring(0, cut + 1) : "";
        return prefix + "****";
    }
}
