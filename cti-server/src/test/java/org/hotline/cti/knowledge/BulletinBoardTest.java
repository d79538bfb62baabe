package org.hotline.cti.knowledge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.hotline.cti.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Publishing, audience and validity of bulletins, stored on H2 and on MariaDB. */
class BulletinBoardTest {

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        private Instant now;

        TestClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    abstract static class Contract extends KnowledgeDatabaseFixture {
        private TestClock clock;

        @BeforeEach
        void startOfTheDay() {
            // A fresh clock per test: the class instance (and so its fields) is shared by its tests.
            clock = new TestClock(Instant.parse("2026-11-21T08:00:00Z"));
        }

        private Bulletin draft(String title, Audience audience, String team, Duration startsIn, Duration lasts) {
            Instant from = clock.instant().plus(startsIn);
            return new Bulletin(0, title, "內容", audience, team, from, from.plus(lasts), "", clock.instant());
        }

        @Test
        void deskShowsBulletinsForAllAndForItsTeamWhileTheyAreValid() {
            BulletinBoard board = new BulletinBoard(store, clock);
            Bulletin all = board.publish(draft("全體通知", Audience.ALL, "", Duration.ZERO, Duration.ofHours(2)), "2099");
            Bulletin teamA = board.publish(draft("A組通知", Audience.TEAM, "team-a", Duration.ZERO, Duration.ofHours(1)), "2099");
            board.publish(draft("B組通知", Audience.TEAM, "team-b", Duration.ZERO, Duration.ofHours(1)), "2099");
            Bulletin wall = board.publish(draft("大屏", Audience.WALLBOARD, "", Duration.ZERO, Duration.ofHours(1)), "admin");
            Bulletin later = board.publish(draft("明日停氣", Audience.ALL, "", Duration.ofHours(1), Duration.ofHours(3)), "admin");

            assertThat(board.forDesk("team-a")).containsExactly(all, teamA);
            assertThat(board.forWallboard()).containsExactly(all, wall);

            clock.advance(Duration.ofMinutes(90));

            assertThat(board.forDesk("team-a")).containsExactly(all, later);
            assertThat(board.forWallboard()).containsExactly(all, later);

            clock.advance(Duration.ofHours(3));

            assertThat(board.forDesk("team-a")).isEmpty();
            assertThat(board.notExpired()).isEmpty();
        }

        @Test
        void publishedBulletinsAreStoredWithTheirPublisherAndTellTheListeners() {
            BulletinBoard board = new BulletinBoard(store, clock);
            List<Bulletin> heard = new ArrayList<>();
            board.onPublish(heard::add);

            Bulletin b = board.publish(draft("停水預告", Audience.TEAM, "team-a", Duration.ZERO, Duration.ofDays(1)), "2099");

            assertThat(b.id()).isPositive();
            assertThat(b.publishedBy()).isEqualTo("2099");
            assertThat(b.publishedAt()).isEqualTo(clock.instant());
            assertThat(heard).containsExactly(b);
            assertThat(new BulletinBoard(store, clock).notExpired()).as("a restarted server reads it back")
                    .containsExactly(b);
        }

        @Test
        void aRestartedBoardLoadsOnlyBulletinsNotExpired() {
            BulletinBoard board = new BulletinBoard(store, clock);
            board.publish(draft("短", Audience.ALL, "", Duration.ZERO, Duration.ofMinutes(10)), "admin");
            Bulletin longer = board.publish(draft("長", Audience.ALL, "", Duration.ZERO, Duration.ofHours(10)), "admin");

            clock.advance(Duration.ofMinutes(10));

            assertThat(new BulletinBoard(store, clock).notExpired()).containsExactly(longer);
        }

        @Test
        void aBulletinWhoseValidityHasEndedIsRejected() {
            BulletinBoard board = new BulletinBoard(store, clock);

            assertThatThrownBy(() -> board.publish(draft("過期", Audience.ALL, "", Duration.ofHours(-2), Duration.ofHours(1)),
                    "admin")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("valid until: 2026-11-21T07:00:00Z (expected: after now, 2026-11-21T08:00:00Z)");
            assertThat(board.notExpired()).isEmpty();
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
