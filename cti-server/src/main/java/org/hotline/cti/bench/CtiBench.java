package org.hotline.cti.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.StreamObserver;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.hotline.api.v1.AgentDeskGrpc;
import org.hotline.api.v1.AgentState;
import org.hotline.api.v1.CallCommandRequest;
import org.hotline.api.v1.CallUpdate;
import org.hotline.api.v1.DeskEvent;
import org.hotline.api.v1.LoginRequest;
import org.hotline.api.v1.SessionGrpc;
import org.hotline.api.v1.SetStateRequest;
import org.hotline.api.v1.SubscribeDeskRequest;
import org.hotline.api.v1.SubscribeSupervisionRequest;
import org.hotline.api.v1.SubscribeWallboardRequest;
import org.hotline.api.v1.SupervisionEvent;
import org.hotline.api.v1.SupervisionGrpc;
import org.hotline.api.v1.WallboardGrpc;
import org.hotline.api.v1.WallboardStats;
import org.hotline.cti.agents.AgentProfile;
import org.hotline.cti.agents.ReasonCode;
import org.hotline.cti.routing.BusinessHours;
import org.hotline.cti.routing.QueueDefinition;
import org.hotline.cti.security.CertificateFingerprint;
import org.hotline.cti.security.PasswordHasher;
import org.hotline.cti.security.PinnedChannelCredentials;
import org.hotline.cti.security.Role;
import org.hotline.cti.server.HotlineServer;
import org.hotline.cti.server.ServerOptions;
import org.hotline.cti.storage.Database;
import org.hotline.cti.storage.DatabaseConfig;
import org.hotline.cti.storage.DirectoryAdmin;
import org.hotline.cti.switching.sim.CallerStream;
import org.hotline.cti.switching.sim.CallerTraffic;
import org.hotline.cti.switching.sim.IvrChoice;
import org.hotline.cti.switching.sim.SimSwitch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./hotline bench cti}: the CTI server in-process on the simulated switch, with agent
 * desks, supervisors and wallboards connected over real gRPC with TLS on loopback. The desks
 * answer, talk and wrap up through their commands; latency is switch event to client receipt.
 */
@Command(name = "cti", mixinStandardHelpOptions = true,
        description = "Load the CTI server with desks, supervisors and wallboards over gRPC+TLS; print figures and a JSON line.")
public final class CtiBench implements Callable<Integer> {
    @Option(names = "--agents", defaultValue = "2000") int agents;
    @Option(names = "--supervisors", defaultValue = "100") int supervisors;
    @Option(names = "--wallboards", defaultValue = "10") int wallboards;
    @Option(names = "--cps", defaultValue = "20", description = "Calls per second.") double cps;
    @Option(names = "--seconds", defaultValue = "60", description = "Measured seconds, after the warm-up.") int seconds;
    @Option(names = "--warmup", defaultValue = "20", description = "Seconds of traffic before measuring (JIT compilation,"
            + " pools and queues filling; printed, not counted).") int warmup;
    @Option(names = "--slow-clients", defaultValue = "1",
            description = "Supervisor streams that subscribe and then never read (default: ${DEFAULT-VALUE}).")
    int slowClients;
    @Option(names = "--channels", defaultValue = "8", description = "TLS connections the clients share.") int channels;
    @Option(names = "--mean-talk", defaultValue = "60", description = "Mean talk seconds.") int meanTalk;

