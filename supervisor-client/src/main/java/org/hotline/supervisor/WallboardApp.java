package org.hotline.supervisor;

import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.hotline.agent.AgentApp;
import org.hotline.agent.DeskOptions;
import org.hotline.agent.Messages;
import org.hotline.agent.connection.DeskSession;
import org.hotline.agent.connection.GrpcLoginGateway;
import org.hotline.agent.login.DeskSettings;
import org.hotline.agent.login.LoginView;
import org.hotline.agent.login.LoginViewModel;
import org.hotline.agent.ui.Fonts;
import org.hotline.agent.ui.FxThread;
import org.hotline.api.v1.Role;
import org.hotline.supervisor.wallboard.BoardOption;
import org.hotline.supervisor.wallboard.GrpcWallboardGateway;
import org.hotline.supervisor.wallboard.WallboardSettings;
import org.hotline.supervisor.wallboard.WallboardView;
import org.hotline.supervisor.wallboard.WallboardViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The full-screen wallboard for the room's big display: the desk's login window (a wallboard
 * account, or a team lead's or administrator's), then the board, which keeps its statistics
 * stream up by itself and releases it when the window closes.
 */
public final class WallboardApp extends Application {
    private static final Logger log = LoggerFactory.getLogger(WallboardApp.class);

    private Stage stage;
    private WallboardSettings board;
    private LoginViewModel<DeskSession> login;
    private DeskSession session;
    private WallboardViewModel vm;
    private WallboardView view;
    private Timeline clock;

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        List<String> args = new ArrayList<>(getParameters().getRaw());
        java.nio.file.Path boardFile = BoardOption.take(args);
        DeskOptions options = DeskOptions.parse(args);
        java.nio.file.Path file = BoardOption.file(boardFile, options);
        board = WallboardSettings.load(file);
        log.info("wallboard settings from {}: tiles {}", file, board.tiles());
        login = new LoginViewModel<>(new GrpcLoginGateway(FxThread.INSTANCE, options.plaintext()),
                DeskSettings.load(options.settings()), options.fingerprint(), options.defaultServer(), options.language(),
                clientName(), ok -> open(ok.session(), ok.language()));
        options.showGivenServer(login);
        if (login.agentIdProperty().get().isEmpty()) {
            login.agentIdProperty().set(options.agent().isEmpty() ? "wallboard" : options.agent());
        }
        stage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> SupervisorDesk.texts(login.messagesProperty().get().locale()).get("wallboard.title"),
                login.messagesProperty()));
        stage.setScene(scene(new LoginView(login).root(), 1000, 680));
        stage.centerOnScreen();
        stage.show();
        log.info("wallboard started, login window shown");
    }

    private void open(DeskSession s, Locale language) {
        Messages texts = SupervisorDesk.texts(language);
        if (s.role() == Role.ROLE_AGENT) {
            // The server would refuse the stream; say so in the login window rather than show an empty board.
            login.messageProperty().set(texts.get("wallboard.not_allowed"));
            login.problemProperty().set(true);
            Thread t = new Thread(() -> s.logout(java.time.Duration.ofSeconds(2)), "wallboard-logout");
            t.setDaemon(true);
            t.start();
            return;
        }
        session = s;
        vm = new WallboardViewModel(board, new GrpcWallboardGateway(s), texts, Messages.forLocale(language),
                Clock.systemDefaultZone());
        view = new WallboardView(vm, texts, Messages.forLocale(language), texts.get("wallboard.title"));
        stage.titleProperty().unbind();
        stage.setTitle(texts.get("wallboard.title") + " — " + s.agentName());
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getBounds();
        stage.setScene(scene(view.root(), Math.min(1920, screen.getWidth()), Math.min(1080, screen.getHeight())));
        stage.setX(screen.getMinX());
        stage.setY(screen.getMinY());
        // A wall display: no hint to press Esc over the figures.
        stage.setFullScreenExitHint("");
        stage.setFullScreen(true);
        clock = new Timeline(new KeyFrame(Duration.seconds(1), e -> vm.tick()));
        clock.setCycleCount(Timeline.INDEFINITE);
        clock.play();
        vm.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> s.logout(java.time.Duration.ofSeconds(2)), "wallboard-logout"));
        log.info("wallboard of {} ({}) open", s.agentId(), s.role());
    }

    private static Scene scene(Parent root, double w, double h) {
        Scene s = new Scene(root, w, h);
        s.getStylesheets().add(AgentApp.class.getResource("desk.css").toExternalForm());
        s.getStylesheets().add(WallboardApp.class.getResource("supervisor.css").toExternalForm());
        root.setStyle(Fonts.rootStyle());
        return s;
    }

    private static String clientName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "?";
        }
        return "wallboard on " + host;
    }

    @Override
    public void stop() {
        if (clock != null) {
            clock.stop();
        }
        if (view != null) {
            view.detach();
        }
        if (vm != null) {
            vm.close();
        }
        if (session != null) {
            session.logout(java.time.Duration.ofSeconds(3));
        }
    }
}
