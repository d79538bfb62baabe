package org.hotline.supervisor.bench;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

import com.google.protobuf.Timestamp;
import javafx.application.Platform;
import org.hotline.agent.connection.KeptStream;
import org.hotline.agent.connection.LinkState;
import org.hotline.api.v1.Bulletin;
import org.hotline.api.v1.BulletinAudience;
import org.hotline.api.v1.CallReportRequest;
import org.hotline.api.v1.CallReportResponse;
import org.hotline.api.v1.CallReportRow;
import org.hotline.api.v1.QueueStatus;
import org.hotline.api.v1.WallboardStats;
import org.hotline.api.v1.WorkOrderSummaryRequest;
import org.hotline.api.v1.WorkOrderSummaryResponse;
import org.hotline.api.v1.WorkOrderSummaryRow;
import org.hotline.supervisor.wallboard.WallboardGateway;

/**
 * A generated room for {@code bench wallboard}: agents whose states change at a given rate on a
 * thread of their own, and what the server would send a wallboard about them: the statistics
 * once a second (the server coalesces the state changes into them), call reports with twelve
 * queues, today's work-order counts; and for the supervisor's grid every state change as the
 * Supervision stream carries it (a snapshot, then one delta per change, handed to the FX thread
 * in batches of 10 ms).
 */
final class GeneratedRoom implements WallboardGateway, AutoCloseable {
    static final String[] STATES = {"READY", "RESERVED", "ON_CALL", "HELD", "AFTER_CALL_WORK", "NOT_READY"};
    private static final int QUEUES = 12;

