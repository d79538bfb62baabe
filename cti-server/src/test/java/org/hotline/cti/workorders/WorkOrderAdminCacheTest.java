package org.hotline.cti.workorders;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hotline.cti.core.CommandException;
import org.hotline.cti.routing.BusinessHours;
import org.hotline.cti.security.Permission;
import org.hotline.cti.security.Role;
import org.hotline.cti.testing.TestDatabase;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The administration's cached snapshots (types, organisation tree, calendars, SLA policies) and
 * the cached role grants: a change through the owning object is seen by the very next command;
 * a change written to the tables some other way is seen once the matching invalidate method runs.
 */
class WorkOrderAdminCacheTest {

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

    abstract static class Contract extends WorkOrderFixture {
        /** The fixture's complaint policy: 16 working hours on the office calendar, Tuesday 24 November a holiday. */
        private static final Instant COMPLAINT_DUE_WITH_HOLIDAY = Instant.parse("2026-11-25T09:00:00Z");
        private static final Instant COMPLAINT_DUE_WITHOUT_HOLIDAY = Instant.parse("2026-11-24T09:00:00Z");

        // ---- SLA policies

        @Test
        void aSavedPolicyTimesTheNextOrder() {
            assertThat(orders.create(AGENT, repair("first")).deadlines().resolveBy()).isEqualTo(START.plus(Duration.ofHours(4)));

            admin.savePolicy(new SlaPolicy("repair", Priority.NORMAL, Duration.ofMinutes(30), Duration.ofHours(2), 75,
                    Duration.ofMinutes(30), null));

            assertThat(orders.create(AGENT, repair("second")).deadlines().resolveBy())
                    .isEqualTo(START.plus(Duration.ofHours(2)));
        }

        @Test
        void aPolicyChangedInTheTableTimesTheNextOrderOnceInvalidated() throws SQLException {
            orders.create(AGENT, repair("first"));
            sql("UPDATE sla_policies SET resolve_minutes = 120 WHERE site_id = ? AND type_code = 'repair'"
                    + " AND priority = 'NORMAL'");
            assertThat(orders.create(AGENT, repair("cached")).deadlines().resolveBy())
                    .isEqualTo(START.plus(Duration.ofHours(4)));

            admin.invalidatePolicies();

            assertThat(orders.create(AGENT, repair("fresh")).deadlines().resolveBy())
                    .isEqualTo(START.plus(Duration.ofHours(2)));
        }

        @Test
        void aPriorityWithoutItsOwnPolicyFallsBackToNormalAndGetsItsOwnOnceSaved() {
            assertThat(admin.policy("repair", Priority.LOW)).get().extracting(SlaPolicy::priority, SlaPolicy::resolveWithin)
                    .containsExactly(Priority.LOW, Duration.ofHours(4));

            admin.savePolicy(new SlaPolicy("repair", Priority.LOW, Duration.ofHours(4), Duration.ofHours(48), 75,
                    Duration.ofHours(4), null));

            assertThat(admin.policy("repair", Priority.LOW)).get().extracting(SlaPolicy::resolveWithin)
                    .isEqualTo(Duration.ofHours(48));
            assertThat(admin.policy("inquiry", Priority.LOW)).get().extracting(SlaPolicy::resolveWithin)
                    .isEqualTo(Duration.ofHours(8));
            assertThat(admin.policy("suggestion", Priority.NORMAL)).isEmpty();
        }

        @Test
        void aDeletedPolicyIsGoneForTheNextOrder() {
            assertThat(orders.create(AGENT, new NewWorkOrder("inquiry", Priority.NORMAL, "電價", "", "C-1", "call-1",
                    "13800138000", "東區", "", Map.of())).deadlines().resolveBy()).isEqualTo(START.plus(Duration.ofHours(8)));

            assertThat(admin.deletePolicy("inquiry", Priority.NORMAL)).isTrue();

            assertThatThrownBy(() -> orders.create(AGENT, new NewWorkOrder("inquiry", Priority.NORMAL, "電價", "", "C-1",
                    "call-2", "13800138000", "東區", "", Map.of()))).isInstanceOf(CommandException.class)
                    .hasMessageContaining("no SLA policy for type inquiry");
        }