    private final Recorder latency = new Recorder(3);
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong streamErrors = new AtomicLong();
    private final Map<String, Boolean> rang = new ConcurrentHashMap<>();
    private final Map<String, Boolean> ended = new ConcurrentHashMap<>();
    /** Hang-ups of the calls desks are talking on, so the end of the run can clear them all. */
    private final Map<String, Runnable> active = new ConcurrentHashMap<>();
    private volatile boolean draining;
    private volatile long heapMax;

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("hotline-bench-");
        try {
            return run(dir);
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private int run(Path dir) throws Exception {
        System.out.printf("bench cti: %d agents, %d supervisors, %d wallboards, %.1f calls/s for %d s, %d slow client(s)%n",
                agents, supervisors, wallboards, cps, seconds, slowClients);
        seed(dir);
        ServerOptions options = ServerOptions.defaults(dir).withGrpc("127.0.0.1", 0, false).withOpsPort(0)
                .withSim(Math.max(200, (int) (cps * meanTalk * 3)), false)
                .withTimers(Duration.ofSeconds(30), Duration.ofSeconds(15));
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> heapMax = Math.max(heapMax,
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()), 0, 200, TimeUnit.MILLISECONDS);
        try (HotlineServer server = HotlineServer.start(options)) {
            ChannelCredentials creds = PinnedChannelCredentials.pinnedTo(CertificateFingerprint.parse(server.fingerprint()));
            List<ManagedChannel> chans = new ArrayList<>();
            for (int i = 0; i < channels; i++) {
                chans.add(Grpc.newChannelBuilderForAddress("localhost", server.grpcPort(), creds).build());
            }
            ScheduledExecutorService desks = Executors.newScheduledThreadPool(2);
            long t0 = System.nanoTime();
            List<String> tokens = login(chans, "a", agents, "1");
            for (int i = 0; i < agents; i++) {
                startDesk(chans.get(i % channels), tokens.get(i), desks);
            }
            List<String> supTokens = login(chans, "s", supervisors + slowClients, "");
            for (int i = 0; i < supervisors; i++) {
                SupervisionGrpc.newStub(chans.get(i % channels)).withCallCredentials(new BearerToken(supTokens.get(i)))
                        .subscribe(SubscribeSupervisionRequest.getDefaultInstance(), counting());
            }
            // A slow client is a desktop of its own (its own connection) whose window is small enough to
            // fill within the run, so the server has to deal with it rather than the transport hiding it.
            List<ManagedChannel> slowChans = new ArrayList<>();
            for (int i = 0; i < slowClients; i++) {
                ManagedChannel slow = NettyChannelBuilder.forAddress("localhost", server.grpcPort(), creds)
                        .flowControlWindow(64 * 1024).build();
                slowChans.add(slow);
                SupervisionGrpc.newStub(slow)
                        .withCallCredentials(new BearerToken(supTokens.get(supervisors + i)))
                        .subscribe(SubscribeSupervisionRequest.getDefaultInstance(), new NeverReads());
            }
            List<String> wbTokens = login(chans, "w", wallboards, "");
            for (int i = 0; i < wallboards; i++) {
                WallboardGrpc.newStub(chans.get(i % channels)).withCallCredentials(new BearerToken(wbTokens.get(i)))
                        .subscribe(SubscribeWallboardRequest.getDefaultInstance(), new StreamObserver<WallboardStats>() {
                            @Override public void onNext(WallboardStats v) { delivered.incrementAndGet(); }
                            @Override public void onError(Throwable t) { streamErrors.incrementAndGet(); }
                            @Override public void onCompleted() { }
                        });
            }
            System.out.printf("connected %d desks, %d supervisors, %d wallboards in %d ms%n", agents,
                    supervisors + slowClients, wallboards, (System.nanoTime() - t0) / 1_000_000);
            Thread.sleep(2_000);

            SimSwitch sim = (SimSwitch) server.switchPort();
            CallerTraffic traffic = new CallerTraffic(sim, 42, 200_000, List.of(new CallerStream("bench", "95001",
                    cps * 3600, Duration.ofSeconds(120), null, null, List.of(
                    new IvrChoice(6, "1", "general", Duration.ofMillis(500), 0.2),
                    new IvrChoice(2, "2", "billing", Duration.ofMillis(500), 0.5),
                    new IvrChoice(2, "3", "repair", Duration.ofMillis(500), 0.1)))));
            traffic.start();
            if (warmup > 0) {
                Thread.sleep(warmup * 1_000L);
                Histogram w = latency.getIntervalHistogram();
                System.out.printf("warm-up %d s (not counted): %s | latency p99 %.1f ms, max %.1f ms; routing p99 %.1f us%n",
                        warmup, server.statusLine(), w.getValueAtPercentile(99) / 1000.0, w.getMaxValue() / 1000.0,
                        server.center().routeDecisions().snapshot().getValueAtPercentile(99) / 1000.0);
            }
            latency.reset();
            server.center().routeDecisions().reset();
            server.center().routeDecisionsCpu().reset();
            heapMax = 0;
            delivered.set(0);
            for (int s = 1; s <= seconds; s++) {
                Thread.sleep(1_000);
                if (s % 10 == 0) {
                    Histogram h = latency.getIntervalHistogram();
                    total.add(h);
                    System.out.printf("t=%3ds  %s  | latency p99 %.1f ms (last 10 s)%n", s, server.statusLine(),
                            h.getValueAtPercentile(99) / 1000.0);
                }
            }
            traffic.stop();
            total.add(latency.getIntervalHistogram());
            long heap = heapMax;
            // Streams missing now were cut off by the server (the slow clients, if it works as meant).
            int cutOff = agents + supervisors + slowClients + wallboards - server.api().hub().connectedClients();
            var counters = traffic.counters();
            // Drain: every desk hangs up what it has, then each call that rang must have ended on its desk.
            draining = true;
            active.values().forEach(Runnable::run);
            Thread.sleep(5_000);
            long missing = rang.keySet().stream().filter(k -> !ended.containsKey(k)).count();
            Histogram routes = server.center().routeDecisions().snapshot();
            Histogram routesCpu = server.center().routeDecisionsCpu().snapshot();

            System.out.printf("calls offered %d, answered %d, abandoned %d, blocked by trunks %d%n", counters.offered(),
                    counters.answered(), counters.abandoned(), counters.blockedByTrunks());
            System.out.printf("events delivered %d (%.0f/s); event latency ms p50 %.2f p99 %.2f p99.9 %.2f max %.2f%n",
                    total.getTotalCount(), total.getTotalCount() / (double) seconds, ms(total, 50), ms(total, 99),
                    ms(total, 99.9), total.getMaxValue() / 1000.0);
            System.out.printf("routing decision us p50 %.1f p99 %.1f; dropped events %d; stream errors %d; heap used max %d MB%n",
                    routes.getValueAtPercentile(50) / 1000.0, routes.getValueAtPercentile(99) / 1000.0, missing,
                    streamErrors.get(), heap >> 20);
            System.out.printf("routing decision in the event loop's CPU time us p50 %.1f p99 %.1f (wall-clock minus preemption)%n",
                    routesCpu.getValueAtPercentile(50) / 1000.0, routesCpu.getValueAtPercentile(99) / 1000.0);
            System.out.printf("streams cut off by the server: %d (slow clients: %d)%n", cutOff, slowClients);
            System.out.printf("{\"agents\":%d,\"supervisors\":%d,\"wallboards\":%d,\"slow_clients\":%d,\"calls_per_second\":%.1f,"
                            + "\"warmup_seconds\":%d,\"seconds\":%d,\"calls_offered\":%d,\"calls_answered\":%d,\"calls_abandoned\":%d,"
                            + "\"events_delivered\":%d,\"event_latency_ms_p50\":%.3f,\"event_latency_ms_p99\":%.3f,"
                            + "\"event_latency_ms_p999\":%.3f,\"event_latency_ms_max\":%.3f,\"route_decision_us_p50\":%.1f,"
                            + "\"route_decision_us_p99\":%.1f,\"route_decision_cpu_us_p50\":%.1f,\"route_decision_cpu_us_p99\":%.1f,\"dropped_events\":%d,\"stream_errors\":%d,\"heap_used_mb_max\":%d,"
                            + "\"streams_cut_off\":%d}%n",
                    agents, supervisors, wallboards, slowClients, cps, warmup, seconds, counters.offered(), counters.answered(),
                    counters.abandoned(), total.getTotalCount(), ms(total, 50), ms(total, 99), ms(total, 99.9),
                    total.getMaxValue() / 1000.0, routes.getValueAtPercentile(50) / 1000.0,
                    routes.getValueAtPercentile(99) / 1000.0, routesCpu.getValueAtPercentile(50) / 1000.0,
                    routesCpu.getValueAtPercentile(99) / 1000.0, missing, streamErrors.get(), heap >> 20, cutOff);
            desks.shutdownNow();
            chans.forEach(ManagedChannel::shutdownNow);
            slowChans.forEach(ManagedChannel::shutdownNow);
        } finally {
            sampler.shutdownNow();
        }
        return 0;
    }

