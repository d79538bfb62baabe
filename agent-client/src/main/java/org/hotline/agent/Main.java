package org.hotline.agent;

import java.util.List;

import javafx.application.Application;

/**
 * Starts the agent desktop. A plain class rather than the {@link javafx.application.Application}
 * itself, so the desk runs from a class-path jar without the JavaFX launcher's module checks.
 */
public final class Main {
    static final String USAGE = """
            Usage: hotline agent [--server HOST[:PORT]] [--fingerprint AB:CD:...] [--plaintext]
                                 [--lang zh-CN|zh-TW|en] [--settings FILE] [--agent ID]
            Opens an agent desk.
              --server       the CTI server (default: the last one used, else localhost:7443)
              --fingerprint  the server certificate's SHA-256 fingerprint as its log shows it;
                             without it the desk shows the fingerprint at the first connection
              --plaintext    the server runs without TLS (trusted networks only)
              --lang         the language of the login window (the agent may change it there)
              --settings     where the desk remembers server, agent id, extension, pins
              --agent        agent id to pre-fill when none is remembered
            """;

    private Main() {
    }

    public static void main(String[] args) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(USAGE);
            return;
        }
        try {
            DeskOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("hotline agent: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
        }
        Application.launch(AgentApp.class, args);
    }
}
