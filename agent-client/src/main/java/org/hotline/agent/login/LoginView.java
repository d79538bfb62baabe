package org.hotline.agent.login;

import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.hotline.agent.Messages;
import org.hotline.agent.ui.Texts;

/** The login window's content, bound to its {@link LoginViewModel}; relabels itself when the language changes. */
public final class LoginView {
    private final StackPane root = new StackPane();

    public LoginView(LoginViewModel<?> vm) {
        this(vm, Texts.of(vm.messagesProperty(), "app.title"));
    }

    /** With the application's own title (the supervisor desk's, the wallboard's), in the chosen language. */
    public LoginView(LoginViewModel<?> vm, javafx.beans.value.ObservableValue<String> appTitle) {
        var m = vm.messagesProperty();
        Label title = new Label();
        title.textProperty().bind(appTitle);
        title.getStyleClass().add("login-title");

        ComboBox<Locale> language = new ComboBox<>();
        language.getItems().setAll(Messages.LANGUAGES);
        language.valueProperty().bindBidirectional(vm.languageProperty());
        language.setConverter(new StringConverter<>() {
            @Override
            public String toString(Locale l) {
                return l == null ? "" : Messages.forLocale(l).get("language.name");
            }

            @Override
            public Locale fromString(String s) {
                return null;
            }
        });
        language.setId("language");

        TextField server = field("server", vm.serverProperty());
        TextField agent = field("agent", vm.agentIdProperty());
        PasswordField password = new PasswordField();
        password.setId("password");
        password.textProperty().bindBidirectional(vm.passwordProperty());
        TextField extension = field("extension", vm.extensionProperty());

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(10);
        String[] keys = {"login.language", "login.server", "login.agent", "login.password", "login.extension"};
        javafx.scene.Node[] inputs = {language, server, agent, password, extension};
        for (int i = 0; i < keys.length; i++) {
            Label l = new Label();
            l.textProperty().bind(Texts.of(m, keys[i]));
            l.setLabelFor(inputs[i]);
            form.addRow(i, l, inputs[i]);
            ((javafx.scene.layout.Region) inputs[i]).setPrefWidth(260);
        }

        Label fingerprint = new Label();
        fingerprint.setId("fingerprint");
        fingerprint.getStyleClass().add("fingerprint");
        fingerprint.setWrapText(true);
        fingerprint.textProperty().bind(Bindings.createStringBinding(() -> vm.fingerprintProperty().get().isEmpty() ? ""
                        : m.get().get("login.fingerprint", vm.fingerprintProperty().get()),
                vm.fingerprintProperty(), m));
        fingerprint.managedProperty().bind(fingerprint.textProperty().isNotEmpty());
        fingerprint.visibleProperty().bind(fingerprint.managedProperty());

        Label message = new Label();
        message.setId("login-message");
        message.getStyleClass().add("login-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        javafx.css.PseudoClass problem = javafx.css.PseudoClass.getPseudoClass("problem");
        vm.problemProperty().addListener((o, a, b) -> message.pseudoClassStateChanged(problem, b));

        Button login = new Button();
        login.setId("login");
        login.textProperty().bind(Texts.of(m, "login.button"));
        login.defaultButtonProperty().bind(vm.trustOfferedProperty().not());
        login.disableProperty().bind(vm.busyProperty());
        login.setOnAction(e -> vm.login());
        login.managedProperty().bind(vm.trustOfferedProperty().not());
        login.visibleProperty().bind(login.managedProperty());

        Button trust = new Button();
        trust.setId("trust");
        trust.textProperty().bind(Texts.of(m, "login.trust"));
        trust.setOnAction(e -> vm.trustAndLogin());
        trust.defaultButtonProperty().bind(vm.trustOfferedProperty());
        trust.managedProperty().bind(vm.trustOfferedProperty());
        trust.visibleProperty().bind(trust.managedProperty());
        trust.disableProperty().bind(vm.busyProperty());

        Button takeOver = new Button();
        takeOver.setId("take-over");
        takeOver.textProperty().bind(Texts.of(m, "login.take_over"));
        takeOver.setOnAction(e -> vm.takeOver());
        takeOver.managedProperty().bind(vm.takeOverOfferedProperty());
        takeOver.visibleProperty().bind(takeOver.managedProperty());
        takeOver.disableProperty().bind(vm.busyProperty());

        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(vm.busyProperty());

        HBox buttons = new HBox(10, login, trust, takeOver, busy);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(16, title, form, fingerprint, message, buttons);
        card.getStyleClass().add("login-card");
        card.setPadding(new Insets(28));
        card.setMaxSize(460, VBox.USE_PREF_SIZE);
        root.getChildren().add(card);
        root.getStyleClass().add("login-root");
        if (vm.agentIdProperty().get().isEmpty()) {
            agent.sceneProperty().addListener((o, a, b) -> agent.requestFocus());
        } else {
            password.sceneProperty().addListener((o, a, b) -> password.requestFocus());
        }
    }

    private static TextField field(String id, javafx.beans.property.StringProperty p) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(p);
        return f;
    }

    public Parent root() {
        return root;
    }
}