    private final Histogram total = new Histogram(3);

    private static double ms(Histogram h, double p) {
        return h.getValueAtPercentile(p) / 1000.0;
    }

    /** Bench users: agents a0..aN with extensions 10000+, supervisors s0.., wallboards w0..; bcrypt cost 4. */
    private void seed(Path dir) {
        try (Database db = Database.open(DatabaseConfig.embedded(dir))) {
            DirectoryAdmin admin = new DirectoryAdmin(db.sessionFactory(), "main", new PasswordHasher(4),
                    java.time.Clock.systemUTC());
            admin.saveSkill("general", "General");
            admin.saveSkill("billing", "Billing");
            admin.saveSkill("repair", "Repair");
            admin.saveTeam("bench", "Bench");
            BusinessHours always = BusinessHours.always(java.time.ZoneId.of("Asia/Shanghai"));
            admin.saveQueue(new QueueDefinition("general", "General", 5, Map.of("general", 1), Duration.ofSeconds(60),
                    Map.of(), Duration.ofSeconds(20), always, List.of("95001"), "main"));
            admin.saveQueue(new QueueDefinition("billing", "Billing", 3, Map.of("billing", 1), Duration.ofSeconds(30),
                    Map.of("general", 1), Duration.ofSeconds(20), always, List.of(), "main"));
            admin.saveQueue(new QueueDefinition("repair", "Repair", 10, Map.of("repair", 1), Duration.ofSeconds(30),
                    Map.of("general", 1), Duration.ofSeconds(20), always, List.of(), "main"));
            admin.saveReasonCode(new ReasonCode("break", "Break", false));
            admin.saveReasonCode(new ReasonCode(ReasonCode.MISSED, "Missed", true));
            admin.saveReasonCode(new ReasonCode(ReasonCode.LOGIN, "Login", true));
            List<DirectoryAdmin.Account> accounts = new ArrayList<>();
            for (int i = 0; i < agents; i++) {
                Map<String, Integer> skills = i % 5 == 0 ? Map.of("general", 5, "repair", 5)
                        : i % 5 == 1 ? Map.of("general", 5, "billing", 5) : Map.of("general", 5);
                accounts.add(new DirectoryAdmin.Account(new AgentProfile("a" + i, "Agent " + i, Role.AGENT,
                        String.valueOf(10_000 + i), "bench", skills, "main"), "pw"));
            }
            for (int i = 0; i < supervisors + slowClients; i++) {
                accounts.add(new DirectoryAdmin.Account(new AgentProfile("s" + i, "Lead " + i, Role.TEAM_LEAD, "",
                        "bench", Map.of(), "main"), "pw"));
            }
            for (int i = 0; i < wallboards; i++) {
                accounts.add(new DirectoryAdmin.Account(new AgentProfile("w" + i, "Wallboard " + i, Role.WALLBOARD, "",
                        "bench", Map.of(), "main"), "pw"));
            }
            admin.saveAgents(accounts);
        }
    }

