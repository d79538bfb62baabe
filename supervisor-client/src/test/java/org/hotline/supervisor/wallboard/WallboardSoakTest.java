package org.hotline.supervisor.wallboard;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

import com.google.protobuf.Timestamp;
import org.hotline.agent.Messages;
import org.hotline.agent.TestClock;
import org.hotline.agent.connection.LinkState;
import org.hotline.api.v1.Bulletin;
import org.hotline.api.v1.CallReportResponse;
import org.hotline.api.v1.CallReportRow;
import org.hotline.api.v1.QueueStatus;
import org.hotline.api.v1.WallboardStats;
import org.hotline.api.v1.WorkOrderSummaryResponse;
import org.hotline.api.v1.WorkOrderSummaryRow;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board over an accelerated day and a half of traffic: a statistics message every second
 * (86,400 a day, with twelve queues and rotating bulletins), the chart and work-order refreshes,
 * a reconnect every hour, one midnight. What it keeps must stay the same size, and so must the
 * heap: a leak of a few dozen bytes per message would show as megabytes.
 */
class WallboardSoakTest {
    private static final int QUEUES = 12;
    private static final long MARGIN_BYTES = 4L * 1024 * 1024;

    private final TestClock clock = new TestClock(WallboardViewModelTest.at(WallboardViewModelTest.DAY, 6, 0),
            WallboardViewModelTest.ZONE);
    private final FakeWallboardGateway server = new FakeWallboardGateway();
    private int reportCalls;
    private int summaryCalls;

    @Test
    void anAcceleratedDayKeepsEveryHistoryAndTheHeapFlat() {
        server.remember = false;
        server.reportAnswer = r -> {
            reportCalls++;
            return report(r.getFrom(), r.getTo());
        };
        server.summaryAnswer = r -> {
            summaryCalls++;
            return WorkOrderSummaryResponse.newBuilder().addRows(WorkOrderSummaryRow.newBuilder().setCreated(summaryCalls)
                    .setResolved(summaryCalls / 2).setOverdue(summaryCalls % 7)).build();
        };
        WallboardViewModel vm = new WallboardViewModel(WallboardSettings.defaults(), server,
                WallboardViewModelTest.texts(), Messages.forLocale(Locale.ENGLISH), clock);
        // The charts as the view draws them, refilled on every change.
        WallboardCharts charts = new WallboardCharts("SansSerif", "calls", "today", "last week", "level", "level", "h", 80);
        vm.chartsRevisionProperty().addListener((o, a, b) -> {
            WallboardCharts.fill(charts.callsToday, vm.callsToday());
            WallboardCharts.fill(charts.callsLastWeek, vm.callsLastWeek());
            WallboardCharts.fill(charts.serviceLevel, vm.serviceLevelToday());
        });
        vm.start();
        vm.onLink(LinkState.CONNECTED, "resynchronised");

        run(vm, 3_600);
        long warm = usedAfterGc();
        int reportsAtWarm = reportCalls;
        run(vm, 86_400 + 43_200 - 3_600);
        long end = usedAfterGc();

        System.out.printf(Locale.ROOT, "wallboard soak: %,d statistics messages, used heap after GC %,d bytes after warm-up,"
                + " %,d at the end%n", vm.statsSeen(), warm, end);
        LocalDate next = WallboardViewModelTest.DAY.plusDays(1);
        assertThat(vm.statsSeen()).isEqualTo(86_400 + 43_200);
        assertThat(vm.day()).as("midnight passed").isEqualTo(next);
        // Refreshed every 5 minutes (two reports each) and asked at once after midnight.
        assertThat(reportCalls - reportsAtWarm).isBetween(2 * 418, 2 * 424);
        assertThat(summaryCalls).isBetween(2_155, 2_165);
        assertThat(vm.linkTextProperty().get()).isEmpty();
        for (double[] history : new double[][] {vm.callsToday(), vm.callsLastWeek(), vm.serviceLevelToday()}) {
            assertThat(history).hasSize(WallboardViewModel.BUCKETS);
        }
        // 18:00 on the second day: today's chart holds today's 73 quarter hours, not a day and a half.
        assertThat(Arrays.stream(vm.callsToday()).filter(v -> !Double.isNaN(v)).count()).isEqualTo(73);
        for (XYSeries s : new XYSeries[] {charts.callsToday, charts.callsLastWeek, charts.serviceLevel}) {
            assertThat(s.getItemCount()).isLessThanOrEqualTo(96);
        }
        assertThat(charts.callsToday.getItemCount()).isEqualTo(73);
        assertThat(vm.bulletins().current()).hasSizeLessThanOrEqualTo(3);
        assertThat(end).as("used heap after GC: %,d bytes after warm-up, %,d at the end", warm, end)
                .isLessThanOrEqualTo(warm + MARGIN_BYTES);
        vm.close();
        assertThat(server.open).isZero();
    }

    private void run(WallboardViewModel vm, int seconds) {
        for (int i = 0; i < seconds; i++) {
            clock.advance(Duration.ofSeconds(1));
            long t = clock.instant().getEpochSecond();
            if (t % 3_600 == 0) {
                // The stream drops and KeptStream brings it back: the board only hears the link change.
                vm.onLink(LinkState.RECONNECTING, "UNAVAILABLE: network");
                vm.onLink(LinkState.CONNECTED, "resynchronised");
            }
            vm.onEvent(stats(t));
            vm.tick();
        }
    }

    private static WallboardStats stats(long t) {
        WallboardStats.Builder b = WallboardStats.newBuilder().setAt(Timestamp.newBuilder().setSeconds(t))
                .setCallsWaiting((int) (t % 17)).setLongestWaitSeconds(t % 97).setOfferedToday((int) (t % 86_400) / 10 + 1)
                .setAnsweredToday((int) (t % 86_400) / 11).setAbandonedToday((int) (t % 86_400) / 200)
                .setServiceLevelPercent(60 + t % 40).setAverageSpeedOfAnswerSeconds(t % 30)
                .putAgentsByState("READY", (int) (t % 50)).putAgentsByState("ON_CALL", 120).putAgentsByState("NOT_READY", 9)
                .putAgentsByState("AFTER_CALL_WORK", (int) (t % 13));
        for (int q = 0; q < QUEUES; q++) {
            b.addQueues(QueueStatus.newBuilder().setQueueId("q" + q).setName("Queue " + q));
        }
        // A new set of bulletins every hour: the old ones must leave, not pile up.
        long hour = t / 3_600;
        for (int i = 0; i < 3; i++) {
            b.addBulletins(Bulletin.newBuilder().setId(hour * 10 + i).setTitle("停氣通知 " + hour + "-" + i).setBody("東區檢修"));
        }
        return b.build();
    }

    private static CallReportResponse report(Timestamp from, Timestamp to) {
        CallReportResponse.Builder b = CallReportResponse.newBuilder();
        for (long s = from.getSeconds(); s < to.getSeconds(); s += 900) {
            for (int q = 0; q < QUEUES; q++) {
                b.addRows(CallReportRow.newBuilder().setBucketStart(Timestamp.newBuilder().setSeconds(s)).setKey("q" + q)
                        .setOffered(5 + q).setAnswered(4 + q).setAnsweredInServiceLevel(3 + q).setShortAbandoned(q % 2));
            }
        }
        return b.build();
    }

    private static long usedAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
        }
        return least;
    }
}
