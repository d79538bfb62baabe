package org.hotline.supervisor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.stage.Stage;
import org.hotline.agent.DeskExtension;
import org.hotline.agent.Messages;
import org.hotline.agent.connection.DeskSession;
import org.hotline.api.v1.Role;

/**
 * The supervisor's part of the desk: builds its tabs once the team lead (or administrator) has
 * logged in, and releases their subscriptions when the desk closes. An agent who logs in here
 * gets the agent desk and one tab that says why there is nothing more.
 */
final class SupervisorDesk implements DeskExtension {
    static final String BUNDLE = "org.hotline.supervisor.messages";
    private final List<AutoCloseable> open = new ArrayList<>();

    static Messages texts(Locale language) {
        return Messages.of(BUNDLE, language);
    }

    @Override
    public String title(Locale language) {
        return texts(language).get("app.title");
    }

    @Override
    public List<Tab> tabs(DeskSession session, Locale language, Stage stage) {
        Messages m = texts(language);
        if (session.role() != Role.ROLE_TEAM_LEAD && session.role() != Role.ROLE_ADMIN) {
            Tab t = new Tab(m.get("tab.supervision"), new Label(m.get("supervision.not_a_lead")));
            return List.of(t);
        }
        List<Tab> tabs = new ArrayList<>();
        return tabs;
    }

    @Override
    public void close() {
        for (AutoCloseable c : open) {
            try {
                c.close();
            } catch (Exception e) {
                // closing: nothing more to do with it
            }
        }
        open.clear();
    }
}