    private final AtomicIntegerArray states;
    private final int updatesPerSecond;
    private final Clock clock;
    private final AtomicLong updates = new AtomicLong();
    private volatile java.util.function.Consumer<org.hotline.api.v1.SupervisionEvent> grid;
    private static final org.hotline.api.v1.AgentState[] GRID_STATES = {org.hotline.api.v1.AgentState.AGENT_STATE_READY,
            org.hotline.api.v1.AgentState.AGENT_STATE_RESERVED, org.hotline.api.v1.AgentState.AGENT_STATE_ON_CALL,
            org.hotline.api.v1.AgentState.AGENT_STATE_HELD, org.hotline.api.v1.AgentState.AGENT_STATE_AFTER_CALL_WORK,
            org.hotline.api.v1.AgentState.AGENT_STATE_NOT_READY};
    private final ScheduledExecutorService threads = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "generated-room");
        t.setDaemon(true);
        return t;
    });

    GeneratedRoom(int agents, int updatesPerSecond, Clock clock) {
        this.states = new AtomicIntegerArray(agents);
        this.updatesPerSecond = updatesPerSecond;
        this.clock = clock;
    }

    long updates() {
        return updates.get();
    }

    /** Feeds a supervision view model on the FX thread: the snapshot now, then every state change. */
    void feedGrid(java.util.function.Consumer<org.hotline.api.v1.SupervisionEvent> sink) {
        org.hotline.api.v1.SupervisionSnapshot.Builder snapshot = org.hotline.api.v1.SupervisionSnapshot.newBuilder();
        for (int i = 0; i < states.length(); i++) {
            snapshot.addAgents(agent(i, clock.instant()));
        }
        org.hotline.api.v1.SupervisionEvent first = org.hotline.api.v1.SupervisionEvent.newBuilder().setSnapshot(snapshot).build();
        Platform.runLater(() -> sink.accept(first));
        grid = sink;
    }

    private org.hotline.api.v1.AgentStatus agent(int i, Instant since) {
        int state = states.get(i);
        org.hotline.api.v1.AgentStatus.Builder a = org.hotline.api.v1.AgentStatus.newBuilder()
                .setAgentId(String.valueOf(10_000 + i)).setName("Agent " + i).setTeam("team-" + (i % 40))
                .setExtension(String.valueOf(10_000 + i)).setState(GRID_STATES[state]).setStateSince(ts(since))
                .setCallsToday(i % 37).setHandleSecondsToday((i % 37) * 180L).addSkills("general:" + (1 + i % 5));
        if (state == 2 || state == 3) {
            a.setCurrentCallId("call-" + i).setCurrentCaller("1380000" + (1000 + i % 9000)).setCurrentQueue("q" + (i % QUEUES));
        }
        if (state == 5) {
            a.setReasonCode("break");
        }
        return a.build();
    }

    @Override
    public AutoCloseable subscribe(KeptStream.Listener<WallboardStats> listener) {
        SplittableRandom random = new SplittableRandom(7);
        // State changes in batches of 10 ms, at the configured rate.
        int perTick = Math.max(1, updatesPerSecond / 100);
        threads.scheduleAtFixedRate(() -> {
            var sink = grid;
            List<org.hotline.api.v1.SupervisionEvent> batch = new java.util.ArrayList<>(perTick);
            Instant now = clock.instant();
            for (int i = 0; i < perTick; i++) {
                int agent = random.nextInt(states.length());
                states.set(agent, random.nextInt(STATES.length));
                updates.incrementAndGet();
                if (sink != null) {
                    batch.add(org.hotline.api.v1.SupervisionEvent.newBuilder().setAgent(agent(agent, now)).build());
                }
            }
            if (sink != null) {
                Platform.runLater(() -> batch.forEach(sink));
            }
        }, 10, 10, TimeUnit.MILLISECONDS);
        Platform.runLater(() -> listener.onLink(LinkState.CONNECTED, "generated"));
        long[] second = {0};
        threads.scheduleAtFixedRate(() -> {
            WallboardStats s = stats(++second[0]);
            Platform.runLater(() -> listener.onEvent(s));
        }, 0, 1, TimeUnit.SECONDS);
        return threads::shutdownNow;
    }

    private WallboardStats stats(long second) {
        int[] byState = new int[STATES.length];
        for (int i = 0; i < states.length(); i++) {
            byState[states.get(i)]++;
        }
        WallboardStats.Builder b = WallboardStats.newBuilder().setAt(ts(clock.instant()))
                .setCallsWaiting((int) (second % 23)).setLongestWaitSeconds(second % 90)
                .setOfferedToday((int) (4_000 + second * 3)).setAnsweredToday((int) (3_700 + second * 3))
                .setAbandonedToday((int) (120 + second / 20)).setServiceLevelPercent(70 + second % 25)
                .setAverageSpeedOfAnswerSeconds(12 + second % 9);
        for (int i = 0; i < STATES.length; i++) {
            b.putAgentsByState(STATES[i], byState[i]);
        }
        for (int q = 0; q < QUEUES; q++) {
            b.addQueues(QueueStatus.newBuilder().setQueueId("q" + q).setName("Queue " + q));
        }
        b.addBulletins(Bulletin.newBuilder().setId(1).setTitle("東城區中山路燃氣管道搶修，14:00–18:00 暫停供氣")
                .setAudience(BulletinAudience.BULLETIN_AUDIENCE_ALL));
        return b.build();
    }

    @Override
    public CompletableFuture<CallReportResponse> callReport(CallReportRequest r) {
        CallReportResponse.Builder b = CallReportResponse.newBuilder();
        for (long s = r.getFrom().getSeconds(); s < r.getTo().getSeconds(); s += 900) {
            for (int q = 0; q < QUEUES; q++) {
                b.addRows(CallReportRow.newBuilder().setBucketStart(Timestamp.newBuilder().setSeconds(s)).setKey("q" + q)
                        .setOffered(20 + (s / 900 + q) % 15).setAnsweredInServiceLevel(16 + q % 4).setShortAbandoned(1));
            }
        }
        return CompletableFuture.completedFuture(b.build());
    }

    @Override
    public CompletableFuture<WorkOrderSummaryResponse> workOrderSummary(WorkOrderSummaryRequest r) {
        return CompletableFuture.completedFuture(WorkOrderSummaryResponse.newBuilder().addRows(WorkOrderSummaryRow.newBuilder()
                .setCreated(412).setResolved(230).setReturned(7).setOverdue(3)).build());
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).build();
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
