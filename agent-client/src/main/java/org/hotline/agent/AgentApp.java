package org.hotline.agent;

import java.net.InetAddress;
import java.time.Clock;

import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
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
import org.hotline.agent.connection.GrpcDirectory;
import org.hotline.agent.connection.GrpcHistory;
import org.hotline.agent.connection.GrpcKnowledge;
import org.hotline.agent.connection.GrpcCustomers;
import org.hotline.agent.connection.GrpcLoginGateway;
import org.hotline.agent.connection.GrpcSoftphone;
import org.hotline.agent.connection.GrpcWorkOrders;
import org.hotline.agent.desk.DeskEventRouter;
import org.hotline.agent.desk.DeskViewModel;
import org.hotline.agent.desk.DeskWindow;
import org.hotline.agent.desk.LinkViewModel;
import org.hotline.agent.desk.SoftphoneBar;
import org.hotline.agent.history.CallHistoryView;
import org.hotline.agent.history.CallHistoryViewModel;
import org.hotline.agent.history.MyDayView;
import org.hotline.agent.history.MyDayViewModel;
import org.hotline.agent.knowledge.BulletinTicker;
import org.hotline.agent.knowledge.BulletinsViewModel;
import org.hotline.agent.knowledge.KnowledgeView;
import org.hotline.agent.knowledge.KnowledgeViewModel;
import org.hotline.agent.login.DeskSettings;
import org.hotline.agent.tickets.DraftStore;
import org.hotline.agent.tickets.WorkOrderContext;
import org.hotline.agent.tickets.WorkOrderFormView;
import org.hotline.agent.tickets.WorkOrderFormViewModel;
import org.hotline.agent.login.LoginView;
import org.hotline.agent.login.LoginViewModel;
import org.hotline.agent.pop.ScreenPopView;
import org.hotline.agent.pop.ScreenPopViewModel;
import org.hotline.agent.ui.Fonts;
import org.hotline.agent.ui.FxAlerts;
import org.hotline.agent.transfer.DirectoryDialog;
import org.hotline.agent.ui.FxThread;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent desktop's composition root: builds the services, view models and views of one desk.
 * The supervisor client is this desk with a {@link DeskExtension}.
 */
public class AgentApp extends Application {
    private static final Logger log = LoggerFactory.getLogger(AgentApp.class);
    static final String VERSION = "0.1";

    private Stage stage;
    private DeskOptions options;
    private DeskSession session;
    private Timeline clock;
    private java.nio.file.Path drafts;
    private WorkOrderFormViewModel workOrder;
    private DeskExtension extension = DeskExtension.NONE;

    /** What this desk adds to the agent's own tabs; the plain agent desk adds nothing. */
    protected DeskExtension extension() {
        return DeskExtension.NONE;
    }

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        extension = extension();
        options = DeskOptions.parse(getParameters().getRaw());
        DeskSettings settings = DeskSettings.load(options.settings());
        drafts = options.settings().toAbsolutePath().getParent().resolve("drafts");
        LoginViewModel<DeskSession> login = new LoginViewModel<>(new GrpcLoginGateway(FxThread.INSTANCE, options.plaintext()),
                settings, options.fingerprint(), options.defaultServer(), options.language(), clientName(),
                ok -> openDesk(ok.session(), Messages.forLocale(ok.language())));
        options.showGivenServer(login);
        if (login.agentIdProperty().get().isEmpty()) {
            login.agentIdProperty().set(options.agent());
        }
        javafx.beans.binding.StringBinding title = javafx.beans.binding.Bindings.createStringBinding(
                () -> extension.title(login.messagesProperty().get().locale()), login.messagesProperty());
        stage.titleProperty().bind(title);
        stage.setScene(scene(new LoginView(login, title).root(), 1000, 680));
        stage.setMinWidth(800);
        stage.setMinHeight(560);
        stage.centerOnScreen();
        stage.show();
        log.info("desk started, login window shown");
        org.hotline.agent.bench.BenchHooks.autoLogin().ifPresent(credentials -> {
            login.agentIdProperty().set(credentials[0]);
            login.passwordProperty().set(credentials[1]);
            // A benchmark reusing its data folder finds the seat still held by its previous run's desk.
            login.takeOverOfferedProperty().addListener((o, was, offered) -> {
                if (offered) {
                    login.takeOver();
                }
            });
            login.login();
        });
        if (org.hotline.agent.bench.BenchHooks.exitWhenShown()) {
            // After the first pulse has drawn the window: what an agent sees, not just a stage object.
            javafx.application.Platform.runLater(() -> {
                org.hotline.agent.bench.BenchHooks.shown();
                javafx.application.Platform.exit();
            });
        }
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
        DeskViewModel desk = new DeskViewModel(new GrpcSoftphone(s), messages, wall, new FxAlerts(stage, !options.silent()), s.agentId(),
                s.extension(), s.reasonCodes());
        DeskEventRouter router = new DeskEventRouter(link);
        router.add(desk::apply);
        SoftphoneBar bar = new SoftphoneBar(desk, messages, new DirectoryDialog(new GrpcDirectory(s), messages, s.agentId()));
        KnowledgeViewModel kb = new KnowledgeViewModel(new GrpcKnowledge(s), messages,
                KnowledgeView.pause(Duration.millis(250)), KnowledgeView.systemClipboard());
        BulletinsViewModel bulletins = new BulletinsViewModel(wall);
        MyDayViewModel myDay = new MyDayViewModel(new GrpcHistory(s), messages, wall);
        CallHistoryViewModel history = new CallHistoryViewModel(new GrpcHistory(s), messages, wall, bar::dial);
        router.add(bulletins::apply);
        router.add(myDay::apply);
        router.add(history::apply);

