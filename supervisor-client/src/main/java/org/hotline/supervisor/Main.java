package org.hotline.supervisor;

import java.util.ArrayList;
import java.util.List;

import javafx.application.Application;
import org.hotline.agent.DeskOptions;
import org.hotline.supervisor.wallboard.BoardOption;
import org.hotline.supervisor.wallboard.WallboardSettings;

/**
 * Starts the team lead's desk, or with {@code --wallboard} the big-screen wallboard. A plain class
 * rather than the {@link Application} itself, so it runs from a class-path jar.
 */
public final class Main {
    static final String USAGE = """
            Usage: hotline supervisor [--server HOST[:PORT]] [--fingerprint AB:CD:...] [--plaintext]
                                      [--lang zh-CN|zh-TW|en] [--settings FILE] [--agent ID] [--silent]
                   hotline wallboard  [the same options] [--board FILE]
            Opens the team lead's desk: the agent desk plus live agents and queues, work-order
            oversight, reports and administration. With --wallboard (what `hotline wallboard` runs):
            the full-screen wallboard for the room's big display, logged in with a wallboard account.
              --server       the CTI server (default: the last one used, else localhost:7443)
              --fingerprint  the server certificate's SHA-256 fingerprint as its log shows it
              --plaintext    the server runs without TLS (trusted networks only)
              --lang         the language of the login window
              --settings     where the client remembers server, user id, extension, pins
              --agent        user id to pre-fill when none is remembered
              --silent       no sounds (ring, queue alerts)
              --board        the wallboard's tiles and thresholds (default: wallboard.properties
                             beside the settings file; see the README)
            """;

    private Main() {
    }

    public static void main(String[] args) {
        List<String> rest = new ArrayList<>(List.of(args));
        if (rest.contains("--help") || rest.contains("-h")) {
            System.out.print(USAGE);
            return;
        }
        boolean wallboard = rest.remove("--wallboard");
        try {
            java.nio.file.Path board = wallboard ? BoardOption.take(rest) : null;
            DeskOptions options = DeskOptions.parse(rest);
            if (wallboard) {
                WallboardSettings.load(BoardOption.file(board, options));
                if (board != null) {
                    rest.addAll(List.of("--board", board.toString()));
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("hotline " + (wallboard ? "wallboard" : "supervisor") + ": " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
        }
        Application.launch(wallboard ? WallboardApp.class : SupervisorApp.class, rest.toArray(String[]::new));
    }
}
