package org.hotline.agent.knowledge;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import com.google.protobuf.Timestamp;
import org.hotline.agent.TestClock;
import org.hotline.api.v1.Bulletin;
import org.hotline.api.v1.DeskEvent;
import org.hotline.api.v1.DeskSnapshot;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BulletinsViewModelTest {
    static final Instant NOON = Instant.parse("2026-12-01T04:00:00Z");
    private final TestClock clock = new TestClock(NOON, ZoneId.of("Asia/Shanghai"));
    private final BulletinsViewModel vm = new BulletinsViewModel(clock);

    @Test
    void theSnapshotsBulletinsValidNowAreShown() {
        Bulletin upgrade = bulletin(1, "系統升級", NOON.minusSeconds(3600), NOON.plusSeconds(3600));
        Bulletin over = bulletin(2, "昨日停氣", NOON.minusSeconds(86_400), NOON.minusSeconds(1));

        vm.apply(snapshot(upgrade, over));

        assertThat(vm.current()).containsExactly(upgrade);
        assertThat(vm.shownProperty().get()).isEqualTo(upgrade);
    }

    @Test
    void aBulletinExpiresAtItsEndWithoutARestart() {
        Bulletin upgrade = bulletin(1, "系統升級", NOON.minusSeconds(60), NOON.plusSeconds(30));
        vm.apply(snapshot(upgrade));

        clock.advance(Duration.ofSeconds(29));
        vm.tick();
        assertThat(vm.current()).containsExactly(upgrade);

        clock.advance(Duration.ofSeconds(1)); // valid_until is exclusive
        vm.tick();
        assertThat(vm.current()).isEmpty();
        assertThat(vm.shownProperty().get()).isNull();
    }

    @Test
    void aPushedBulletinWhoseStartIsAheadAppearsWhenItComes() {
        vm.apply(snapshot());
        Bulletin tomorrow = bulletin(5, "明日停氣預告", NOON.plusSeconds(600), NOON.plusSeconds(7200));

        vm.apply(DeskEvent.newBuilder().setBulletin(tomorrow).build());
        assertThat(vm.current()).isEmpty();

        clock.advance(Duration.ofSeconds(600)); // valid_from is inclusive
        vm.tick();
        assertThat(vm.current()).containsExactly(tomorrow);
    }

    @Test
    void aBulletinWithoutEndStaysAndOneWithoutStartShowsAtOnce() {
        Bulletin open = Bulletin.newBuilder().setId(9).setTitle("長期有效").build();
        vm.apply(DeskEvent.newBuilder().setBulletin(open).build());
        clock.advance(Duration.ofDays(30));
        vm.tick();
        assertThat(vm.current()).containsExactly(open);
    }

    @Test
    void aRepublishedBulletinReplacesTheOldTextAndASnapshotReplacesAll() {
        vm.apply(DeskEvent.newBuilder().setBulletin(bulletin(1, "old", NOON.minusSeconds(1), NOON.plusSeconds(99))).build());
        Bulletin corrected = bulletin(1, "corrected", NOON.minusSeconds(1), NOON.plusSeconds(99));
        vm.apply(DeskEvent.newBuilder().setBulletin(corrected).build());
        assertThat(vm.current()).containsExactly(corrected);

        Bulletin other = bulletin(2, "after reconnect", NOON.minusSeconds(1), NOON.plusSeconds(99));
        vm.apply(snapshot(other));
        assertThat(vm.current()).containsExactly(other);
    }

    @Test
    void theTickerTakesTurnsInOrderOfStart() {
        clock.set(Instant.ofEpochSecond(NOON.getEpochSecond() / 8 * 8)); // the start of a turn
        Bulletin later = bulletin(1, "later", clock.instant().minusSeconds(10), null);
        Bulletin earlier = bulletin(2, "earlier", clock.instant().minusSeconds(20), null);
        vm.apply(snapshot(later, earlier));
        assertThat(vm.current()).containsExactly(earlier, later);
        Bulletin first = vm.shownProperty().get();

        clock.advance(BulletinsViewModel.TURN);
        vm.tick();

        assertThat(vm.shownProperty().get()).isNotEqualTo(first).isIn(earlier, later);
        clock.advance(BulletinsViewModel.TURN);
        vm.tick();
        assertThat(vm.shownProperty().get()).isEqualTo(first);
    }

    private static DeskEvent snapshot(Bulletin... bulletins) {
        return DeskEvent.newBuilder().setSnapshot(DeskSnapshot.newBuilder().addAllBulletins(java.util.List.of(bulletins))).build();
    }

    static Bulletin bulletin(long id, String title, Instant from, Instant until) {
        Bulletin.Builder b = Bulletin.newBuilder().setId(id).setTitle(title).setBody(title + "：詳情");
        if (from != null) {
            b.setValidFrom(ts(from));
        }
        if (until != null) {
            b.setValidUntil(ts(until));
        }
        return b.build();
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).build();
    }
}
