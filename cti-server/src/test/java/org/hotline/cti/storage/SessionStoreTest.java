package org.hotline.cti.storage;

import org.hotline.cti.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;

import org.hotline.cti.security.Role;
import org.hotline.cti.security.SessionStore.StoredSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SessionStoreTest {

    abstract static class Contract extends DatabaseFixture {
        private final Instant t0 = Instant.parse("2026-11-21T08:00:00Z");
        private HibernateSessionStore store;

        @BeforeEach
        void store() {
            store = new HibernateSessionStore(database.sessionFactory(), SITE, Clock.systemUTC());
        }

        @Test
        void savedSessionsSurviveForTheNextServerStart() {
            StoredSession agent = new StoredSession("hash-a", "1001", Role.AGENT, "1001", t0, t0);
            StoredSession lead = new StoredSession("hash-b", "1901", Role.TEAM_LEAD, "1901", t0, t0.plusSeconds(5));
            store.save(agent);
            store.save(lead);

            HibernateSessionStore afterRestart = new HibernateSessionStore(database.sessionFactory(), SITE, Clock.systemUTC());

            assertThat(afterRestart.all()).containsExactly(agent, lead);
        }

        @Test
        void touchMovesLastSeenOnly() {
            store.save(new StoredSession("hash-a", "1001", Role.AGENT, "1001", t0, t0));

            store.touch("hash-a", t0.plusSeconds(60));
            store.touch("unknown", t0.plusSeconds(60));

            assertThat(store.all()).containsExactly(new StoredSession("hash-a", "1001", Role.AGENT, "1001", t0, t0.plusSeconds(60)));
        }

        @Test
        void savingTheSameTokenAgainReplacesTheSession() {
            store.save(new StoredSession("hash-a", "1001", Role.AGENT, "1001", t0, t0));
            StoredSession moved = new StoredSession("hash-a", "1001", Role.AGENT, "1007", t0, t0.plusSeconds(9));

            store.save(moved);

            assertThat(store.all()).containsExactly(moved);
        }

        @Test
        void keepsTimesToTheSecond() {
            Instant precise = Instant.parse("2026-11-21T08:00:00.987654Z");
            store.save(new StoredSession("hash-a", "1001", Role.AGENT, "1001", precise, precise.plusMillis(1500)));

            assertThat(store.all()).singleElement()
                    .returns(t0, StoredSession::createdAt)
                    .returns(t0.plusSeconds(2), StoredSession::lastSeen);
        }

        @Test
        void deletedSessionsAreGone() {
            store.save(new StoredSession("hash-a", "1001", Role.AGENT, "1001", t0, t0));
            store.save(new StoredSession("hash-b", "wallboard", Role.WALLBOARD, "", t0, t0));

            store.delete("hash-a");
            store.delete("unknown");

            assertThat(store.all()).extracting(StoredSession::tokenHash).containsExactly("hash-b");
        }

        @Test
        void otherSitesSessionsAreNotListed() {
            new HibernateSessionStore(database.sessionFactory(), "site-2", Clock.systemUTC())
                    .save(new StoredSession("hash-x", "1001", Role.AGENT, "1001", t0, t0));

            assertThat(store.all()).isEmpty();
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
