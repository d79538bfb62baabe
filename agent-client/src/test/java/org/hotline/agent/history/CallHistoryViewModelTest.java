package org.hotline.agent.history;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.google.protobuf.Timestamp;
import org.hotline.agent.Messages;
import org.hotline.agent.TestClock;
import org.hotline.agent.history.CallHistoryViewModel.Range;
import org.hotline.agent.history.CallHistoryViewModel.Row;
import org.hotline.api.v1.CallDirection;
import org.hotline.api.v1.CallHistoryEntry;
import org.hotline.api.v1.CallRecorded;
import org.hotline.api.v1.DeskEvent;
import org.hotline.api.v1.ListMyCallsRequest;
import org.hotline.api.v1.ListMyCallsResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallHistoryViewModelTest {
    // 2026-12-01 01:30 in Shanghai: the UTC day is still 11-30, the local one is 12-01.
    static final Instant AT = Instant.parse("2026-11-30T17:30:00Z");
    static final Instant LOCAL_MIDNIGHT = Instant.parse("2026-11-30T16:00:00Z");
    private final TestClock clock = new TestClock(AT, ZoneId.of("Asia/Shanghai"));
    private final FakeHistory server = new FakeHistory();
    private final List<String> dialled = new ArrayList<>();
    private final CallHistoryViewModel vm = new CallHistoryViewModel(server, Messages.forLocale(Locale.ENGLISH), clock,
            dialled::add);

    @Test
    void todayStartsAtLocalMidnightAndHasNoEnd() {
        vm.search();
        ListMyCallsRequest r = last();
        assertThat(instant(r.getFrom())).isEqualTo(LOCAL_MIDNIGHT);
        assertThat(r.hasUntil()).isFalse();
        assertThat(r.getDirection()).isEqualTo(CallDirection.CALL_DIRECTION_UNSPECIFIED);
        assertThat(r.getNumberFragment()).isEmpty();
        assertThat(r.getAgentId()).as("own calls").isEmpty();
    }

    @Test
    void yesterdayIsTheWholeLocalDayBefore() {
        vm.rangeProperty().set(Range.YESTERDAY);
        vm.search();
        assertThat(instant(last().getFrom())).isEqualTo(LOCAL_MIDNIGHT.minusSeconds(86_400));
        assertThat(instant(last().getUntil())).isEqualTo(LOCAL_MIDNIGHT);
    }

    @Test
    void lastSevenDaysIncludeTodayAndAnyTimeHasNoBounds() {
        vm.rangeProperty().set(Range.LAST_7_DAYS);
        vm.search();
        assertThat(instant(last().getFrom())).isEqualTo(LOCAL_MIDNIGHT.minusSeconds(6 * 86_400));
        vm.rangeProperty().set(Range.ANY);
        vm.search();
        assertThat(last().hasFrom()).isFalse();
        assertThat(last().hasUntil()).isFalse();
    }

    @Test
    void directionAndNumberFragmentAreSentAsDigits() {
        vm.directionProperty().set(CallDirection.CALL_DIRECTION_OUTBOUND);
        vm.numberProperty().set(" 139-0000 ");
        vm.search();
        assertThat(last().getDirection()).isEqualTo(CallDirection.CALL_DIRECTION_OUTBOUND);
        assertThat(last().getNumberFragment()).isEqualTo("1390000");
    }

    @Test
    void aNumberFragmentWithLettersIsRefusedWithoutAskingTheServer() {
        vm.numberProperty().set("13a9");
        vm.search();
        assertThat(server.callRequests).isEmpty();
        assertThat(vm.errorProperty().get()).isEqualTo("\"13a9\" is not part of a phone number.");
    }

    @Test
    void rowsShowTheOtherPartyAndItsNumberDialsBack() {
        server.calls = ListMyCallsResponse.newBuilder()
                .addCalls(entry("c2", CallDirection.CALL_DIRECTION_OUTBOUND, "2001", "13900000001", true)
                        .setWorkOrderNo("WO-2026-0042"))
                .addCalls(entry("c1", CallDirection.CALL_DIRECTION_INBOUND, "13800000002", "95001", false)).build();

        vm.search();

        assertThat(vm.rows()).extracting(Row::callId, Row::direction, Row::number, Row::talk, Row::when)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("c2", "Outbound", "13900000001", "2:05", "2026-12-01 01:00"),
                        org.assertj.core.groups.Tuple.tuple("c1", "Inbound", "13800000002", "not answered", "2026-12-01 01:00"));
        assertThat(vm.rows().get(0).workOrder()).isEqualTo("WO-2026-0042");
        assertThat(vm.statusProperty().get()).isEqualTo("2 calls");

        vm.dial(vm.rows().get(1));
        assertThat(dialled).containsExactly("13800000002");
    }

    @Test
    void aNewCallRecordReloadsTheListOnScreen() {
        vm.setShowing(true);
        assertThat(server.callRequests).as("showing the list fetches it").hasSize(1);
        vm.apply(recorded("c9"));
        assertThat(server.callRequests).hasSize(2);
    }

    @Test
    void aHiddenListIsNotFetchedAtEveryCallButWhenShown() {
        vm.apply(recorded("c8"));
        vm.setShowing(true);
        vm.setShowing(false);
        vm.apply(recorded("c9"));
        assertThat(server.callRequests).as("only the one for showing it").hasSize(1);
    }

    @Test
    void aReloadWithTheSameCallsKeepsTheRowsAndANewCallIsAddedOnTop() {
        server.calls = ListMyCallsResponse.newBuilder()
                .addCalls(entry("c1", CallDirection.CALL_DIRECTION_INBOUND, "13800000002", "95001", true)).build();
        vm.setShowing(true);
        Row first = vm.rows().get(0);
        List<String> changes = new ArrayList<>();
        vm.rows().addListener((javafx.collections.ListChangeListener<Row>) c -> {
            while (c.next()) {
                changes.add((c.wasReplaced() ? "replaced " : c.wasAdded() ? "added " : "removed ") + c.getFrom());
            }
        });

        vm.search();
        assertThat(changes).as("the same calls: nothing to redraw").isEmpty();

        server.calls = ListMyCallsResponse.newBuilder()
                .addCalls(entry("c2", CallDirection.CALL_DIRECTION_OUTBOUND, "2001", "13900000001", true))
                .addCalls(entry("c1", CallDirection.CALL_DIRECTION_INBOUND, "13800000002", "95001", true)).build();
        vm.apply(recorded("c2"));
        assertThat(changes).containsExactly("added 0");
        assertThat(vm.rows()).extracting(Row::callId).containsExactly("c2", "c1");
        assertThat(vm.rows().get(1)).isSameAs(first);
    }

    private static DeskEvent recorded(String callId) {
        return DeskEvent.newBuilder().setRecorded(CallRecorded.newBuilder().setCallId(callId)).build();
    }

    private ListMyCallsRequest last() {
        return server.callRequests.get(server.callRequests.size() - 1);
    }

    private static CallHistoryEntry.Builder entry(String id, CallDirection d, String caller, String dialled, boolean answered) {
        Instant started = Instant.parse("2026-11-30T17:00:00Z");
        CallHistoryEntry.Builder b = CallHistoryEntry.newBuilder().setCallId(id).setDirection(d).setCallerNumber(caller)
                .setDialledNumber(dialled).setStartedAt(Timestamp.newBuilder().setSeconds(started.getEpochSecond()));
        if (answered) {
            b.setAnsweredAt(Timestamp.newBuilder().setSeconds(started.getEpochSecond() + 5)).setTalkSeconds(125);
        }
        return b;
    }

    private static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }
}
