package org.hotline.cti.workorders;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hotline.cti.routing.BusinessHours;
import org.hotline.cti.security.Permission;
import org.hotline.cti.security.Role;

/**
 * Demo set-up of the work-order feature for the embedded default: the usual utility types with
 * their forms, a gas and a water department with crews, SLA policies and an office calendar,
 * and complaint access for team leads and administrators. Seeded only when no type exists.
 */
public final class WorkOrderDemoData {
    private WorkOrderDemoData() {}

    /** Returns whether it seeded (false: types already defined, nothing touched). */
    public static boolean seedIfEmpty(WorkOrderFeature f, ZoneId zone) {
        WorkOrderAdmin admin = f.admin();
        if (!admin.types().isEmpty()) {
            return false;
        }
        admin.saveUnit(new OrgUnit("utility", null, OrgUnit.Kind.DEPARTMENT, "公用事業公司", "admin"));
        admin.saveUnit(new OrgUnit("gas", "utility", OrgUnit.Kind.DEPARTMENT, "燃氣搶修部", "1901"));
        admin.saveUnit(new OrgUnit("gas-east", "gas", OrgUnit.Kind.TEAM, "東區搶修班", "1902"));
        admin.saveUnit(new OrgUnit("gas-west", "gas", OrgUnit.Kind.TEAM, "西區搶修班", "1902"));
        admin.saveUnit(new OrgUnit("water", "utility", OrgUnit.Kind.DEPARTMENT, "供水部", "1903"));
        admin.saveUnit(new OrgUnit("water-mains", "water", OrgUnit.Kind.TEAM, "管網維修班", "1903"));
        admin.saveUnit(new OrgUnit("billing", "utility", OrgUnit.Kind.DEPARTMENT, "營業收費部", "1901"));

        FieldDefinition meter = FieldDefinition.of("meter_id", "表號", FieldKind.TEXT, false);
        FieldDefinition site = FieldDefinition.of("site_address", "現場地址", FieldKind.ADDRESS, true);
        List<WorkOrderType> types = List.of(
                new WorkOrderType("repair", "報修", false, List.of(meter, site,
                        FieldDefinition.choice("category", "故障類別", true, "無氣", "無水", "停電", "設備損壞", "其他"))),
                new WorkOrderType("gas_leak", "燃氣洩漏搶險", false, List.of(site,
                        FieldDefinition.of("smell_strength", "氣味強度(1-5)", FieldKind.NUMBER, true),
                        FieldDefinition.of("evacuated", "已疏散", FieldKind.YES_NO, true))),
                new WorkOrderType("water_leak", "漏水搶修", false, List.of(site,
                        FieldDefinition.choice("location", "漏點位置", true, "戶內", "表前", "路面"))),
                new WorkOrderType("complaint", "投訴", true, List.of(
                        FieldDefinition.of("about", "投訴對象", FieldKind.TEXT, true))),
                new WorkOrderType("suggestion", "建議", false, List.of()),
                new WorkOrderType("inquiry", "諮詢", false, List.of()),
                new WorkOrderType("installation", "新裝", false, List.of(site,
                        FieldDefinition.of("preferred_date", "預約日期", FieldKind.DATE, false))),
                new WorkOrderType("account_opening", "開戶", false, List.of(site)),
                new WorkOrderType("account_closing", "銷戶", false, List.of(meter,
                        FieldDefinition.of("final_reading", "最終讀數", FieldKind.NUMBER, true))),
                new WorkOrderType("appointment", "預約上門", false, List.of(site,
                        FieldDefinition.of("visit_date", "上門日期", FieldKind.DATE, true))),
                new WorkOrderType("meter_problem", "錶計問題", false, List.of(meter,
                        FieldDefinition.of("reading", "當前讀數", FieldKind.NUMBER, false))),
                new WorkOrderType("arrears_dispute", "欠費爭議", false, List.of(
                        FieldDefinition.of("disputed_amount", "爭議金額", FieldKind.NUMBER, true))));
        types.forEach(admin::saveType);

        Map<DayOfWeek, BusinessHours.Window> office = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            office.put(d, new BusinessHours.Window(LocalTime.of(8, 30), LocalTime.of(17, 30)));
        }
        admin.saveCalendar(new BusinessCalendar("office", new BusinessHours(zone, office),
                Set.of(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 2, 6), LocalDate.of(2027, 2, 7))));
        for (WorkOrderType t : types) {
            boolean emergency = t.code().equals("gas_leak") || t.code().equals("water_leak");
            boolean field = emergency || t.code().equals("repair");
            String calendar = field ? null : "office";
            admin.savePolicy(new SlaPolicy(t.code(), Priority.NORMAL, Duration.ofMinutes(emergency ? 30 : field ? 120 : 240),
                    Duration.ofHours(emergency ? 4 : field ? 24 : 40), 75, Duration.ofHours(emergency ? 1 : 4), calendar));
            admin.savePolicy(new SlaPolicy(t.code(), Priority.URGENT, Duration.ofMinutes(15),
                    Duration.ofHours(emergency ? 2 : 8), 50, Duration.ofMinutes(30), emergency ? null : calendar));
        }
        f.permissions().grant(Role.TEAM_LEAD, Permission.COMPLAINT_ACCESS);
        f.permissions().grant(Role.ADMIN, Permission.COMPLAINT_ACCESS);
        return true;
    }
}
