package org.hotline.agent;

import javafx.application.Application;

/**
 * Starts the agent desktop. A plain class rather than the {@link javafx.application.Application}
 * itself, so the desk runs from a class-path jar without the JavaFX launcher's module checks.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Application.launch(AgentApp.class, args);
    }
}
