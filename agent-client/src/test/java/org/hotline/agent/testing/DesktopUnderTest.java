package org.hotline.agent.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javafx.application.Application;
import org.hotline.cti.agents.AgentProfile;
import org.hotline.cti.security.PasswordHasher;
import org.hotline.cti.security.Role;
import org.hotline.cti.server.HotlineServer;
import org.hotline.cti.storage.Database;
import org.hotline.cti.storage.DirectoryAdmin;
import org.hotline.cti.testing.TestDatabase;
import org.hotline.cti.testing.TestServers;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A desktop application (the agent desk, the supervisor desk, the wallboard) started on the
 * headless platform against an in-process CTI server on the simulated switch, over an H2
 * database seeded with {@link TestServers}' users: what every window-driving test needs, once.
 */
public final class DesktopUnderTest implements AutoCloseable {
    public final Path dir;
    public final TestDatabase db;
    public final HotlineServer server;
    public final io.grpc.ManagedChannel channel;
    private final Application app;
    private final Locale before;

    /** What a test adds before the server starts (accounts, customers) and after (work-order data). */
    public interface Seed {
        void run(TestDatabase db, Database open) throws Exception;
    }

    public interface AfterStart {
        void run(HotlineServer server) throws Exception;
    }

    private DesktopUnderTest(Class<? extends Application> type, String name, Seed seed, AfterStart after, String... args)
            throws Exception {
        before = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        dir = Files.createTempDirectory("hotline-" + name);
        db = TestDatabase.create(TestDatabase.Kind.H2, dir);
        TestServers.seed(db.config());
        try (Database d = Database.open(db.config())) {
            seed.run(db, d);
        }
        server = HotlineServer.start(TestServers.options(dir, db.config(), 0));
        after.run(server);
        channel = TestServers.channel(server);
        FxToolkit.registerPrimaryStage();
        List<String> all = new java.util.ArrayList<>(List.of("--server", "localhost:" + server.grpcPort(), "--fingerprint",
                server.fingerprint(), "--settings", dir.resolve("desk.properties").toString(), "--lang", "en"));
        all.addAll(List.of(args));
        app = FxToolkit.setupApplication(type, all.toArray(String[]::new));
    }

    public static DesktopUnderTest start(Class<? extends Application> type, String name, Seed seed, AfterStart after,
                                         String... args) throws Exception {
        return new DesktopUnderTest(type, name, seed, after, args);
    }

    public static DesktopUnderTest start(Class<? extends Application> type, String name, String... args) throws Exception {
        return new DesktopUnderTest(type, name, (db, d) -> { }, s -> { }, args);
    }

    /** Adds an account of {@code role} without an extension (an administrator, a wallboard), password {@link TestServers#PASSWORD}. */
    public static void account(Database d, String id, String name, Role role) {
        new DirectoryAdmin(d.sessionFactory(), "main", new PasswordHasher(4), Clock.systemUTC()).saveAgents(List.of(
                new DirectoryAdmin.Account(new AgentProfile(id, name, role, "", "", Map.of(), "main"), TestServers.PASSWORD)));
    }

    /** Waits up to 20 s for {@code condition}; on timeout the error says what was awaited and what the window showed. */
    public static void waitUntil(String what, Callable<Boolean> condition, Supplier<String> shown) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
            WaitForAsyncUtils.waitForFxEvents();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what + "; " + shown.get(), e);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
        } finally {
            channel.shutdownNow();
            server.close();
            db.close();
            Locale.setDefault(before);
        }
    }
}