    private static List<String> login(List<ManagedChannel> chans, String prefix, int n, String unused)
            throws InterruptedException {
        String[] tokens = new String[n];
        CountDownLatch done = new CountDownLatch(n);
        AtomicLong failures = new AtomicLong();
        for (int i = 0; i < n; i++) {
            int k = i;
            SessionGrpc.newStub(chans.get(i % chans.size())).login(LoginRequest.newBuilder().setAgentId(prefix + i)
                    .setPassword("pw").setClientName("bench").build(), new StreamObserver<>() {
                @Override public void onNext(org.hotline.api.v1.LoginResponse r) { tokens[k] = r.getSessionToken(); }
                @Override public void onError(Throwable t) { failures.incrementAndGet(); done.countDown(); }
                @Override public void onCompleted() { done.countDown(); }
            });
        }
        if (!done.await(120, TimeUnit.SECONDS) || failures.get() > 0) {
            throw new IllegalStateException("logins of " + prefix + "*: " + failures.get() + " failed or timed out");
        }
        return List.of(tokens);
    }

    /** A desk that answers after a second, talks for an exponential time and is Ready again 2 s after the call. */
    private void startDesk(ManagedChannel ch, String token, ScheduledExecutorService timers) {
        AgentDeskGrpc.AgentDeskStub stub = AgentDeskGrpc.newStub(ch).withCallCredentials(new BearerToken(token));
        AtomicLong req = new AtomicLong();
        String me = token.substring(0, 8);
        StreamObserver<org.hotline.api.v1.CommandResponse> ignore = new StreamObserver<>() {
            @Override public void onNext(org.hotline.api.v1.CommandResponse v) { }
            @Override public void onError(Throwable t) { }
            @Override public void onCompleted() { }
        };
        Map<String, Boolean> talking = new ConcurrentHashMap<>();
        stub.subscribe(SubscribeDeskRequest.getDefaultInstance(), new StreamObserver<>() {
            @Override
            public void onNext(DeskEvent e) {
                delivered.incrementAndGet();
                if (e.hasSnapshot()) {
                    stub.setState(SetStateRequest.newBuilder().setRequestId(me + req.incrementAndGet())
                            .setState(AgentState.AGENT_STATE_READY).build(), ignore);
                    return;
                }
                recordLatency(e.getOriginTime());
                if (e.hasCall()) {
                    CallUpdate u = e.getCall();
                    String id = u.getCall().getCallId();
                    switch (u.getKind()) {
                        case KIND_RINGING -> {
                            if (!draining) {
                                // Calls still queued when the traffic stops go on ringing during the drain;
                                // only those that rang before it must have ended by the check.
                                rang.put(me + id, true);
                            }
                            timers.schedule(() -> stub.answer(CallCommandRequest.newBuilder()
                                    .setRequestId(me + req.incrementAndGet()).setCallId(id).build(), ignore), 1, TimeUnit.SECONDS);
                        }
                        case KIND_CONNECTED -> {
                            if (talking.putIfAbsent(id, true) == null) {
                                long ms = (long) (-Math.log(1 - ThreadLocalRandom.current().nextDouble()) * meanTalk * 1000);
                                Runnable hangup = () -> stub.hangup(CallCommandRequest.newBuilder()
                                        .setRequestId(me + req.incrementAndGet()).setCallId(id).build(), ignore);
                                timers.schedule(hangup, draining ? 0 : ms, TimeUnit.MILLISECONDS);
                                active.put(me + id, hangup);
                            }
                        }
                        case KIND_ENDED -> {
                            ended.put(me + id, true);
                            talking.remove(id);
                            active.remove(me + id);
                        }
                        default -> { }
                    }
                } else if (e.hasAgent() && e.getAgent().getState() == AgentState.AGENT_STATE_AFTER_CALL_WORK) {
                    timers.schedule(() -> stub.setState(SetStateRequest.newBuilder().setRequestId(me + req.incrementAndGet())
                            .setState(AgentState.AGENT_STATE_READY).build(), ignore), 2, TimeUnit.SECONDS);
                }
            }

            @Override public void onError(Throwable t) { streamErrors.incrementAndGet(); }
            @Override public void onCompleted() { }
        });
    }

    private StreamObserver<SupervisionEvent> counting() {
        return new StreamObserver<>() {
            @Override
            public void onNext(SupervisionEvent e) {
                delivered.incrementAndGet();
                if (!e.hasSnapshot()) {
                    recordLatency(e.getOriginTime());
                }
            }
            @Override public void onError(Throwable t) { streamErrors.incrementAndGet(); }
            @Override public void onCompleted() { }
        };
    }

    private void recordLatency(com.google.protobuf.Timestamp t) {
        long originMicros = t.getSeconds() * 1_000_000L + t.getNanos() / 1_000;
        java.time.Instant now = java.time.Instant.now();
        long nowMicros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
        latency.recordValue(Math.max(0, nowMicros - originMicros));
    }

    /** A supervisor that subscribes and then stops reading: the server must cut it off, not buffer for it. */
    private final class NeverReads implements ClientResponseObserver<SubscribeSupervisionRequest, SupervisionEvent> {
        @Override
        public void beforeStart(ClientCallStreamObserver<SubscribeSupervisionRequest> call) {
            call.disableAutoRequestWithInitial(1);
        }

        @Override public void onNext(SupervisionEvent value) { }
        @Override public void onError(Throwable t) { }
        @Override public void onCompleted() { }
    }

}
