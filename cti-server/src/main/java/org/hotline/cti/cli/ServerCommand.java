package org.hotline.cti.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.hotline.cti.server.HotlineServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ./hotline server}: the CTI server until stopped (Ctrl-C or SIGTERM). */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Run the CTI server (embedded H2 and the simulated switch unless configured otherwise).")
final class ServerCommand implements Callable<Integer> {
    @Mixin
    ServerOptionsMixin options;

    @Override
    public Integer call() throws InterruptedException {
        HotlineServer server = HotlineServer.start(options.toOptions());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
        return 0;
    }
}
