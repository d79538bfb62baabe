package org.hotline.cti.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.hotline.cti.agents.AgentProfile;
import org.hotline.cti.demo.AgentBots;
import org.hotline.cti.demo.BotBehaviour;
import org.hotline.cti.server.HotlineServer;
import org.hotline.cti.switching.sim.CallerTraffic;
import org.hotline.cti.switching.sim.DemoCallers;
import org.hotline.cti.switching.sim.SimSwitch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./hotline demo}: the server on the embedded default with callers dialling the hotline
 * and bots at most seats, leaving a few seats free for people. Prints a live status line.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the server with demo traffic: callers, bots at most seats, a live status line.")
final class DemoCommand implements Callable<Integer> {
    @Mixin
    ServerOptionsMixin options;

    @Option(names = "--calls-per-hour", defaultValue = "700", description = "Callers per hour (default: ${DEFAULT-VALUE}).")
    double callsPerHour;

    @Option(names = "--free-seats", defaultValue = "4", description = "Agent seats left without a bot, for people (default: ${DEFAULT-VALUE}).")
    int freeSeats;

    @Option(names = "--status-every", defaultValue = "5", description = "Seconds between status lines (default: ${DEFAULT-VALUE}).")
    int statusEvery;

    @Option(names = "--seconds", defaultValue = "0", description = "Stop after this many seconds (0: run until Ctrl-C).")
    int seconds;

    @Override
    public Integer call() throws InterruptedException {
        HotlineServer server = HotlineServer.start(options.toOptions());
        List<String> bots = new ArrayList<>();
        List<String> free = new ArrayList<>();
        for (AgentProfile p : server.agents()) {
            if (p.role() != org.hotline.cti.security.Role.AGENT || p.extension().isEmpty()) {
                continue;
            }
            (free.size() < freeSeats ? free : bots).add(p.agentId());
        }
        AgentBots agentBots = new AgentBots(server.center(), BotBehaviour.demo(), System.nanoTime());
        server.center().addListener(agentBots);
        agentBots.start(bots);
        SimSwitch sim = (SimSwitch) server.switchPort();
        CallerTraffic traffic = new CallerTraffic(sim, System.nanoTime(), 5_000, DemoCallers.gasHotline(callsPerHour));
        traffic.start();
        System.out.printf("Hotline demo: %d bots, free seats for people: %s (password demo<id>), gRPC port %d%s%n",
                bots.size(), free, server.grpcPort(),
                server.fingerprint().isEmpty() ? "" : ", certificate SHA-256 " + server.fingerprint());
        ScheduledExecutorService status = Executors.newSingleThreadScheduledExecutor();
        status.scheduleAtFixedRate(() -> System.out.println(server.statusLine()), statusEvery, statusEvery,
                TimeUnit.SECONDS);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            status.shutdownNow();
            traffic.stop();
            server.close();
            stopped.countDown();
        }, "shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        if (seconds > 0) {
            if (!stopped.await(seconds, TimeUnit.SECONDS)) {
                Runtime.getRuntime().removeShutdownHook(hook);
                hook.run();
            }
        } else {
            stopped.await();
        }
        return 0;
    }
}
