package org.hotline.agent;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.hotline.agent.connection.Fingerprint;
import org.hotline.agent.login.DeskSettings;
import org.hotline.agent.login.LoginViewModel;

/**
 * The desk's command line, as IT sets it in the installed shortcut:
 * {@code --server host:port}, {@code --fingerprint AB:CD:...} (the server's, so agents are never
 * asked), {@code --plaintext}, {@code --lang zh-CN|zh-TW|en}, {@code --settings FILE}.
 *
 * @param server the {@code --server} given, "" when none: the login then shows the last server
 *               used, else {@link #DEFAULT_SERVER}
 */
public record DeskOptions(String server, Fingerprint fingerprint, boolean plaintext, Locale language, Path settings,
                          String agent, boolean silent) {
    public static final String DEFAULT_SERVER = "localhost:7443";

    /** The server the login shows when none was given and none is remembered. */
    public String defaultServer() {
        return server.isEmpty() ? DEFAULT_SERVER : server;
    }

    /**
     * A server given on the command line wins over the one the settings remember: IT moved the
     * server and changed the shortcut, or a benchmark started a server on a new port.
     */
    public void showGivenServer(LoginViewModel<?> login) {
        if (!server.isEmpty()) {
            login.serverProperty().set(server);
        }
    }

    public static DeskOptions parse(List<String> args) {
        String server = "";
        Fingerprint fingerprint = null;
        boolean plaintext = false;
        Locale language = Locale.getDefault();
        Path settings = DeskSettings.defaultFile();
        String agent = "";
        boolean silent = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--server" -> server = value(args, ++i, a);
                case "--fingerprint" -> fingerprint = Fingerprint.parse(value(args, ++i, a));
                case "--plaintext" -> plaintext = true;
                case "--lang" -> language = Locale.forLanguageTag(value(args, ++i, a));
                case "--settings" -> settings = Path.of(value(args, ++i, a));
                case "--agent" -> agent = value(args, ++i, a);
                case "--silent" -> silent = true;
                default -> throw new IllegalArgumentException("unknown option: " + a
                        + " (expected: --server, --fingerprint, --plaintext, --lang, --settings, --agent, --silent)");
            }
        }
        return new DeskOptions(server, fingerprint, plaintext, language, settings, agent, silent);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }
}
