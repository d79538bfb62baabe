package org.hotline.supervisor;

import javafx.application.Application;
import javafx.stage.Stage;

/** The full-screen wallboard for the room's big display. */
public final class WallboardApp extends Application {
    @Override
    public void start(Stage stage) {
        throw new UnsupportedOperationException("the wallboard is being built");
    }
}
