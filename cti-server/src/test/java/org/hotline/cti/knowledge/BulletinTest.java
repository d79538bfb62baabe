package org.hotline.cti.knowledge;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BulletinTest {
    private static final Instant FROM = Instant.parse("2026-11-21T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2026-11-22T00:00:00Z");

    private static Bulletin bulletin(Audience audience, String team) {
        return new Bulletin(0, "停氣預告", "明日九時至十二時停氣。", audience, team, FROM, UNTIL, "", FROM);
    }

    @Test
    void isValidFromItsStartUntilJustBeforeItsEnd() {
        Bulletin b = bulletin(Audience.ALL, "");

        assertThat(b.validAt(FROM.minusMillis(1))).isFalse();
        assertThat(b.validAt(FROM)).isTrue();
        assertThat(b.validAt(UNTIL.minusMillis(1))).isTrue();
        assertThat(b.validAt(UNTIL)).isFalse();
    }

    @Test
    void aBulletinForAllReachesEveryDeskAndTheWallboard() {
        Bulletin b = bulletin(Audience.ALL, "");

        assertThat(b.reachesDeskOf("team-a")).isTrue();
        assertThat(b.reachesDeskOf("")).isTrue();
        assertThat(b.reachesWallboard()).isTrue();
    }

    @Test
    void aTeamBulletinReachesOnlyThatTeamsDesks() {
        Bulletin b = bulletin(Audience.TEAM, "team-a");

        assertThat(b.reachesDeskOf("team-a")).isTrue();
        assertThat(b.reachesDeskOf("team-b")).isFalse();
        assertThat(b.reachesWallboard()).isFalse();
    }

    @Test
    void aWallboardBulletinReachesNoDesk() {
        Bulletin b = bulletin(Audience.WALLBOARD, "");

        assertThat(b.reachesDeskOf("team-a")).isFalse();
        assertThat(b.reachesWallboard()).isTrue();
    }

    @Test
    void rejectsAnEndBeforeTheStartAndATeamAudienceWithoutTeam() {
        assertThatThrownBy(() -> new Bulletin(0, "x", "", Audience.ALL, "", UNTIL, FROM, "", FROM))
                .hasMessageContaining("(expected: the end after the start)");
        assertThatThrownBy(() -> bulletin(Audience.TEAM, " "))
                .hasMessage("team: empty (expected: the team id for audience TEAM)");
        assertThatThrownBy(() -> bulletin(Audience.ALL, "team-a"))
                .hasMessage("team: 'team-a' for audience ALL (expected: a team only with audience TEAM)");
    }
}
