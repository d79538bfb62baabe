package org.hotline.agent.bench;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.util.Duration;
import org.hotline.agent.desk.DeskEventRouter;
import org.hotline.agent.desk.DeskViewModel;
import org.hotline.api.v1.AgentState;
import org.hotline.api.v1.ConnectionState;

/**
 * The switches {@code bench desk} sets on a desk it starts, as system properties; unset in
 * normal use. One: exit as soon as the login window is on screen (cold start). Two: log in as
 * the given demo seat, work every call like a quick agent, measure the FX thread, print the
 * figures and exit.
 */
public final class BenchHooks {
    public static final String EXIT_WHEN_SHOWN = "hotline.desk.exitWhenShown";
    static final String AGENT = "hotline.desk.bench.agent";
    static final String PASSWORD = "hotline.desk.bench.password";
    static final String SECONDS = "hotline.desk.bench.seconds";
    static final String RESULT = "hotline-desk-bench-result:";

    private BenchHooks() {
    }

    public static boolean exitWhenShown() {
        return Boolean.getBoolean(EXIT_WHEN_SHOWN);
    }

    public static void shown() {
        System.out.println(DeskBench.SHOWN);
        System.out.flush();
    }

    /** Agent id and password to log in with at once, in a benchmark run only. */
    public static Optional<String[]> autoLogin() {
        String agent = System.getProperty(AGENT);
        return agent == null ? Optional.empty() : Optional.of(new String[] {agent, System.getProperty(PASSWORD, "")});
    }

    /** In a benchmark run: works the desk's calls for the configured seconds, then prints the figures and exits. */
    public static void deskOpened(DeskViewModel desk, DeskEventRouter router) {
        if (System.getProperty(AGENT) == null) {
            return;
        }
        AtomicInteger pops = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        router.add(e -> {
            if (e.hasPop()) {
                pops.incrementAndGet();
            }
            if (e.hasRecorded()) {
                calls.incrementAndGet();
            }
        });
        FxStallMonitor monitor = new FxStallMonitor();
        // Measured from 5 s after the desk opened: the one-time build of the window is the cold start's business.
        Timeline warmUp = new Timeline(new KeyFrame(Duration.seconds(5), e -> monitor.start()));
        warmUp.play();
        long[] since = {System.nanoTime()};
        String[] lastCall = {""};
        // A quick agent: answers after 300 ms, talks 1.5 s, back to Ready after the call.
        Timeline agent = new Timeline(new KeyFrame(Duration.millis(100), e -> {
            var c = desk.activeCallProperty().get();
            String id = c == null ? "" : c.getCallId();
            if (!id.equals(lastCall[0])) {
                lastCall[0] = id;
                since[0] = System.nanoTime();
            }
            long ms = (System.nanoTime() - since[0]) / 1_000_000;
            if (c != null && desk.myState(c) == ConnectionState.CONNECTION_STATE_ALERTING && ms > 300) {
                desk.answer();
                since[0] = System.nanoTime();
            } else if (c != null && desk.myState(c) == ConnectionState.CONNECTION_STATE_CONNECTED && ms > 1500) {
                desk.hangup();
                since[0] = System.nanoTime();
            } else if (c == null && (desk.stateProperty().get() == AgentState.AGENT_STATE_NOT_READY
                    || desk.stateProperty().get() == AgentState.AGENT_STATE_AFTER_CALL_WORK) && ms > 500) {
                desk.ready();
                since[0] = System.nanoTime();
            }
        }));
        agent.setCycleCount(Timeline.INDEFINITE);
        agent.play();
        long seconds = Long.getLong(SECONDS, 60);
        Timeline end = new Timeline(new KeyFrame(Duration.seconds(seconds + 5), e -> {
            agent.stop();
            double[] f = monitor.stop();
            StringBuilder line = new StringBuilder(RESULT);
            for (double v : f) {
                line.append(' ').append(v);
            }
            line.append(' ').append(calls.get()).append(' ').append(pops.get());
            System.out.println(line);
            System.out.flush();
            Platform.exit();
        }));
        end.play();
    }
}
