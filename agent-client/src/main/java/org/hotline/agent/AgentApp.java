package org.hotline.agent;

import java.net.InetAddress;
import java.time.Clock;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.hotline.agent.connection.DeskSession;
import org.hotline.agent.connection.GrpcCustomers;
import org.hotline.agent.connection.GrpcLoginGateway;
import org.hotline.agent.connection.GrpcSoftphone;
import org.hotline.agent.desk.DeskEventRouter;
import org.hotline.agent.desk.DeskViewModel;
import org.hotline.agent.desk.DeskWindow;
import org.hotline.agent.desk.LinkViewModel;
import org.hotline.agent.desk.SoftphoneBar;
import org.hotline.agent.login.DeskSettings;
import org.hotline.agent.login.LoginView;
import org.hotline.agent.login.LoginViewModel;
import org.hotline.agent.pop.ScreenPopView;
import org.hotline.agent.pop.ScreenPopViewModel;
import org.hotline.agent.ui.Fonts;
import org.hotline.agent.ui.FxAlerts;
import org.hotline.agent.ui.FxThread;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The agent desktop's composition root: builds the services, view models and views of one desk. */
public final class AgentApp extends Application {
    private static final Logger log = LoggerFactory.getLogger(AgentApp.class);
    static final String VERSION = "0.1";

    private Stage stage;
    private DeskSession session;
    private Timeline clock;

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        DeskOptions options = DeskOptions.parse(getParameters().getRaw());
        DeskSettings settings = DeskSettings.load(options.settings());
        LoginViewModel<DeskSession> login = new LoginViewModel<>(new GrpcLoginGateway(FxThread.INSTANCE, options.plaintext()),
                settings, options.fingerprint(), options.server(), options.language(), clientName(),
                ok -> openDesk(ok.session(), Messages.forLocale(ok.language())));
        if (login.agentIdProperty().get().isEmpty()) {
            login.agentIdProperty().set(options.agent());
        }
        stage.titleProperty().bind(org.hotline.agent.ui.Texts.of(login.messagesProperty(), "app.title"));
        stage.setScene(scene(new LoginView(login).root(), 1000, 680));
        stage.setMinWidth(800);
        stage.setMinHeight(560);
        stage.centerOnScreen();
        stage.show();
        log.info("desk started, login window shown");
    }

    private static String clientName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "?";
        }
        return "agent-client " + VERSION + " on " + host;
    }

    private Scene scene(Parent root, double w, double h) {
        Scene s = new Scene(root, w, h);
        s.getStylesheets().add(AgentApp.class.getResource("desk.css").toExternalForm());
        root.setStyle(Fonts.rootStyle());
        return s;
    }

    private void openDesk(DeskSession s, Messages messages) {
        this.session = s;
        Clock wall = Clock.systemDefaultZone();
        LinkViewModel link = new LinkViewModel(messages);
        DeskViewModel desk = new DeskViewModel(new GrpcSoftphone(s), messages, wall, new FxAlerts(stage), s.agentId(),
                s.extension(), s.reasonCodes());
        DeskEventRouter router = new DeskEventRouter(link);
        router.add(desk::apply);
        SoftphoneBar bar = new SoftphoneBar(desk, messages, SoftphoneBar.typedDestination(messages));

        TabPane tabs = new TabPane();
        tabs.getTabs().add(new Tab(messages.get("tab.work_order"), new Label()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        ScreenPopViewModel popVm = new ScreenPopViewModel(new GrpcCustomers(s), messages, wall, bar::dial);
        router.add(popVm::apply);
        Node pop = new ScreenPopView(popVm, messages).root();
        SplitPane work = new SplitPane(pop, tabs);
        work.setDividerPositions(0.45);

        String who = messages.get("desk.who", s.agentName(), s.agentId(), s.extension(), s.server());
        DeskWindow window = new DeskWindow(bar, desk, link, messages, who, work, null);
        stage.titleProperty().unbind();
        stage.setTitle(messages.get("app.title") + " — " + s.agentName() + " (" + s.agentId() + ")");
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setScene(scene(window.root(), Math.min(1366, screen.getWidth()), Math.min(768, screen.getHeight())));
        stage.setX(screen.getMinX());
        stage.setY(screen.getMinY());
        stage.setMaximized(true);
        clock = new Timeline(new KeyFrame(Duration.seconds(1), e -> desk.tick()));
        clock.setCycleCount(Timeline.INDEFINITE);
        clock.play();
        s.start(router);
        // Windows shutting down or the process being ended: log out so the seat is free for the next login.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> s.logout(java.time.Duration.ofSeconds(2)), "desk-logout"));
        log.info("desk of {} open at extension {}", s.agentId(), s.extension());
    }

    @Override
    public void stop() {
        if (clock != null) {
            clock.stop();
        }
        if (session != null) {
            session.logout(java.time.Duration.ofSeconds(3));
        }
    }
}
