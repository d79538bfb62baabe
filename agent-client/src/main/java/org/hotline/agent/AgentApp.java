package org.hotline.agent;

import java.util.Locale;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The agent desktop's composition root: builds the services, view models and views of one desk. */
public final class AgentApp extends Application {
    @Override
    public void start(Stage stage) {
        Messages messages = Messages.forLocale(Locale.getDefault());
        stage.setTitle(messages.get("app.title"));
        stage.setScene(new Scene(new StackPane(new Label(messages.get("app.title"))), 1280, 720));
        stage.show();
    }
}
