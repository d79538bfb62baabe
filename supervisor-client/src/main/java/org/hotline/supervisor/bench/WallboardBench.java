package org.hotline.supervisor.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.hotline.agent.AgentApp;
import org.hotline.agent.Messages;
import org.hotline.agent.bench.FxStallMonitor;
import org.hotline.agent.ui.Fonts;
import org.hotline.supervisor.wallboard.WallboardSettings;
import org.hotline.supervisor.wallboard.WallboardView;
import org.hotline.supervisor.wallboard.WallboardViewModel;

/**
 * {@code ./hotline bench wallboard}: the FX thread of a 1920x1080 wallboard and of the
 * supervisor's live agents grid (a second window) while a generated room of 2,000 agents changes
 * state 500 times a second (the board gets the statistics the server coalesces them into, once a
 * second, plus its chart and work-order refreshes; the grid's view model every change), measured
 * with the desk bench's {@link FxStallMonitor}; then the monthly report figure of
 * {@code bench reports} (the year of 10 million generated call records in MariaDB), run with
 * {@code --no-load} on what that bench loaded. Prints readable figures and, last, one JSON line.
 * Needs a display ({@code xvfb-run -a -s '-screen 0 1920x1080x24' ./hotline bench wallboard}).
 */
public final class WallboardBench {
    private static final Pattern ROWS = Pattern.compile("\"rows\":(\\d+)");
    private static final Pattern QUEUE_MAX = Pattern.compile("\"monthly_by_queue_ms_max\":(\\d+)");
    private static final long FULL_YEAR = 10_000_000L;

    /** The grid's actions are not exercised here. */
    private static final org.hotline.supervisor.agents.SupervisionGateway NO_ACTIONS =
            new org.hotline.supervisor.agents.SupervisionGateway() {
                private <T> CompletableFuture<T> none() {
                    return CompletableFuture.failedFuture(new UnsupportedOperationException("bench: no actions"));
                }

                @Override
                public CompletableFuture<org.hotline.api.v1.SupervisionResponse> listen(String agentId) {
                    return none();
                }

                @Override
                public CompletableFuture<org.hotline.api.v1.SupervisionResponse> whisper(String agentId) {
                    return none();
                }

                @Override
                public CompletableFuture<org.hotline.api.v1.SupervisionResponse> barge(String agentId) {
                    return none();
                }

                @Override
                public CompletableFuture<org.hotline.api.v1.SupervisionResponse> forceState(String agentId,
                        org.hotline.api.v1.AgentState state, String reasonCode) {
                    return none();
                }

                @Override
                public CompletableFuture<org.hotline.api.v1.SupervisionResponse> forceLogout(String agentId) {
                    return none();
                }

                @Override
                public CompletableFuture<org.hotline.api.v1.SupervisionResponse> sendMessage(String agentId, String text) {
                    return none();
                }
            };

    private WallboardBench() {
    }

