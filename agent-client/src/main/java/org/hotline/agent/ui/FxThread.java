package org.hotline.agent.ui;

import java.util.concurrent.Executor;

import javafx.application.Platform;

/**
 * The one place where work hops onto the JavaFX application thread: every server event and
 * every command result reaches the view models through this executor.
 */
public final class FxThread implements Executor {
    public static final FxThread INSTANCE = new FxThread();

    private FxThread() {
    }

    @Override
    public void execute(Runnable command) {
        if (Platform.isFxApplicationThread()) {
            command.run();
        } else {
            Platform.runLater(command);
        }
    }
}
