package org.hotline.cti.storage;

import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.hotline.cti.agents.AgentProfile;
import org.hotline.cti.agents.ReasonCode;
import org.hotline.cti.routing.BusinessHours;
import org.hotline.cti.routing.QueueDefinition;
import org.hotline.cti.security.PasswordHasher;
import org.hotline.cti.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class StorageTest {
    private static final String SITE = DatabaseFixture.SITE;
    private final PasswordHasher hasher = new PasswordHasher(4);

    private Storage open(Path dataDir) {
        return Storage.open(DatabaseConfig.embedded(dataDir), SITE, Clock.systemUTC(), hasher, OutboxSettings.defaults());
    }

    @Test
    void firstEmbeddedStartSeedsTheDocumentedDemoDirectory(@TempDir Path dataDir) {
        try (Storage storage = open(dataDir)) {
            assertThat(storage.agents().agents()).hasSize(45)
                    .filteredOn(a -> a.role() == Role.AGENT).hasSize(40)
                    .allSatisfy(a -> {
                        assertThat(a.extension()).isEqualTo(a.agentId());
                        assertThat(a.level("general")).isBetween(3, 10);
                    });
            assertThat(storage.agents().agents()).extracting(AgentProfile::agentId)
                    .contains("1001", "1040", "1901", "1902", "1903", "admin", "wallboard");
            String hash = storage.agents().credentials("1001").orElseThrow().passwordHash();
            assertThat(hasher.verify("demo1001", hash)).isTrue();
            assertThat(hasher.verify("demoadmin", storage.agents().credentials("admin").orElseThrow().passwordHash())).isTrue();
            assertThat(storage.agents().reasonCodes()).extracting(ReasonCode::code)
                    .containsExactlyInAnyOrder("break", "lunch", "training", "meeting", "paperwork", "missed", "login");
            assertThat(storage.agents().reasonCodes()).filteredOn(ReasonCode::system)
                    .extracting(ReasonCode::code).containsExactlyInAnyOrder("missed", "login");
        }
    }

    @Test
    void demoQueuesRouteRepairFirstAndCloseBillingAtNight(@TempDir Path dataDir) {
        try (Storage storage = open(dataDir)) {
            assertThat(storage.queues().queues()).extracting(QueueDefinition::queueId)
                    .containsExactly("repair", "general", "billing");
            Map<String, QueueDefinition> byId = new java.util.HashMap<>();
            storage.queues().queues().forEach(q -> byId.put(q.queueId(), q));
            assertThat(byId.get("general").dialledNumbers()).containsExactly("95001", "ivr:1");
            assertThat(byId.get("repair").dialledNumbers()).containsExactly("ivr:3");
            assertThat(byId.values()).allSatisfy(q -> {
                assertThat(q.serviceLevelThreshold()).hasSeconds(20);
                assertThat(q.overflowAfter()).hasSeconds(60);
            });
            BusinessHours billing = byId.get("billing").hours();
            assertThat(billing.isOpen(Instant.parse("2026-11-23T02:00:00Z"))).isTrue();   // Monday 10:00 Shanghai
            assertThat(billing.isOpen(Instant.parse("2026-11-23T13:00:00Z"))).isFalse();  // Monday 21:00
            assertThat(billing.isOpen(Instant.parse("2026-11-22T02:00:00Z"))).isFalse();  // Sunday
            assertThat(billing.days().get(DayOfWeek.SATURDAY).open()).isEqualTo(LocalTime.of(8, 0));
            assertThat(byId.get("repair").hours().isOpen(Instant.parse("2026-11-22T19:00:00Z"))).isTrue();
            long qualifiedForRepair = storage.agents().agents().stream()
                    .filter(a -> a.role() == Role.AGENT && a.level("repair") >= 5).count();
            assertThat(qualifiedForRepair).isGreaterThanOrEqualTo(10);
        }
    }

    @Test
    void aSecondStartKeepsTheDirectoryAsAdministratorsLeftIt(@TempDir Path dataDir) {
        try (Storage storage = open(dataDir)) {
            storage.admin().setPassword("1001", "changed");
        }

        try (Storage again = open(dataDir)) {
            assertThat(again.agents().agents()).hasSize(45);
            assertThat(hasher.verify("changed", again.agents().credentials("1001").orElseThrow().passwordHash())).isTrue();
        }
    }

    @Test
    void recordsWrittenBeforeCloseAreReadAfterRestart(@TempDir Path dataDir) throws Exception {
        CountDownLatch durable = new CountDownLatch(1);
        try (Storage storage = open(dataDir)) {
            storage.cdrWriter().callEnded(DurableOutboxTest.call("restart-1", 1), durable::countDown);
            assertThat(durable.await(30, TimeUnit.SECONDS)).isTrue();
        }

        try (Storage again = open(dataDir)) {
            assertThat(again.callRecords().findCall("restart-1")).isPresent();
            assertThat(again.outbox().depth()).isZero();
            assertThat(Storage.outboxDirectory(dataDir)).isDirectory();
        }
    }
}
