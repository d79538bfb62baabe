package org.hotline.cti.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import org.hotline.cti.storage.Database;
import org.hotline.cti.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/** The cached role grants: what a grant, a revocation or an invalidation changes is seen by the next check. */
class RolePermissionsTest {

    @Nested
    class OnH2 extends Contract {
        @Override
        TestDatabase.Kind kind() {
            return TestDatabase.Kind.H2;
        }
    }

    @Nested
    class OnMariaDb extends Contract {
        @Override
        TestDatabase.Kind kind() {
            return TestDatabase.Kind.MARIADB;
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Contract {
        private Path dataDir;
        private TestDatabase testDatabase;
        private Database database;
        private String site;
        private RolePermissions permissions;

        abstract TestDatabase.Kind kind();

        @BeforeAll
        void openDatabase() throws Exception {
            dataDir = Files.createTempDirectory("hotline-permissions-test");
            testDatabase = TestDatabase.create(kind(), dataDir);
            database = Database.open(testDatabase.config());
        }

        @AfterAll
        void closeDatabase() throws Exception {
            database.close();
            testDatabase.close();
        }

        @BeforeEach
        void freshSite() {
            site = "s-" + UUID.randomUUID().toString().substring(0, 8);
            permissions = new RolePermissions(database.dataSource(), site);
        }

        @Test
        void aGrantIsSeenByTheNextCheck() {
            assertThat(permissions.granted(Role.TEAM_LEAD, Permission.COMPLAINT_ACCESS)).isFalse();

            permissions.grant(Role.TEAM_LEAD, Permission.COMPLAINT_ACCESS);

            assertThat(permissions.granted(Role.TEAM_LEAD, Permission.COMPLAINT_ACCESS)).isTrue();
            assertThat(permissions.granted(Role.AGENT, Permission.COMPLAINT_ACCESS)).isFalse();
        }

        @Test
        void aRevocationIsSeenByTheNextCheck() {
            permissions.grant(Role.ADMIN, Permission.COMPLAINT_ACCESS);
            assertThat(permissions.granted(Role.ADMIN, Permission.COMPLAINT_ACCESS)).isTrue();

            permissions.revoke(Role.ADMIN, Permission.COMPLAINT_ACCESS);

            assertThat(permissions.granted(Role.ADMIN, Permission.COMPLAINT_ACCESS)).isFalse();
        }

        @Test
        void grantingTwiceKeepsOneRowEvenWhenTheCacheHasNotSeenTheFirst() throws SQLException {
            assertThat(permissions.granted(Role.TEAM_LEAD, Permission.COMPLAINT_ACCESS)).isFalse();
            sql("INSERT INTO role_permissions (site_id, role, permission) VALUES (?, 'TEAM_LEAD', 'COMPLAINT_ACCESS')");

            permissions.grant(Role.TEAM_LEAD, Permission.COMPLAINT_ACCESS);

            assertThat(permissions.granted(Role.TEAM_LEAD, Permission.COMPLAINT_ACCESS)).isTrue();
        }

        @Test
        void aChangeWrittenToTheTableIsSeenOnceInvalidated() throws SQLException {
            permissions.grant(Role.TEAM_LEAD, Permission.COMPLAINT_ACCESS);
            assertThat(permissions.granted(Role.TEAM_LEAD, Permission.COMPLAINT_ACCESS)).isTrue();
            sql("DELETE FROM role_permissions WHERE site_id = ?");
            assertThat(permissions.granted(Role.TEAM_LEAD, Permission.COMPLAINT_ACCESS)).isTrue();

            permissions.invalidate();

            assertThat(permissions.granted(Role.TEAM_LEAD, Permission.COMPLAINT_ACCESS)).isFalse();
        }

        @Test
        void grantsOfAnotherSiteDoNotCount() {
            new RolePermissions(database.dataSource(), site + "-other").grant(Role.AGENT, Permission.COMPLAINT_ACCESS);

            assertThat(permissions.granted(Role.AGENT, Permission.COMPLAINT_ACCESS)).isFalse();
        }

        private void sql(String statement) throws SQLException {
            try (Connection c = database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
                s.setString(1, site);
                assertThat(s.executeUpdate()).isPositive();
            }
        }
    }
}
