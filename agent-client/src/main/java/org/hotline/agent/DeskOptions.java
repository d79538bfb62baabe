package org.hotline.agent;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.hotline.agent.connection.Fingerprint;
import org.hotline.agent.login.DeskSettings;

/**
 * The desk's command line, as IT sets it in the installed shortcut:
 * {@code --server host:port}, {@code --fingerprint AB:CD:...} (the server's, so agents are never
 * asked), {@code --plaintext}, {@code --lang zh-CN|zh-TW|en}, {@code --settings FILE}.
 */
public record DeskOptions(String server, Fingerprint fingerprint, boolean plaintext, Locale language, Path settings,
                          String agent) {

    public static DeskOptions parse(List<String> args) {
        String server = "localhost:7443";
        Fingerprint fingerprint = null;
        boolean plaintext = false;
        Locale language = Locale.getDefault();
        Path settings = DeskSettings.defaultFile();
        String agent = "";
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--server" -> server = value(args, ++i, a);
                case "--fingerprint" -> fingerprint = Fingerprint.parse(value(args, ++i, a));
                case "--plaintext" -> plaintext = true;
                case "--lang" -> language = Locale.forLanguageTag(value(args, ++i, a));
                case "--settings" -> settings = Path.of(value(args, ++i, a));
                case "--agent" -> agent = value(args, ++i, a);
                default -> throw new IllegalArgumentException("unknown option: " + a
                        + " (expected: --server, --fingerprint, --plaintext, --lang, --settings, --agent)");
            }
        }
        return new DeskOptions(server, fingerprint, plaintext, language, settings, agent);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }
}
