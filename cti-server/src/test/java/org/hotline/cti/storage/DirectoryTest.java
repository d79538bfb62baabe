package org.hotline.cti.storage;

import org.hotline.cti.testing.TestDatabase;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.hibernate.Session;
import org.hotline.cti.agents.AgentDirectory.Credentials;
import org.hotline.cti.agents.AgentProfile;
import org.hotline.cti.agents.ReasonCode;
import org.hotline.cti.routing.BusinessHours;
import org.hotline.cti.routing.QueueDefinition;
import org.hotline.cti.security.PasswordHasher;
import org.hotline.cti.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import jakarta.persistence.OptimisticLockException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DirectoryTest {

    abstract static class Contract extends DatabaseFixture {
        private final PasswordHasher hasher = new PasswordHasher(4);
        private final Clock clock = Clock.fixed(Instant.parse("2026-11-21T08:00:00Z"), ZoneOffset.UTC);
        private DirectoryAdmin admin;
        private HibernateAgentDirectory agents;
        private HibernateQueueDirectory queues;

        @BeforeEach
        void directories() {
            admin = new DirectoryAdmin(database.sessionFactory(), SITE, hasher, clock);
            agents = new HibernateAgentDirectory(database.sessionFactory(), SITE, 3);
            queues = new HibernateQueueDirectory(database.sessionFactory(), SITE);
        }

        @Test
        void savedAgentReadsBackWithSkillsAndPassword() {
            AgentProfile profile = new AgentProfile("1001", "陳嘉欣", Role.AGENT, "1001", "team-a",
                    Map.of("general", 7, "repair", 5, "cantonese", 10), SITE);

            admin.saveAgent(profile, "demo1001");

            assertThat(agents.find("1001")).contains(profile);
            assertThat(agents.agents()).containsExactly(profile);
            Credentials credentials = agents.credentials("1001").orElseThrow();
            assertThat(credentials.locked()).isFalse();
            assertThat(credentials.failedAttempts()).isZero();
            assertThat(hasher.verify("demo1001", credentials.passwordHash())).isTrue();
            assertThat(admin.teams()).containsEntry("team-a", "team-a");
            assertThat(admin.skills()).containsOnlyKeys("general", "repair", "cantonese");
        }

        @Test
        void updatingAnAgentReplacesItsSkillsAndKeepsThePasswordWhenNoneIsGiven() {
            admin.saveAgent(new AgentProfile("1002", "Li", Role.AGENT, "1002", "", Map.of("general", 3, "billing", 4), SITE),
                    "first");
            AgentProfile promoted = new AgentProfile("1002", "Li Mei", Role.TEAM_LEAD, "1002", "team-b",
                    Map.of("general", 9), SITE);

            admin.saveAgent(promoted, null);

            assertThat(agents.find("1002")).contains(promoted);
            assertThat(hasher.verify("first", agents.credentials("1002").orElseThrow().passwordHash())).isTrue();
        }

        @Test
        void unknownAgentsAreEmptyResultsNotErrors() {
            assertThat(agents.find("nobody")).isEmpty();
            assertThat(agents.credentials("nobody")).isEmpty();
            agents.recordLoginResult("nobody", false);
            assertThat(admin.setPassword("nobody", "x")).isFalse();
            assertThat(admin.unlock("nobody")).isFalse();
        }

        @Test
        void locksAnAccountAfterRepeatedFailedLoginsUntilUnlocked() {
            admin.saveAgent(new AgentProfile("1003", "Zhang", Role.AGENT, "1003", "", Map.of(), SITE), "pw");

            agents.recordLoginResult("1003", false);
            agents.recordLoginResult("1003", false);
            assertThat(agents.credentials("1003").orElseThrow().locked()).isFalse();
            agents.recordLoginResult("1003", false);

            assertThat(agents.credentials("1003").orElseThrow())
                    .returns(true, Credentials::locked)
                    .returns(3, Credentials::failedAttempts);
            assertThat(admin.unlock("1003")).isTrue();
            assertThat(agents.credentials("1003").orElseThrow())
                    .returns(false, Credentials::locked)
                    .returns(0, Credentials::failedAttempts);
        }

        @Test
        void parallelFailedLoginsAllCount() throws Exception {
            admin.saveAgent(new AgentProfile("1007", "Ng", Role.AGENT, "1007", "", Map.of(), SITE), "pw");
            HibernateAgentDirectory patient = new HibernateAgentDirectory(database.sessionFactory(), SITE, 100);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                List<java.util.concurrent.Future<?>> attempts = new java.util.ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    attempts.add(pool.submit(() -> patient.recordLoginResult("1007", false)));
                }
                for (java.util.concurrent.Future<?> attempt : attempts) {
                    attempt.get(30, java.util.concurrent.TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }

            assertThat(patient.credentials("1007").orElseThrow().failedAttempts()).isEqualTo(20);
        }

        @Test
        void aSuccessfulLoginClearsTheFailureCount() {
            admin.saveAgent(new AgentProfile("1004", "Wong", Role.AGENT, "1004", "", Map.of(), SITE), "pw");
            agents.recordLoginResult("1004", false);
            agents.recordLoginResult("1004", false);

            agents.recordLoginResult("1004", true);

            assertThat(agents.credentials("1004").orElseThrow().failedAttempts()).isZero();
        }

        @Test
        void changedPasswordReplacesTheOldOne() {
            admin.saveAgent(new AgentProfile("1005", "Ho", Role.AGENT, "1005", "", Map.of(), SITE), "old");

            assertThat(admin.setPassword("1005", "new")).isTrue();

            String hash = agents.credentials("1005").orElseThrow().passwordHash();
            assertThat(hasher.verify("new", hash)).isTrue();
            assertThat(hasher.verify("old", hash)).isFalse();
        }

        @Test
        void queuesReadBackWithSkillsHoursAndNumbers() {
            ZoneId zone = ZoneId.of("Asia/Shanghai");
            QueueDefinition billing = new QueueDefinition("billing", "Billing", 3, Map.of("billing", 5), Duration.ofSeconds(60),
                    Map.of("general", 5, "billing", 1), Duration.ofSeconds(20),
                    new BusinessHours(zone, Map.of(DayOfWeek.MONDAY, new BusinessHours.Window(LocalTime.of(8, 0), LocalTime.of(20, 0)),
                            DayOfWeek.SATURDAY, new BusinessHours.Window(LocalTime.of(9, 30), LocalTime.MIDNIGHT))),
                    List.of("95001", "ivr:2"), SITE);
            QueueDefinition repair = new QueueDefinition("repair", "Repair", 10, Map.of("repair", 5), Duration.ofSeconds(30),
                    Map.of(), Duration.ofSeconds(15), BusinessHours.always(zone), List.of("ivr:3"), SITE);

            admin.saveQueue(billing);
            admin.saveQueue(repair);

            assertThat(queues.queues()).containsExactly(repair, billing);
        }

        @Test
        void savingAQueueAgainReplacesIt() {
            ZoneId zone = ZoneId.of("UTC");
            admin.saveQueue(new QueueDefinition("general", "General", 5, Map.of("general", 5), Duration.ofSeconds(60),
                    Map.of("general", 1), Duration.ofSeconds(20), BusinessHours.always(zone), List.of("95001"), SITE));
            QueueDefinition changed = new QueueDefinition("general", "General service", 6, Map.of("general", 4),
                    Duration.ofSeconds(90), Map.of(), Duration.ofSeconds(30), new BusinessHours(zone, Map.of()),
                    List.of("95002"), SITE);

            admin.saveQueue(changed);

            assertThat(queues.queues()).containsExactly(changed);
        }

        @Test
        void reasonCodesReadBackInCodeOrder() {
            admin.saveReasonCode(new ReasonCode("lunch", "Lunch", false));
            admin.saveReasonCode(new ReasonCode(ReasonCode.MISSED, "Missed a call", true));
            admin.saveReasonCode(new ReasonCode("lunch", "Lunch break", false));

            assertThat(agents.reasonCodes()).containsExactly(
                    new ReasonCode("lunch", "Lunch break", false),
                    new ReasonCode(ReasonCode.MISSED, "Missed a call", true));
        }

        @Test
        void sitesDoNotSeeEachOthersDirectory() {
            DirectoryAdmin otherAdmin = new DirectoryAdmin(database.sessionFactory(), "site-2", hasher, clock);
            otherAdmin.saveAgent(new AgentProfile("1001", "Elsewhere", Role.AGENT, "1001", "", Map.of(), "site-2"), "pw");
            admin.saveAgent(new AgentProfile("1001", "Here", Role.AGENT, "1001", "", Map.of(), SITE), "pw");

            assertThat(agents.agents()).extracting(AgentProfile::name).containsExactly("Here");
            assertThat(new HibernateAgentDirectory(database.sessionFactory(), "site-2").find("1001"))
                    .hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("Elsewhere"));
        }

        @Test
        void refusesAProfileOfAnotherSite() {
            AgentProfile foreign = new AgentProfile("1001", "X", Role.AGENT, "1001", "", Map.of(), "site-9");

            assertThatThrownBy(() -> admin.saveAgent(foreign, "pw"))
                    .hasMessage("profile.siteId: site-9 (expected: site-1, the site of this directory)");
        }

        @Test
        void concurrentEditsOfOneRowConflictInsteadOfOverwriting() {
            admin.saveAgent(new AgentProfile("1006", "Lam", Role.AGENT, "1006", "", Map.of(), SITE), "pw");
            try (Session first = database.sessionFactory().openSession();
                 Session second = database.sessionFactory().openSession()) {
                UserEntity a = HibernateAgentDirectory.user(first, SITE, "1006", jakarta.persistence.LockModeType.NONE).orElseThrow();
                UserEntity b = HibernateAgentDirectory.user(second, SITE, "1006", jakarta.persistence.LockModeType.NONE).orElseThrow();
                first.beginTransaction();
                a.passwordHash("one");
                first.getTransaction().commit();

                second.beginTransaction();
                b.passwordHash("two");
                assertThatThrownBy(() -> second.getTransaction().commit()).isInstanceOf(OptimisticLockException.class);
            }
            assertThat(agents.credentials("1006").orElseThrow().passwordHash()).isEqualTo("one");
        }

        @Test
        void bulkSaveCreatesManyUsersInOneGo() {
            List<DirectoryAdmin.Account> accounts = java.util.stream.IntStream.range(0, 200)
                    .mapToObj(i -> new DirectoryAdmin.Account(new AgentProfile("b" + i, "Bulk " + i, Role.AGENT,
                            String.valueOf(5000 + i), "team-" + (i % 4), Map.of("general", 1 + i % 10), SITE), "pw" + i))
                    .toList();

            admin.saveAgents(accounts);

            assertThat(agents.agents()).hasSize(200);
            assertThat(admin.teams()).hasSize(4);
            assertThat(hasher.verify("pw17", agents.credentials("b17").orElseThrow().passwordHash())).isTrue();
        }
    }

    @Nested
    class OnH2 extends Contract {
        @Override
        protected TestDatabase.Kind kind() {
            return TestDatabase.Kind.H2;
        }
    }

    @Nested
    class OnMariaDb extends Contract {
        @Override
        protected TestDatabase.Kind kind() {
            return TestDatabase.Kind.MARIADB;
        }
    }
}
