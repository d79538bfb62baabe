package org.hotline.supervisor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import java.time.Clock;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.util.Duration;
import org.hotline.agent.connection.KeptStream;
import org.hotline.agent.connection.LinkState;
import org.hotline.agent.desk.LinkViewModel;
import org.hotline.api.v1.SupervisionEvent;
import org.hotline.supervisor.admin.AdminView;
import org.hotline.supervisor.admin.AdminViewModel;
import org.hotline.supervisor.admin.GrpcAdministration;
import org.hotline.supervisor.admin.PasswordReset;
import org.hotline.supervisor.agents.AgentsView;
import org.hotline.supervisor.agents.AgentsViewModel;
import org.hotline.supervisor.agents.GrpcSupervision;
import org.hotline.supervisor.agents.Thresholds;
import org.hotline.supervisor.orders.GrpcOversight;
import org.hotline.supervisor.orders.OversightView;
import org.hotline.supervisor.orders.OversightViewModel;
import org.hotline.supervisor.queues.FxQueueAlarm;
import org.hotline.supervisor.queues.QueueThresholds;
import org.hotline.supervisor.queues.QueuesView;
import org.hotline.supervisor.queues.QueuesViewModel;
import javafx.scene.control.Tab;
import javafx.stage.Stage;
import org.hotline.agent.DeskExtension;
import org.hotline.agent.Messages;
import org.hotline.agent.connection.DeskSession;
import org.hotline.agent.ui.FxThread;
import org.hotline.api.v1.Role;
import org.hotline.supervisor.reports.GrpcReports;
import org.hotline.supervisor.reports.ReportsView;
import org.hotline.supervisor.reports.ReportsViewModel;

/**
 * The supervisor's part of the desk: builds its tabs once the team lead (or administrator) has
 * logged in, and releases their subscriptions when the desk closes. An agent who logs in here
 * gets the agent desk and one tab that says why there is nothing more.
 */
final class SupervisorDesk implements DeskExtension {
    static final String BUNDLE = "org.hotline.supervisor.messages";
    private final List<AutoCloseable> open = new ArrayList<>();
    private final boolean sound;

    /** @param sound false with {@code --silent}: queue alerts show in colour only */
    SupervisorDesk(boolean sound) {
        this.sound = sound;
    }

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
        Messages desk = Messages.forLocale(language);
        Clock wall = Clock.systemDefaultZone();
        GrpcSupervision supervision = new GrpcSupervision(session);
        AgentsViewModel agents = new AgentsViewModel(supervision, desk, m, wall, Thresholds.DEFAULTS, session.reasonCodes());
        QueuesViewModel queues = new QueuesViewModel(m, wall, QueueThresholds.DEFAULTS, new FxQueueAlarm(sound));
        LinkViewModel link = new LinkViewModel(desk);
        open.add(supervision.stream().start(new KeptStream.Listener<>() {
            @Override
            public void onEvent(SupervisionEvent e) {
                agents.apply(e);
                queues.apply(e);
            }

            @Override
            public void onLink(LinkState state, String detail) {
                link.onLink(state, detail);
            }
        }));
        Timeline clock = new Timeline(new KeyFrame(Duration.seconds(1), e -> {
            agents.tick();
            queues.tick();
        }));
        clock.setCycleCount(Timeline.INDEFINITE);
        clock.play();
        open.add(clock::stop);

        List<Tab> tabs = new ArrayList<>();
        tabs.add(styled(new AgentsView(agents, m).tab(), link));
        tabs.add(styled(new QueuesView(queues, m).tab(), link));
        OversightView orders = new OversightView(new OversightViewModel(new GrpcOversight(session), desk, m, wall), m);
        open.add(orders);
        tabs.add(styled(orders.tab(), link));
        tabs.add(styled(reportsTab(session, m, desk, wall), link));
        tabs.add(styled(new AdminView(new AdminViewModel(new GrpcAdministration(session), session.role(), desk, m, wall,
                PasswordReset::randomPassword), m).tab(), link));
        return tabs;
    }

    /** The supervisor's styles, and the link banner above the tab's content while the stream is down. */
    private static Tab styled(Tab tab, LinkViewModel link) {
        Label banner = new Label();
        banner.getStyleClass().add("link-banner");
        banner.textProperty().bind(link.bannerProperty());
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.managedProperty().bind(link.bannerProperty().isNotEmpty());
        banner.visibleProperty().bind(banner.managedProperty());
        BorderPane box = new BorderPane(tab.getContent());
        box.setTop(banner);
        box.getStylesheets().add(SupervisorDesk.class.getResource("supervisor.css").toExternalForm());
        tab.setContent(box);
        return tab;
    }

    private Tab reportsTab(DeskSession session, Messages m, Messages desk, Clock wall) {
        ExecutorService exports = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "report-export");
            t.setDaemon(true);
            return t;
        });
        open.add(exports::shutdownNow);
        ReportsViewModel vm = new ReportsViewModel(new GrpcReports(session), m, desk, wall, exports, FxThread.INSTANCE);
        Tab t = new Tab(m.get("tab.reports"), new ReportsView(vm, m));
        t.setId("reportsTab");
        t.setClosable(false);
        return t;
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