        // ---- types and their forms

        @Test
        void aSavedFormIsValidatedOnTheNextOrder() {
            orders.create(AGENT, repair("before"));
            WorkOrderType repair = admin.type("repair").orElseThrow();
            List<FieldDefinition> fields = new java.util.ArrayList<>(repair.fields());
            fields.add(FieldDefinition.of("crew_size", "人數", FieldKind.NUMBER, true));

            admin.saveType(new WorkOrderType("repair", repair.name(), false, fields));

            assertThatThrownBy(() -> orders.create(AGENT, repair("after")))
                    .isInstanceOf(CommandException.class).hasMessageContaining("crew_size");
        }

        @Test
        void aTypeChangedInTheTableIsSeenOnceInvalidated() throws SQLException {
            assertThat(admin.type("repair")).get().extracting(WorkOrderType::name).isEqualTo("報修");
            sql("UPDATE work_order_types SET name = '搶修' WHERE site_id = ? AND type_code = 'repair'");
            assertThat(admin.type("repair")).get().extracting(WorkOrderType::name).isEqualTo("報修");

            admin.invalidateTypes();

            assertThat(admin.type("repair")).get().extracting(WorkOrderType::name).isEqualTo("搶修");
            WorkOrder o = orders.create(AGENT, repair("named"));
            assertThat(orders.history(AGENT, o.orderNo()).get(0).detail()).startsWith("搶修, NORMAL");
            assertThat(admin.types()).extracting(WorkOrderType::code).containsExactly("complaint", "inquiry", "repair");
            assertThat(admin.type("repair").orElseThrow().fields()).extracting(FieldDefinition::key)
                    .containsExactly("meter_id", "reading", "visit_date", "category", "gas_smell", "site_address");
        }

        // ---- organisation tree

        @Test
        void aSavedDepartmentTakesOrdersAtOnce() {
            WorkOrder o = orders.create(AGENT, repair("停電"));
            assertThatThrownBy(() -> orders.dispatch(AGENT, o.orderNo(), o.version(), "power", null, null, null))
                    .isInstanceOf(CommandException.class).hasMessageContaining("department: power");

            admin.saveUnit(new OrgUnit("power", "company", OrgUnit.Kind.DEPARTMENT, "供電部", "p-lead"));

            WorkOrder dispatched = orders.dispatch(AGENT, o.orderNo(), o.version(), "power", null, null, null);
            assertThat(dispatched.departmentId()).isEqualTo("power");
            assertThat(notificationsTo("p-lead")).extracting(Notification::kind).containsExactly(Notification.Kind.DISPATCHED);
        }

        @Test
        void aDeletedTeamTakesNoMoreOrders() {
            admin.saveUnit(new OrgUnit("gas-west", "gas", OrgUnit.Kind.TEAM, "西區搶修班", "w2-lead"));
            WorkOrder first = orders.create(AGENT, repair("無氣"));
            orders.dispatch(AGENT, first.orderNo(), first.version(), "gas", "gas-west", null, null);

            assertThat(admin.deleteUnit("gas-west")).isTrue();

            WorkOrder second = orders.create(AGENT, repair("無氣"));
            assertThatThrownBy(() -> orders.dispatch(AGENT, second.orderNo(), second.version(), "gas", "gas-west", null,
                    null)).isInstanceOf(CommandException.class).hasMessageContaining("team: gas-west");
        }

        @Test
        void aLeadChangedInTheTableIsNotifiedOnceInvalidated() throws SQLException {
            assertThat(admin.orgTree().escalationChain("gas-east")).containsExactly("t-lead", "d-lead", "boss");
            sql("UPDATE org_units SET lead_agent_id = 'new-lead' WHERE site_id = ? AND unit_id = 'gas-east'");
            assertThat(admin.orgTree().escalationChain("gas-east")).containsExactly("t-lead", "d-lead", "boss");

            admin.invalidateOrgTree();

            WorkOrder o = orders.create(AGENT, repair("無氣"));
            orders.dispatch(AGENT, o.orderNo(), o.version(), "gas", "gas-east", null, null);
            assertThat(notificationsTo("new-lead")).extracting(Notification::kind).containsExactly(Notification.Kind.DISPATCHED);
            assertThat(notificationsTo("t-lead")).isEmpty();
        }

