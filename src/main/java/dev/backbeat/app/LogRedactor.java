package dev.backbeat.app;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes secrets out of a log line before it reaches the file: the values of known tokens (the
 * environment's NEMO_TOKEN and any the app registers), bearer and authorization headers,
 * "token"/"password"/"secret"/"api_key" fields in JSON or query strings, and JWT-shaped strings.
 * A safety net: the code already masks the tokens it logs, but one careless message must not
 * put a secret in a file people attach to bug reports.
 */
public final class LogRedactor {
    static final String HIDDEN = "****";
    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("(?i)(bearer\\s+)[^\\s\"',;]+"),
            Pattern.compile("(?i)(authorization\"?\\s*[:=]\\s*\"?)(?!bearer\\b)[^\\s\"',;]+"),
            Pattern.compile("(?i)((?:access_|refresh_|id_|api_|auth_)?(?:token|key|password|passwd|secret)\"?\\s*[:=]\\s*\"?)[^\\s\"',;&}]+"),
            Pattern.compile("()eyJ[\\w-]{6,}\\.[\\w-]{6,}\\.[\\w-]*"));
    private final Set<String> known = new CopyOnWriteArraySet<>();

    /** Remembers a secret's exact value (short ones are ignored: they would blot out ordinary words). */
    public void hide(String secret) {
        if (secret != null && secret.strip().length() >= 8) {
            known.add(secret.strip());
        }
    }

    public String redact(String line) {
        if (line == null || line.isEmpty()) {
            return line;
        }
        String out = line;
        for (String s : known) {
            out = out.replace(s, HIDDEN);
        }
        for (Pattern p : PATTERNS) {
            Matcher m = p.matcher(out);
            out = m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + HIDDEN));
        }
        return out;
    }
}
