package org.hotline.supervisor.admin;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.hotline.agent.Messages;
import org.hotline.agent.connection.DeskSession;
import org.hotline.agent.connection.Fingerprint;
import org.hotline.agent.connection.ServerAddress;
import org.hotline.agent.connection.ServerConnection;
import org.hotline.api.v1.LoginRequest;
import org.hotline.api.v1.ReasonCode;
import org.hotline.api.v1.Role;
import org.hotline.api.v1.SkillLevel;
import org.hotline.cti.agents.AgentProfile;
import org.hotline.cti.security.PasswordHasher;
import org.hotline.cti.server.HotlineServer;
import org.hotline.cti.storage.Database;
import org.hotline.cti.storage.DirectoryAdmin;
import org.hotline.cti.testing.TestDatabase;
import org.hotline.cti.testing.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administration view models over the real gRPC gateway against an in-process CTI server on
 * MariaDB: an administrator gives an agent a skill and creates a reason code, a refusal of the
 * server shows in the form, and the audit view reads back who changed what.
 */
class AdministrationScreensEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void anAdministratorGivesAnAgentASkillAddsAReasonCodeAndReadsTheAudit(@TempDir Path dir) throws Exception {
        try (TestDatabase db = TestDatabase.mariaDb(dir)) {
            TestServers.seed(db.config());
            try (Database d = Database.open(db.config())) {
                new DirectoryAdmin(d.sessionFactory(), "main", new PasswordHasher(4), Clock.systemUTC()).saveAgents(List.of(
                        new DirectoryAdmin.Account(new AgentProfile("9001", "Admin", org.hotline.cti.security.Role.ADMIN, "", "",
                                Map.of(), "main"), TestServers.PASSWORD)));
            }
            try (HotlineServer server = HotlineServer.start(TestServers.options(dir, db.config(), 0))) {
                DeskSession session = ServerConnection.open(new ServerAddress("localhost", server.grpcPort()),
                                Fingerprint.parse(server.fingerprint()), false)
                        .login(LoginRequest.newBuilder().setAgentId("9001").setPassword(TestServers.PASSWORD)
                                .setClientName("admin e2e").build(), Runnable::run)
                        .get(WAIT.toSeconds(), TimeUnit.SECONDS);
                try {
                    AdminViewModel vm = new AdminViewModel(new GrpcAdministration(session), session.role(),
                            Messages.forLocale(Locale.ENGLISH), Messages.of("org.hotline.supervisor.messages", Locale.ENGLISH),
                            Clock.systemDefaultZone(), PasswordReset::randomPassword);
                    assertThat(session.role()).isEqualTo(Role.ROLE_ADMIN);
                    vm.open();
                    await(() -> vm.editors().stream().allMatch(e -> e.loadedProperty().get() || !e.errorProperty().get().isEmpty()));
                    vm.editors().forEach(e -> assertThat(e.errorProperty().get()).as("loading").isEmpty());

                    // Anna (2001, general 5) gets repair at level 4.
                    var users = vm.users();
                    users.select(users.find("2001"));
                    users.form().skills().add().levelProperty().set("4");
                    assertThat(users.canSaveProperty().get()).isTrue();
                    users.save();
                    await(() -> !users.busyProperty().get());
                    assertThat(users.errorProperty().get()).isEmpty();
                    assertThat(users.find("2001").getSkillsList()).extracting(SkillLevel::getSkillId, SkillLevel::getLevel)
                            .containsExactly(org.assertj.core.groups.Tuple.tuple("general", 5),
                                    org.assertj.core.groups.Tuple.tuple("repair", 4));

                    // A new reason code; creating it again is refused by the server and said in the form.
                    var reasons = vm.reasonCodes();
                    reasons.startNew();
                    reasons.form().codeProperty().set("training");
                    reasons.form().labelProperty().set("Training");
                    reasons.save();
                    await(() -> !reasons.busyProperty().get());
                    assertThat(reasons.noticeProperty().get()).isEqualTo("Created training  Training.");
                    assertThat(reasons.items()).extracting(ReasonCode::getCode).contains("training", "break", "login");
                    reasons.startNew();
                    reasons.form().codeProperty().set("training");
                    reasons.form().labelProperty().set("Training again");
                    reasons.save();
                    await(() -> !reasons.busyProperty().get());
                    assertThat(reasons.errorProperty().get()).startsWith("Not saved: ").contains("training");

                    // Who changed what.
                    users.select(users.find("2001"));
                    vm.history(users);
                    await(() -> !vm.audit().busyProperty().get() && !vm.audit().rows().isEmpty());
                    AuditViewModel.Row change = vm.audit().rows().get(0);
                    assertThat(change.who()).isEqualTo("9001 (Administrator)");
                    assertThat(change.action()).isEqualTo("admin.user.update");
                    assertThat(change.outcome()).isEqualTo("done");
                    assertThat(change.detail()).contains("skills={general=5}").contains("skills={general=5, repair=4}");
                    vm.audit().show("reason_code:training");
                    await(() -> !vm.audit().busyProperty().get() && !vm.audit().rows().isEmpty());
                    assertThat(vm.audit().rows()).extracting(AuditViewModel.Row::action).contains("admin.reason_code.create");
                } finally {
                    session.logout(Duration.ofSeconds(3));
                }
            }
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not reached within " + WAIT);
            }
            Thread.sleep(20);
        }
    }
}