        // ---- business calendars

        @Test
        void aSavedCalendarTimesTheNextOrder() {
            assertThat(orders.create(AGENT, complaint()).deadlines().resolveBy()).isEqualTo(COMPLAINT_DUE_WITH_HOLIDAY);

            admin.saveCalendar(new BusinessCalendar("office", new BusinessHours(ZONE, weekdays()), Set.of()));

            assertThat(orders.create(AGENT, complaint()).deadlines().resolveBy()).isEqualTo(COMPLAINT_DUE_WITHOUT_HOLIDAY);
        }

        @Test
        void aDeletedCalendarIsMissedByTheNextOrderThatNamesIt() {
            orders.create(AGENT, complaint());
            admin.savePolicy(new SlaPolicy("complaint", Priority.NORMAL, Duration.ofHours(4), Duration.ofHours(16), 50,
                    Duration.ofHours(4), "night"));
            admin.saveCalendar(new BusinessCalendar("night", new BusinessHours(ZONE, weekdays()), Set.of()));
            orders.create(AGENT, complaint());

            assertThat(admin.deleteCalendar("night")).isTrue();

            assertThatThrownBy(() -> orders.create(AGENT, complaint())).isInstanceOf(CommandException.class)
                    .hasMessageContaining("names calendar night which does not exist");
        }

        @Test
        void aHolidayRemovedFromTheTableIsSeenOnceInvalidated() throws SQLException {
            orders.create(AGENT, complaint());
            sql("DELETE FROM business_calendar_holidays WHERE calendar_pk IN"
                    + " (SELECT id FROM business_calendars WHERE site_id = ? AND calendar_id = 'office')");
            assertThat(orders.create(AGENT, complaint()).deadlines().resolveBy()).isEqualTo(COMPLAINT_DUE_WITH_HOLIDAY);

            admin.invalidateCalendars();

            assertThat(orders.create(AGENT, complaint()).deadlines().resolveBy()).isEqualTo(COMPLAINT_DUE_WITHOUT_HOLIDAY);
        }

        // ---- role permissions, as work orders use them

        @Test
        void aRevokedComplaintAccessIsDeniedOnTheNextViewAndAGrantAllowsItAgain() {
            WorkOrder c = orders.create(AGENT, complaint());
            assertThat(orders.get(LEAD, c.orderNo()).orderNo()).isEqualTo(c.orderNo());

            permissions.revoke(Role.TEAM_LEAD, Permission.COMPLAINT_ACCESS);

            assertThatThrownBy(() -> orders.get(LEAD, c.orderNo())).isInstanceOf(CommandException.class)
                    .extracting(e -> ((CommandException) e).code()).isEqualTo(CommandException.Code.PERMISSION_DENIED);
            assertThat(orders.search(LEAD, WorkOrderQuery.all(10))).extracting(WorkOrder::orderNo)
                    .doesNotContain(c.orderNo());

            permissions.grant(Role.TEAM_LEAD, Permission.COMPLAINT_ACCESS);

            assertThat(orders.search(LEAD, WorkOrderQuery.all(10))).extracting(WorkOrder::orderNo).contains(c.orderNo());
        }

        private static Map<DayOfWeek, BusinessHours.Window> weekdays() {
            Map<DayOfWeek, BusinessHours.Window> days = new EnumMap<>(DayOfWeek.class);
            for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                    DayOfWeek.FRIDAY)) {
                days.put(d, new BusinessHours.Window(LocalTime.of(9, 0), LocalTime.of(17, 0)));
            }
            return days;
        }

        /** A change made behind the administration's back; the statement's one parameter is the site. */
        private void sql(String statement) throws SQLException {
            try (Connection c = database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
                s.setString(1, site);
                assertThat(s.executeUpdate()).isPositive();
            }
        }
    }
}
