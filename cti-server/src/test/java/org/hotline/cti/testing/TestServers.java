package org.hotline.cti.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
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

/** Real servers for end-to-end tests: a small directory seeded on the given database, TLS on loopback. */
public final class TestServers {
    public static final String PASSWORD = "pw";

    private TestServers() {}

    /** Agents 2001 (general 5) and 2002 (repair 5, general 3), lead 2099; queues general and repair. */
    public static void seed(DatabaseConfig db) {
        try (Database d = Database.open(db)) {
            DirectoryAdmin admin = new DirectoryAdmin(d.sessionFactory(), "main", new PasswordHasher(4), Clock.systemUTC());
            admin.saveSkill("general", "General");
            admin.saveSkill("repair", "Repair");
            admin.saveTeam("t1", "Team 1");
            BusinessHours always = BusinessHours.always(ZoneId.of("Asia/Shanghai"));
            admin.saveQueue(new QueueDefinition("general", "General", 5, Map.of("general", 1), Duration.ofSeconds(60),
                    Map.of(), Duration.ofSeconds(20), always, List.of("95001"), "main"));
            admin.saveQueue(new QueueDefinition("repair", "Repair", 10, Map.of("repair", 3), Duration.ofSeconds(30),
                    Map.of(), Duration.ofSeconds(20), always, List.of(), "main"));
            admin.saveReasonCode(new ReasonCode("break", "Break", false));
            admin.saveReasonCode(new ReasonCode(ReasonCode.MISSED, "Missed", true));
            admin.saveReasonCode(new ReasonCode(ReasonCode.LOGIN, "Login", true));
            admin.saveAgents(List.of(
                    new DirectoryAdmin.Account(new AgentProfile("2001", "Anna", Role.AGENT, "2001", "t1",
                            Map.of("general", 5), "main"), PASSWORD),
                    new DirectoryAdmin.Account(new AgentProfile("2002", "Ben", Role.AGENT, "2002", "t1",
                            Map.of("repair", 5, "general", 3), "main"), PASSWORD),
                    new DirectoryAdmin.Account(new AgentProfile("2099", "Lead", Role.TEAM_LEAD, "2099", "t1",
                            Map.of("general", 5), "main"), PASSWORD)));
        }
    }

    public static ServerOptions options(Path dataDir, DatabaseConfig db, int grpcPort) {
        ServerOptions o = ServerOptions.defaults(dataDir).withGrpc("127.0.0.1", grpcPort, false).withOpsPort(0)
                .withSim(50, false).withTimers(Duration.ofSeconds(2), Duration.ofSeconds(15));
        return db.isEmbedded() ? o : o.withDatabase(db.jdbcUrl(), db.user(), db.password());
    }

    public static ManagedChannel channel(HotlineServer server) {
        return channel(server.grpcPort(), server.fingerprint());
    }

    public static ManagedChannel channel(int port, String fingerprint) {
        return Grpc.newChannelBuilderForAddress("localhost", port,
                PinnedChannelCredentials.pinnedTo(CertificateFingerprint.parse(fingerprint))).build();
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
