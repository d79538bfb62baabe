package org.hotline.supervisor.wallboard;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;

import com.google.protobuf.Timestamp;
import org.hotline.agent.Messages;
import org.hotline.agent.TestClock;
import org.hotline.agent.connection.LinkState;
import org.hotline.api.v1.CallReportResponse;
import org.hotline.api.v1.CallReportRow;
import org.hotline.api.v1.ReportGranularity;
import org.hotline.api.v1.ReportGrouping;
import org.hotline.api.v1.WallboardStats;
import org.hotline.api.v1.WorkOrderSummaryPeriod;
import org.hotline.api.v1.WorkOrderSummaryResponse;
import org.hotline.api.v1.WorkOrderSummaryRow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WallboardViewModelTest {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate DAY = LocalDate.of(2027, 3, 10);

    private final TestClock clock = new TestClock(at(DAY, 10, 20), ZONE);
    private final FakeWallboardGateway server = new FakeWallboardGateway();

    static Instant at(LocalDate day, int hour, int minute) {
        return LocalDateTime.of(day, java.time.LocalTime.of(hour, minute)).atZone(ZONE).toInstant();
    }

    static Messages texts() {
        return Messages.of("org.hotline.supervisor.messages", Locale.ENGLISH);
    }

    private WallboardViewModel board(WallboardSettings settings) {
        return new WallboardViewModel(settings, server, texts(), Messages.forLocale(Locale.ENGLISH), clock);
    }

    private WallboardViewModel board() {
        return board(WallboardSettings.defaults());
    }

    static WallboardStats.Builder stats() {
        return WallboardStats.newBuilder().setCallsWaiting(3).setLongestWaitSeconds(125).setOfferedToday(200)
                .setAnsweredToday(180).setAbandonedToday(8).setServiceLevelPercent(86.4).setAverageSpeedOfAnswerSeconds(14.2)
                .putAgentsByState("READY", 2).putAgentsByState("ON_CALL", 2).putAgentsByState("NOT_READY", 1);
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).build();
    }

    @Test
    void tilesShowTheLatestStatisticsInTheConfiguredOrder() {
        Properties p = new Properties();
        p.setProperty("tiles", "longest_wait, calls_waiting, agents, answered");
        WallboardViewModel vm = board(WallboardSettings.from(p));

        vm.onEvent(stats().build());

        assertThat(vm.tiles()).extracting(TileModel::title)
                .containsExactly("Longest wait", "Calls waiting", "Agents logged in", "Answered today");
        assertThat(vm.tiles()).extracting(t -> t.valueProperty().get()).containsExactly("2:05", "3", "5", "180");
        assertThat(vm.tile(Tile.AGENTS).detailProperty().get()).isEqualTo("Ready\u00a02  ·  On a call\u00a02  ·  Not ready\u00a01");
        assertThat(vm.tile(Tile.ANSWERED).detailProperty().get()).isEqualTo("of 200 offered");
        assertThat(vm.tile(Tile.SERVICE_LEVEL).valueProperty().get()).isEqualTo("86 %");
        assertThat(vm.tile(Tile.ABANDONED).detailProperty().get()).isEqualTo("4 % of offered");
    }

    @Test
    void longestWaitTurnsAmberAtTheWarningAndRedAtTheAlarm() {
        WallboardViewModel vm = board();

        vm.onEvent(stats().setLongestWaitSeconds(29).build());
        assertThat(vm.tile(Tile.LONGEST_WAIT).levelProperty().get()).isEqualTo(Level.NORMAL);
        vm.onEvent(stats().setLongestWaitSeconds(30).build());
        assertThat(vm.tile(Tile.LONGEST_WAIT).levelProperty().get()).isEqualTo(Level.WARNING);
        vm.onEvent(stats().setLongestWaitSeconds(61).build());
        assertThat(vm.tile(Tile.LONGEST_WAIT).levelProperty().get()).isEqualTo(Level.ALARM);
        assertThat(vm.tile(Tile.LONGEST_WAIT).valueProperty().get()).isEqualTo("1:01");
    }

    @Test
    void serviceLevelUnderTargetTurnsAmberThenRedAndNoCallsIsNoAlarm() {
        Properties p = new Properties();
        p.setProperty("service_level.warning", "90");
        p.setProperty("service_level.alarm", "80");
        WallboardViewModel vm = board(WallboardSettings.from(p));

        vm.onEvent(stats().setServiceLevelPercent(91).build());
        assertThat(vm.tile(Tile.SERVICE_LEVEL).levelProperty().get()).isEqualTo(Level.NORMAL);
        vm.onEvent(stats().setServiceLevelPercent(85).build());
        assertThat(vm.tile(Tile.SERVICE_LEVEL).levelProperty().get()).isEqualTo(Level.WARNING);
        vm.onEvent(stats().setServiceLevelPercent(79.9).build());
        assertThat(vm.tile(Tile.SERVICE_LEVEL).levelProperty().get()).isEqualTo(Level.ALARM);
        vm.onEvent(stats().setOfferedToday(0).setServiceLevelPercent(0).build());
        assertThat(vm.tile(Tile.SERVICE_LEVEL).valueProperty().get()).isEqualTo("–");
        assertThat(vm.tile(Tile.SERVICE_LEVEL).levelProperty().get()).isEqualTo(Level.NORMAL);
    }

    @Test
    void tooFewReadyAgentsIsAnAlarmButAnEmptyRoomIsNot() {
        WallboardViewModel vm = board();

        vm.onEvent(stats().clearAgentsByState().putAgentsByState("ON_CALL", 9).build());
        assertThat(vm.tile(Tile.AGENTS).levelProperty().get()).isEqualTo(Level.ALARM);
        vm.onEvent(stats().clearAgentsByState().build());
        assertThat(vm.tile(Tile.AGENTS).valueProperty().get()).isEqualTo("0");
        assertThat(vm.tile(Tile.AGENTS).levelProperty().get()).isEqualTo(Level.NORMAL);
    }

    @Test
    void reconnectingIsShownDiscreetlyAndClearsWhenTheStreamIsBack() {
        WallboardViewModel vm = board();
        vm.start();
        assertThat(server.subscriptions).isEqualTo(1);
        assertThat(vm.staleProperty().get()).isTrue();

        vm.onLink(LinkState.CONNECTED, "resynchronised");
        vm.onEvent(stats().build());
        assertThat(vm.staleProperty().get()).isFalse();
        assertThat(vm.linkTextProperty().get()).isEmpty();

        vm.onLink(LinkState.RECONNECTING, "UNAVAILABLE: io exception");
        assertThat(vm.staleProperty().get()).isTrue();
        assertThat(vm.linkTextProperty().get()).isEqualTo("Reconnecting…");
        // The figures stay on the board (dimmed by the view), not blanked.
        assertThat(vm.tile(Tile.CALLS_WAITING).valueProperty().get()).isEqualTo("3");

        vm.onLink(LinkState.CONNECTED, "resynchronised");
        assertThat(vm.linkTextProperty().get()).isEmpty();
        assertThat(server.subscriptions).as("KeptStream reconnects; the board never subscribes twice").isEqualTo(1);
    }

    @Test
    void callsPerQuarterHourAddUpTheQueuesAgainstTheSameWeekdayLastWeek() {
        Instant today = DAY.atStartOfDay(ZONE).toInstant();
        Instant weekAgo = DAY.minusDays(7).atStartOfDay(ZONE).toInstant();
        server.reportAnswer = r -> r.getFrom().getSeconds() == today.getEpochSecond()
                ? CallReportResponse.newBuilder()
                .addRows(row(today, "general", 4, 3, 0)).addRows(row(today, "repair", 2, 1, 1))
                .addRows(row(at(DAY, 10, 0), "general", 10, 5, 0))
                .build()
                : CallReportResponse.newBuilder().addRows(row(weekAgo.plus(Duration.ofMinutes(600)), "general", 7, 7, 0))
                .addRows(row(weekAgo.plus(Duration.ofMinutes(600)), "repair", 5, 5, 0)).build();
        WallboardViewModel vm = board();

        vm.start();

        assertThat(server.reports).hasSize(2);
        assertThat(server.reports.get(0).getGrouping()).isEqualTo(ReportGrouping.REPORT_GROUPING_QUEUE);
        assertThat(server.reports.get(0).getGranularity()).isEqualTo(ReportGranularity.REPORT_GRANULARITY_MINUTES_15);
        assertThat(server.reports.get(0).getTo()).as("through the current quarter hour").isEqualTo(ts(at(DAY, 10, 30)));
        assertThat(server.reports.get(1).getFrom()).isEqualTo(ts(weekAgo));
        assertThat(server.reports.get(1).getTo()).isEqualTo(ts(DAY.minusDays(6).atStartOfDay(ZONE).toInstant()));
        double[] calls = vm.callsToday();
        assertThat(calls[0]).isEqualTo(6);
        assertThat(calls[1]).isZero();
        assertThat(calls[40]).isEqualTo(10);
        assertThat(calls[41]).as("the current quarter hour").isZero();
        assertThat(calls[42]).as("the rest of the day is not drawn").isNaN();
        double[] lastWeek = vm.callsLastWeek();
        assertThat(lastWeek[40]).isEqualTo(12);
        assertThat(lastWeek[95]).isZero();
        assertThat(lastWeek[96]).as("a 24-hour day has 96 quarter hours").isNaN();
        double[] level = vm.serviceLevelToday();
        // 4 answered in time of 4 + (2 - 1 short abandon) = 80 %; then 9 of 15 = 60 %.
        assertThat(level[0]).isEqualTo(80.0);
        assertThat(level[39]).isEqualTo(80.0);
        assertThat(level[40]).isEqualTo(60.0);
        assertThat(level[42]).isNaN();
    }

    private static CallReportRow row(Instant bucket, String queue, long offered, long inLevel, long shortAbandoned) {
        return CallReportRow.newBuilder().setBucketStart(ts(bucket)).setKey(queue).setOffered(offered)
                .setAnsweredInServiceLevel(inLevel).setShortAbandoned(shortAbandoned).build();
    }

    @Test
    void reportsRefreshEveryFewMinutesAndSoonerAfterAFailure() {
        Properties p = new Properties();
        p.setProperty("charts.refresh_minutes", "5");
        WallboardViewModel vm = board(WallboardSettings.from(p));
        vm.start();
        assertThat(server.reports).hasSize(2);

        clock.advance(Duration.ofMinutes(4));
        vm.tick();
        assertThat(server.reports).hasSize(2);
        clock.advance(Duration.ofMinutes(1));
        server.reportAnswer = r -> {
            throw new IllegalStateException("server restarting");
        };
        vm.tick();
        assertThat(server.reports).hasSize(4);
        clock.advance(WallboardViewModel.RETRY);
        server.reportAnswer = r -> CallReportResponse.getDefaultInstance();
        vm.tick();
        assertThat(server.reports).as("retried after 30 s, not after 5 minutes").hasSize(6);
    }

    @Test
    void workOrdersTileCountsTodayAndTurnsRedWithOverdueOrders() {
        server.summaryAnswer = r -> WorkOrderSummaryResponse.newBuilder().addRows(WorkOrderSummaryRow.newBuilder()
                .setPeriodStart("2027-03-10").setCreated(42).setResolved(17).setReturned(2).setOverdue(6)).build();
        WallboardViewModel vm = board();

        vm.start();

        assertThat(server.summaries).hasSize(1);
        assertThat(server.summaries.get(0).getPeriod()).isEqualTo(WorkOrderSummaryPeriod.WORK_ORDER_SUMMARY_DAY);
        assertThat(server.summaries.get(0).getFrom()).isEqualTo(ts(DAY.atStartOfDay(ZONE).toInstant()));
        assertThat(vm.tile(Tile.WORK_ORDERS).valueProperty().get()).isEqualTo("42");
        assertThat(vm.tile(Tile.WORK_ORDERS).detailProperty().get()).isEqualTo("Resolved\u00a017  ·  Returned\u00a02  ·  Overdue\u00a06");
        assertThat(vm.tile(Tile.WORK_ORDERS).levelProperty().get()).isEqualTo(Level.ALARM);
    }

    @Test
    void atMidnightTodaysChartsAndCountsStartAgainAndLateAnswersForYesterdayAreDropped() {
        Instant today = DAY.atStartOfDay(ZONE).toInstant();
        server.reportAnswer = r -> CallReportResponse.newBuilder().addRows(row(instantOf(r.getFrom()), "general", 9, 9, 0)).build();
        server.summaryAnswer = r -> WorkOrderSummaryResponse.newBuilder().addRows(WorkOrderSummaryRow.newBuilder()
                .setCreated(r.getFrom().getSeconds() == today.getEpochSecond() ? 50 : 1)).build();
        clock.set(at(DAY, 23, 58));
        WallboardViewModel vm = board();
        vm.start();
        assertThat(vm.callsToday()[0]).isEqualTo(9);
        assertThat(vm.callsToday()[95]).isZero();
        assertThat(vm.tile(Tile.WORK_ORDERS).valueProperty().get()).isEqualTo("50");

        // A refresh asked at 23:59 whose answer comes after midnight.
        server.hold = true;
        clock.set(at(DAY, 23, 59).plusSeconds(59));
        vm.tick();
        int asked = server.reports.size();
        clock.set(at(DAY.plusDays(1), 0, 0).plusSeconds(1));
        vm.tick();

        assertThat(vm.day()).isEqualTo(DAY.plusDays(1));
        assertThat(vm.callsToday()).as("today's chart restarts").containsOnly(Double.NaN);
        assertThat(vm.serviceLevelToday()).containsOnly(Double.NaN);
        assertThat(vm.tile(Tile.WORK_ORDERS).valueProperty().get()).isEqualTo("–");
        assertThat(server.reports.size()).as("the new day is asked for at once").isGreaterThan(asked);
        assertThat(server.reports.get(server.reports.size() - 2).getFrom())
                .isEqualTo(ts(DAY.plusDays(1).atStartOfDay(ZONE).toInstant()));
        assertThat(server.summaries.get(server.summaries.size() - 1).getFrom())
                .isEqualTo(ts(DAY.plusDays(1).atStartOfDay(ZONE).toInstant()));

        server.release();
        assertThat(vm.tile(Tile.WORK_ORDERS).valueProperty().get()).as("yesterday's 50 is not shown as today's").isEqualTo("1");
        double[] calls = vm.callsToday();
        assertThat(calls[0]).isEqualTo(9);
        assertThat(Arrays.stream(calls).filter(v -> !Double.isNaN(v)).count()).as("only midnight's quarter hour so far").isEqualTo(1);
    }

    private static Instant instantOf(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds());
    }

    @Test
    void closingReleasesTheSubscriptionAndIgnoresWhatStillArrives() {
        WallboardViewModel vm = board();
        vm.start();
        assertThat(server.open).isEqualTo(1);

        vm.close();
        vm.onEvent(stats().setCallsWaiting(99).build());
        vm.tick();

        assertThat(server.open).isZero();
        assertThat(vm.tile(Tile.CALLS_WAITING).valueProperty().get()).isEqualTo("–");
    }

    @Test
    void bulletinsOfTheStatisticsReachTheTicker() {
        WallboardViewModel vm = board();
        vm.onEvent(stats().addBulletins(org.hotline.api.v1.Bulletin.newBuilder().setId(7).setTitle("東區停氣")).build());

        assertThat(vm.bulletins().current()).extracting(org.hotline.api.v1.Bulletin::getTitle).containsExactly("東區停氣");
        vm.onEvent(stats().build());
        assertThat(vm.bulletins().current()).isEmpty();
    }
}