    public static void main(String[] args) throws Exception {
        int agents = 2_000;
        int updates = 500;
        int seconds = 30;
        Path serverJar = null;
        boolean reports = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--agents" -> agents = Integer.parseInt(args[++i]);
                case "--updates-per-second" -> updates = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--server-jar" -> serverJar = Path.of(args[++i]);
                case "--no-reports" -> reports = false;
                case "--help", "-h" -> {
                    System.out.println("Usage: hotline bench wallboard [--seconds N (30)] [--agents N (2000)]"
                            + " [--updates-per-second N (500)] [--no-reports]");
                    return;
                }
                default -> {
                    System.err.println("bench wallboard: unknown option " + args[i]
                            + " (expected: --seconds, --agents, --updates-per-second, --no-reports)");
                    System.exit(2);
                }
            }
        }
        if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null
                && !System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("win")) {
            System.err.println("bench wallboard: no display (expected: DISPLAY set; on a server run it as"
                    + " xvfb-run -a -s '-screen 0 1920x1080x24' ./hotline bench wallboard)");
            System.exit(2);
        }
        double[] f = board(agents, updates, seconds);
        System.out.printf(Locale.ROOT, "wallboard and supervisor grid, %d agents at %d state updates/s for %d s: %.0f frames, frame p50 %.2f ms,"
                        + " p99 %.2f ms, max %.2f ms (target p99 <= 16 ms); FX stalls p99 %.2f ms, max %.2f ms%n",
                agents, updates, seconds, f[0], f[1], f[2], f[3], f[5], f[6]);

        String reportJson = "null";
        long reportRows = 0;
        if (reports && serverJar != null) {
            String[] r = monthlyReport(serverJar);
            if (r != null) {
                reportRows = Long.parseLong(r[0]);
                if (reportRows >= FULL_YEAR) {
                    reportJson = r[1];
                    System.out.printf(Locale.ROOT, "monthly report by queue over %,d call records: max %s ms (target <= 2000)%n",
                            reportRows, r[1]);
                } else {
                    System.out.printf(Locale.ROOT, "monthly report: the report bench's site holds %,d call records, not the"
                            + " year of %,d; run ./hotline bench reports once to load them (45 min here), then this again%n",
                            reportRows, FULL_YEAR);
                }
            }
        }
        System.out.printf(Locale.ROOT, "{\"agents\":%d,\"state_updates_per_s\":%d,\"seconds\":%d,\"frames\":%.0f,"
                        + "\"frame_p50_ms\":%.2f,\"frame_p99_ms\":%.2f,\"frame_max_ms\":%.2f,\"stall_p99_ms\":%.2f,"
                        + "\"stall_max_ms\":%.2f,\"grid_agents\":%d,\"report_rows\":%d,\"monthly_report_ms\":%s,"
                        + "\"target_frame_p99_ms\":16,\"target_report_ms\":2000}%n",
                agents, updates, seconds, f[0], f[1], f[2], f[3], f[5], f[6], agents, reportRows, reportJson);
        System.exit(0);
    }

    /** Opens the board on a generated room, measures the FX thread after a 5 s warm-up. */
    private static double[] board(int agents, int updates, int seconds) throws Exception {
        CompletableFuture<double[]> result = new CompletableFuture<>();
        Platform.startup(() -> {
            Clock clock = Clock.systemDefaultZone();
            GeneratedRoom room = new GeneratedRoom(agents, updates, clock);
            Locale language = Locale.ENGLISH;
            Messages texts = Messages.of("org.hotline.supervisor.messages", language);
            WallboardViewModel vm = new WallboardViewModel(WallboardSettings.defaults(), room, texts,
                    Messages.forLocale(language), clock);
            WallboardView view = new WallboardView(vm, texts, Messages.forLocale(language), texts.get("wallboard.title"));
            Stage stage = new Stage();
            Scene scene = new Scene(view.root(), 1920, 1080);
            scene.getStylesheets().add(AgentApp.class.getResource("desk.css").toExternalForm());
            scene.getStylesheets().add(WallboardView.class.getResource("/org/hotline/supervisor/supervisor.css").toExternalForm());
            view.root().setStyle(Fonts.rootStyle());
            stage.setScene(scene);
            stage.show();
            // The supervisor's live agents grid in a second window on the same FX thread, fed the same room's changes.
            org.hotline.supervisor.agents.AgentsViewModel agentsVm = new org.hotline.supervisor.agents.AgentsViewModel(
                    NO_ACTIONS, Messages.forLocale(language), texts, clock, org.hotline.supervisor.agents.Thresholds.DEFAULTS,
                    List.of());
            Stage gridStage = new Stage();
            javafx.scene.layout.BorderPane gridRoot = new javafx.scene.layout.BorderPane(
                    new org.hotline.supervisor.agents.AgentsView(agentsVm, texts).root());
            Scene gridScene = new Scene(gridRoot, 1366, 768);
            gridScene.getStylesheets().add(AgentApp.class.getResource("desk.css").toExternalForm());
            gridScene.getStylesheets().add(WallboardView.class.getResource("/org/hotline/supervisor/supervisor.css").toExternalForm());
            gridRoot.setStyle(Fonts.rootStyle());
            gridStage.setScene(gridScene);
            gridStage.show();
            room.feedGrid(agentsVm::apply);
            Timeline gridTick = new Timeline(new KeyFrame(Duration.seconds(1), e -> agentsVm.tick()));
            gridTick.setCycleCount(Timeline.INDEFINITE);
            gridTick.play();
            Timeline tick = new Timeline(new KeyFrame(Duration.seconds(1), e -> vm.tick()));
            tick.setCycleCount(Timeline.INDEFINITE);
            tick.play();
            vm.start();
            FxStallMonitor monitor = new FxStallMonitor();
            new Timeline(new KeyFrame(Duration.seconds(5), e -> monitor.start())).play();
            new Timeline(new KeyFrame(Duration.seconds(5 + seconds), e -> {
                double[] f = monitor.stop();
                tick.stop();
                gridTick.stop();
                System.out.printf(Locale.ROOT, "supervisor grid: %,d agents in the grid%n", agentsVm.allRows().size());
                gridStage.close();
                vm.close();
                view.detach();
                room.close();
                System.out.printf(Locale.ROOT, "generated %,d state updates; the board took %,d statistics messages%n",
                        room.updates(), vm.statsSeen());
                stage.close();
                result.complete(f);
            })).play();
        });
        return result.get(seconds + 120L, TimeUnit.SECONDS);
    }

    /** {@code bench reports --no-load} in its own JVM: {rows, monthly-by-queue max ms}, or null when it could not run. */
    private static String[] monthlyReport(Path serverJar) throws Exception {
        if (!Files.isRegularFile(serverJar)) {
            System.out.println("monthly report: no server jar at " + serverJar + "; skipped");
            return null;
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-jar", serverJar.toString(), "bench", "reports", "--no-load",
                "--repeats", "3"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String json = null;
        List<String> tail = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("{")) {
                    json = line;
                }
                tail.add(line);
                if (tail.size() > 3) {
                    tail.remove(0);
                }
            }
        }
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroy();
        }
        if (json == null) {
            System.out.println("monthly report: bench reports --no-load gave no figures (" + String.join(" | ", tail)
                    + "); run ./hotline bench reports once to load the year");
            return null;
        }
        Matcher rows = ROWS.matcher(json);
        Matcher max = QUEUE_MAX.matcher(json);
        return new String[] {rows.find() ? rows.group(1) : "0", max.find() ? max.group(1) : "null"};
    }
}
