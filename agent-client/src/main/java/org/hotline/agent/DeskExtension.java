package org.hotline.agent;

import java.util.List;
import java.util.Locale;

import javafx.scene.control.Tab;
import javafx.stage.Stage;
import org.hotline.agent.connection.DeskSession;

/**
 * What a richer desk adds to the agent's: the supervisor client is the agent desk plus its own
 * tabs (live agents, queues, work-order oversight, reports, administration).
 */
public interface DeskExtension {
    /** The plain agent desk. */
    DeskExtension NONE = new DeskExtension() {
        @Override
        public String title(Locale language) {
            return Messages.forLocale(language).get("app.title");
        }

        @Override
        public List<Tab> tabs(DeskSession session, Locale language, Stage stage) {
            return List.of();
        }
    };

    /** The window title in {@code language}. */
    String title(Locale language);

    /** Tabs after the agent's own, built when the desk of {@code session} opens (on the FX thread). */
    List<Tab> tabs(DeskSession session, Locale language, Stage stage);

    /** Called when the desk closes: release subscriptions and timers. */
    default void close() {
    }
}
