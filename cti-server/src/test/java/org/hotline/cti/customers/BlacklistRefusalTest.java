package org.hotline.cti.customers;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline.cti.calls.CallDetailRecord;
import org.hotline.cti.core.AgentCommand;
import org.hotline.cti.core.CallCenter;
import org.hotline.cti.core.CallCenterConfig;
import org.hotline.cti.core.ModelListener.CallChange;
import org.hotline.cti.core.VirtualTimeLoop;
import org.hotline.cti.agents.AgentState;
import org.hotline.cti.ops.LatencyRecorder;
import org.hotline.cti.switching.sim.IvrScript;
import org.hotline.cti.switching.sim.SimSwitch;
import org.hotline.cti.switching.sim.SimSwitchConfig;
import org.hotline.cti.testing.Fixtures;
import org.hotline.cti.testing.MemoryCdrWriter;
import org.hotline.cti.testing.RecordingListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the simulated switch, in virtual time: a blacklisted caller hears the BLOCKED announcement,
 * is cleared after it and never reaches a queue or an agent; other callers, and the same caller
 * once the entry expired, are routed as usual.
 */
class BlacklistRefusalTest {
    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    private static final String NUISANCE = "13811112222";
    private static final String CITIZEN = "13933334444";

    @TempDir
    Path dir;
    private VirtualTimeLoop loop;
    private SimSwitch sim;
    private MemoryCdrWriter cdr;
    private RecordingListener desk;
    private CallCenter center;
    private MemoryBlacklist blacklist;
    private BlacklistScreen screen;

    @BeforeEach
    void start() {
        loop = new VirtualTimeLoop(T0, ZoneOffset.UTC);
        sim = new SimSwitch(loop, SimSwitchConfig.defaults(dir).withTrunks(10).withRecordEveryCall(false), Runnable::run);
        cdr = new MemoryCdrWriter();
        desk = new RecordingListener();
        center = new CallCenter(loop, sim, cdr, new CallCenterConfig("main", Duration.ofSeconds(15), Duration.ofSeconds(30),
                "general", ZoneOffset.UTC), new LatencyRecorder());
        blacklist = new MemoryBlacklist();
        screen = new BlacklistScreen(blacklist, loop.clock());
        center.screenWith(screen);
        center.addListener(desk);
        center.start(List.of(Fixtures.agent("1001", Map.of("general", 5))), Fixtures.queues(), Fixtures.reasons(),
                Map.of(), Map.of());
        loop.runUntilIdle();
        center.login("1001", "1001");
        loop.runUntilIdle();
        center.execute(new AgentCommand.SetState("1001", AgentState.READY, ""));
        loop.runUntilIdle();
    }

    private void call(String from) {
        sim.inboundCall(from, "95001", new IvrScript("1", "general", "", Duration.ZERO));
        loop.runFor(Duration.ofSeconds(1));
    }

    private int offeredToday() {
        var offered = center.read(r -> r.queues().stream().filter(q -> q.definition().queueId().equals("general"))
                .findFirst().orElseThrow().today().offered()).toCompletableFuture();
        loop.runUntilIdle();
        return offered.join();
    }

    @Test
    void aBlacklistedCallerHearsTheAnnouncementAndNeverReachesAQueue() {
        blacklist.put(new BlacklistEntry(NUISANCE, "騷擾電話", "2099", T0, T0.plus(Duration.ofDays(7))));
        screen.refresh();

        call(NUISANCE);
        loop.runFor(Duration.ofSeconds(30));

        assertThat(desk.callsFor("1001")).as("the agent was never offered the call").isEmpty();
        assertThat(offeredToday()).as("never offered to a queue").isZero();
        assertThat(cdr.records).singleElement().satisfies(r -> {
            assertThat(r.callerNumber()).isEqualTo(NUISANCE);
            assertThat(r.outcome()).isEqualTo("blocked");
            assertThat(r.queueWaitMillis()).isZero();
            assertThat(r.answeredAt()).isNull();
        });
        assertThat(sim.stats().callsInProgress()).as("the switch cleared the call after the announcement").isZero();
    }

    @Test
    void otherCallersAreRoutedAsUsual() {
        blacklist.put(new BlacklistEntry(NUISANCE, "騷擾電話", "2099", T0, null));
        screen.refresh();

        call(CITIZEN);

        assertThat(desk.last("1001", CallChange.RINGING).call().data().callerNumber()).isEqualTo(CITIZEN);
        assertThat(offeredToday()).isEqualTo(1);
    }

    @Test
    void anExpiredEntryNoLongerBlocksEvenBeforeTheNextRefresh() {
        blacklist.put(new BlacklistEntry(NUISANCE, "騷擾電話", "2099", T0, T0.plus(Duration.ofHours(1))));
        screen.refresh();
        loop.runFor(Duration.ofHours(1).plusSeconds(1));

        call(NUISANCE);

        assertThat(desk.last("1001", CallChange.RINGING).call().data().callerNumber()).isEqualTo(NUISANCE);
        assertThat(cdr.records).extracting(CallDetailRecord::outcome).doesNotContain("blocked");
    }

    /** The blacklist storage in memory: the screen's contract with its storage, without a database. */
    static final class MemoryBlacklist implements Blacklist {
        private final List<BlacklistEntry> entries = new ArrayList<>();

        @Override
        public List<BlacklistEntry> entries() {
            return List.copyOf(entries);
        }

        @Override
        public void put(BlacklistEntry entry) {
            remove(entry.phone());
            entries.add(entry);
        }

        @Override
        public boolean remove(String phone) {
            return entries.removeIf(e -> e.phone().equals(phone));
        }

        @Override
        public Optional<BlacklistEntry> find(String phone) {
            return entries.stream().filter(e -> e.phone().equals(phone)).findFirst();
        }
    }
}
