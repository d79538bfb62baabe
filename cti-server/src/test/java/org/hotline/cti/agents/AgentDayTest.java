package org.hotline.cti.agents;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgentDayTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    // 2026-12-01 00:00 in Shanghai is 2026-11-30T16:00Z.
    static final Instant MIDNIGHT = Instant.parse("2026-11-30T16:00:00Z");

    static Instant at(String localTime) {
        return java.time.LocalDateTime.parse("2026-12-01T" + localTime).atZone(SHANGHAI).toInstant();
    }

    static AgentStateChange change(AgentState from, AgentState to, Instant at) {
        return new AgentStateChange("r-" + at, "main", "2001", from, to, "", at, 0);
    }

    @Test
    void theDayStartsAtLocalMidnightInTheClocksZone() {
        Clock clock = Clock.fixed(at("09:30:00"), SHANGHAI);
        assertThat(AgentDay.startOfDay(clock)).isEqualTo(MIDNIGHT);
        assertThat(AgentDay.startOfDay(Clock.fixed(at("07:30:00"), ZoneId.of("UTC"))))
                .as("07:30 in Shanghai is 23:30 of the day before in UTC").isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
    }

    @Test
    void timeInEachStateCountsFromMidnightToNowWithoutLoggedOut() {
        List<AgentStateChange> log = List.of(
                change(AgentState.LOGGED_OUT, AgentState.NOT_READY, at("08:00:00")),
                change(AgentState.NOT_READY, AgentState.READY, at("08:05:00")),
                change(AgentState.READY, AgentState.RESERVED, at("08:10:00")),
                change(AgentState.RESERVED, AgentState.ON_CALL, at("08:10:10")),
                change(AgentState.ON_CALL, AgentState.AFTER_CALL_WORK, at("08:15:10")),
                change(AgentState.AFTER_CALL_WORK, AgentState.READY, at("08:15:40")));

        AgentDay day = AgentDay.compute(MIDNIGHT, at("09:00:00"), AgentState.LOGGED_OUT, log, AgentState.READY,
                at("08:15:40"), List.of(new AgentDay.TalkLeg("c1", at("08:10:10"), at("08:15:10"))));

        assertThat(day.millisInState()).containsExactlyInAnyOrderEntriesOf(Map.of(
                AgentState.NOT_READY, 300_000L,
                AgentState.READY, 300_000L + 2_660_000L,
                AgentState.RESERVED, 10_000L,
                AgentState.ON_CALL, 300_000L,
                AgentState.AFTER_CALL_WORK, 30_000L));
        assertThat(day.callsHandled()).isEqualTo(1);
        assertThat(day.talkMillis()).isEqualTo(300_000L);
        assertThat(day.handleMillis()).as("talk + after-call work").isEqualTo(330_000L);
        assertThat(day.averageHandleSeconds()).isEqualTo(330);
    }

    @Test
    void aStateBegunYesterdayCountsOnlySinceMidnight() {
        AgentDay day = AgentDay.compute(MIDNIGHT, at("01:00:00"), AgentState.READY, List.of(), AgentState.READY,
                MIDNIGHT.minusSeconds(7200), List.of());

        assertThat(day.millisInState()).containsExactly(Map.entry(AgentState.READY, 3_600_000L));
        assertThat(day.averageHandleSeconds()).isZero();
    }

    @Test
    void aLiveStateTheLogDoesNotHoldYetCountsFromWhenItBegan() {
        List<AgentStateChange> log = List.of(change(AgentState.LOGGED_OUT, AgentState.NOT_READY, at("08:00:00")));

        AgentDay day = AgentDay.compute(MIDNIGHT, at("08:10:00"), AgentState.LOGGED_OUT, log, AgentState.READY,
                at("08:04:00"), List.of());

        assertThat(day.millisInState()).containsExactlyInAnyOrderEntriesOf(Map.of(
                AgentState.NOT_READY, 240_000L, AgentState.READY, 360_000L));
    }

    @Test
    void withNothingLoggedAnAgentWhoseStateBeganTodayWasLoggedOutBefore() {
        AgentDay day = AgentDay.compute(MIDNIGHT, at("08:10:00"), null, List.of(), AgentState.NOT_READY,
                at("08:00:00"), List.of());

        assertThat(day.millisInState()).containsExactly(Map.entry(AgentState.NOT_READY, 600_000L));
    }

    @Test
    void talkOverMidnightCountsOnlyTodaysPartAndEachCallOnce() {
        List<AgentDay.TalkLeg> talk = List.of(
                new AgentDay.TalkLeg("night", MIDNIGHT.minusSeconds(60), MIDNIGHT.plusSeconds(30)),
                new AgentDay.TalkLeg("c2", at("08:00:00"), at("08:01:00")),
                new AgentDay.TalkLeg("c2", at("08:03:00"), at("08:03:30")));

        AgentDay day = AgentDay.compute(MIDNIGHT, at("09:00:00"), AgentState.READY, List.of(), AgentState.READY,
                MIDNIGHT.minusSeconds(600), talk);

        assertThat(day.talkMillis()).isEqualTo(30_000L + 60_000L + 30_000L);
        assertThat(day.callsHandled()).as("a call transferred back to the agent is one call").isEqualTo(2);
    }

    @Test
    void nowBeforeTheDayStartIsRefusedNamingBoth() {
        assertThatThrownBy(() -> AgentDay.compute(MIDNIGHT, MIDNIGHT.minusSeconds(1), null, List.of(),
                AgentState.READY, MIDNIGHT, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("now: 2026-11-30T15:59:59Z (expected: at or after the day start 2026-11-30T16:00:00Z)");
    }
}