        WorkOrderContext orderContext = new WorkOrderContext();
        orderContext.followCall(desk.activeCallProperty());
        // One folder per agent: request ids are per agent on the server, so only its owner may resend a draft.
        DraftStore store = new DraftStore(drafts.resolve(s.agentId().replaceAll("[^A-Za-z0-9_.-]", "_")));
        workOrder = new WorkOrderFormViewModel(new GrpcWorkOrders(s), store, orderContext,
                link.stateProperty(), messages, wall, AgentApp::later, () -> java.util.UUID.randomUUID().toString());
        workOrder.start();
        desk.setHandOver(workOrder::handOver);
        TabPane tabs = new TabPane();
        tabs.getTabs().add(new Tab(messages.get("tab.work_order"), new WorkOrderFormView(workOrder, messages).root()));
        tabs.getTabs().addAll(new KnowledgeView(kb, messages).tab(), new MyDayView(myDay, messages).tab(),
                new CallHistoryView(history, messages).tab());
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        ScreenPopViewModel popVm = new ScreenPopViewModel(new GrpcCustomers(s), messages, wall, bar::dial);
        router.add(popVm::apply);
        // The customer the agent has on the card is the one the work order is for.
        popVm.selectedCustomerProperty().addListener((o, was, c) -> {
            if (c != null) {
                orderContext.setCustomer(c.getAccountNo(), c.getAddress(),
                        c.getGridArea().isEmpty() ? c.getDistrict() : c.getGridArea());
            }
        });
        Node pop = new ScreenPopView(popVm, messages).root();
        SplitPane split = new SplitPane(pop, tabs);
        split.setDividerPositions(0.45);
        // A richer desk (the supervisor's) puts the agent's work area in its first tab, its own tabs beside it at full width.
        Node work = split;
        java.util.List<Tab> more = extension.tabs(s, messages.locale(), stage);
        if (!more.isEmpty()) {
            Tab desk0 = new Tab(messages.get("tab.desk"), split);
            desk0.setId("tab-desk");
            TabPane top = new TabPane(desk0);
            top.getTabs().addAll(more);
            top.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
            top.getStyleClass().add("desk-sections");
            work = top;
        }

        String who = s.extension().isEmpty() ? messages.get("desk.who_no_phone", s.agentName(), s.agentId(), s.server())
                : messages.get("desk.who", s.agentName(), s.agentId(), s.extension(), s.server());
        DeskWindow window = new DeskWindow(bar, desk, link, messages, who, work, new BulletinTicker(bulletins, messages).root());
        if (s.extension().isEmpty()) {
            window.phoneOff();
        }
        stage.titleProperty().unbind();
        stage.setTitle(extension.title(messages.locale()) + " — " + s.agentName() + " (" + s.agentId() + ")");
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
        org.hotline.agent.bench.BenchHooks.deskOpened(desk, router);
        log.info("desk of {} open at extension {}", s.agentId(), s.extension());
    }

    private static void later(java.time.Duration after, Runnable task) {
        PauseTransition p = new PauseTransition(Duration.millis(after.toMillis()));
        p.setOnFinished(e -> task.run());
        p.play();
    }

    @Override
    public void stop() {
        extension.close();
        if (workOrder != null) {
            workOrder.flush();
        }
        if (clock != null) {
            clock.stop();
        }
        if (session != null) {
            session.logout(java.time.Duration.ofSeconds(3));
        }
    }
}
