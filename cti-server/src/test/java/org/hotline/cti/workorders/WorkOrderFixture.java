package org.hotline.cti.workorders;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.hotline.cti.routing.BusinessHours;
import org.hotline.cti.security.JdbcAuditLog;
import org.hotline.cti.security.Permission;
import org.hotline.cti.security.Role;
import org.hotline.cti.security.RolePermissions;
import org.hotline.cti.storage.Database;
import org.hotline.cti.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * One migrated database per test class (H2 or MariaDB, by {@link #kind()}), a fresh site per
 * test so tests share no rows, and a small utility set up as an administrator would: a gas
 * department with an east team, repair / complaint / inquiry types and their SLA policies.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WorkOrderFixture {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** A Monday, 09:00 in Shanghai. */
    static final Instant START = Instant.parse("2026-11-23T01:00:00Z");
    static final Actor AGENT = new Actor("1001", Role.AGENT);
    static final Actor CREW = new Actor("3001", Role.AGENT);
    static final Actor LEAD = new Actor("2099", Role.TEAM_LEAD);

    Path dataDir;
    TestDatabase testDatabase;
    Database database;

    String site;
    MutableClock clock;
    WorkOrderAdmin admin;
    JdbcNotifier notifier;
    JdbcAuditLog audit;
    RolePermissions permissions;
    WorkOrders orders;
    final List<Notification> notified = new CopyOnWriteArrayList<>();

    abstract TestDatabase.Kind kind();

    @BeforeAll
    void openDatabase() throws Exception {
        dataDir = Files.createTempDirectory("hotline-workorders-test");
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
        notified.clear();
        site = "s-" + UUID.randomUUID().toString().substring(0, 8);
        clock = new MutableClock(START);
        admin = new WorkOrderAdmin(database.dataSource(), site, clock);
        admin.saveUnit(new OrgUnit("company", null, OrgUnit.Kind.DEPARTMENT, "燃氣公司", "boss"));
        admin.saveUnit(new OrgUnit("gas", "company", OrgUnit.Kind.DEPARTMENT, "燃氣搶修部", "d-lead"));
        admin.saveUnit(new OrgUnit("gas-east", "gas", OrgUnit.Kind.TEAM, "東區搶修班", "t-lead"));
        admin.saveUnit(new OrgUnit("water", "company", OrgUnit.Kind.DEPARTMENT, "供水部", "w-lead"));
        admin.saveType(new WorkOrderType("repair", "報修", false, List.of(
                FieldDefinition.of("meter_id", "表號", FieldKind.TEXT, true),
                FieldDefinition.of("reading", "讀數", FieldKind.NUMBER, false),
                FieldDefinition.of("visit_date", "上門日期", FieldKind.DATE, false),
                FieldDefinition.choice("category", "類別", true, "漏氣", "無氣", "表故障"),
                FieldDefinition.of("gas_smell", "有氣味", FieldKind.YES_NO, true),
                FieldDefinition.of("site_address", "現場地址", FieldKind.ADDRESS, false))));
        admin.saveType(new WorkOrderType("complaint", "投訴", true, List.of(
                FieldDefinition.of("about", "投訴對象", FieldKind.TEXT, true))));
        admin.saveType(new WorkOrderType("inquiry", "諮詢", false, List.of()));
        admin.savePolicy(new SlaPolicy("repair", Priority.NORMAL, Duration.ofMinutes(60), Duration.ofHours(4), 75,
                Duration.ofMinutes(30), null));
        admin.savePolicy(new SlaPolicy("repair", Priority.URGENT, Duration.ofMinutes(15), Duration.ofHours(1), 50,
                Duration.ofMinutes(10), null));
        Map<DayOfWeek, BusinessHours.Window> weekdays = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            weekdays.put(d, new BusinessHours.Window(LocalTime.of(9, 0), LocalTime.of(17, 0)));
        }
        admin.saveCalendar(new BusinessCalendar("office", new BusinessHours(ZONE, weekdays),
                Set.of(LocalDate.of(2026, 11, 24))));
        admin.savePolicy(new SlaPolicy("complaint", Priority.NORMAL, Duration.ofHours(4), Duration.ofHours(16), 50,
                Duration.ofHours(4), "office"));
        admin.savePolicy(new SlaPolicy("inquiry", Priority.NORMAL, Duration.ofHours(1), Duration.ofHours(8), 80,
                Duration.ofHours(1), null));
        permissions = new RolePermissions(database.dataSource(), site);
        permissions.grant(Role.TEAM_LEAD, Permission.COMPLAINT_ACCESS);
        // One administration and one set of grants, as the server wires them: what a test changes
        // through admin or permissions is what orders sees.
        orders = workOrders(database, admin, permissions);
    }

    /** Work orders as a restarted server has them: nothing cached yet. */
    WorkOrders workOrders(Database db) {
        return workOrders(db, new WorkOrderAdmin(db.dataSource(), site, clock), new RolePermissions(db.dataSource(), site));
    }

    private WorkOrders workOrders(Database db, WorkOrderAdmin a, RolePermissions p) {
        notifier = new JdbcNotifier(db.dataSource(), site, clock);
        notifier.subscribe(notified::add);
        audit = new JdbcAuditLog(db.dataSource(), site);
        return new WorkOrders(db.dataSource(), new WorkOrders.Settings(site, ZONE, dataDir, Duration.ofHours(24)), a,
                notifier, audit, p, clock);
    }

    static NewWorkOrder repair(String title) {
        return new NewWorkOrder("repair", Priority.NORMAL, title, "用戶來電稱廚房有燃氣味", "C-10001", "call-1",
                "13800138000", "東區", "東區人民路12號3樓", Map.of("meter_id", "M-778899", "category", "漏氣",
                "gas_smell", "yes"));
    }

    static NewWorkOrder complaint() {
        return new NewWorkOrder("complaint", Priority.NORMAL, "投訴搶修人員態度", "", "C-20002", "call-2",
                "13900139000", "西區", "西區解放路8號", Map.of("about", "東區搶修班"));
    }

    List<Notification> notificationsTo(String recipient) {
        return notified.stream().filter(n -> n.recipientId().equals(recipient)).toList();
    }
}
