package org.hotline.cti.storage;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hotline.cti.agents.AgentProfile;
import org.hotline.cti.agents.ReasonCode;
import org.hotline.cti.routing.BusinessHours;
import org.hotline.cti.routing.QueueDefinition;
import org.hotline.cti.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The demo directory seeded at the first start of the embedded default (when the site has no
 * user). Every password is {@code demo} followed by the user id:
 *
 * <table>
 *   <caption>Demo accounts</caption>
 *   <tr><th>ids</th><th>role</th><th>extension</th><th>password</th></tr>
 *   <tr><td>1001 .. 1040</td><td>AGENT, in teams team-a (1001-1014), team-b (1015-1027), team-c (1028-1040)</td>
 *       <td>= id</td><td>demo1001 .. demo1040</td></tr>
 *   <tr><td>1901, 1902, 1903</td><td>TEAM_LEAD of team-a, team-b, team-c</td><td>= id</td><td>demo1901 ..</td></tr>
 *   <tr><td>admin</td><td>ADMIN</td><td>none</td><td>demoadmin</td></tr>
 *   <tr><td>wallboard</td><td>WALLBOARD</td><td>none</td><td>demowallboard</td></tr>
 * </table>
 *
 * Skills (levels 1-10): {@code general} (everyone), {@code repair} (a third of the agents
 * qualified, a third learning), {@code billing} (half), languages {@code mandarin} (everyone),
 * {@code cantonese} (half), {@code english} (a fifth).
 *
 * <p>Queues, all with a 20 s service-level threshold and overflow after 60 s, zone Asia/Shanghai:
 * {@code repair} (gas leaks and repairs, priority 10, IVR choice 3 = dialled {@code ivr:3},
 * repair 5, overflow repair 2, around the clock), {@code general} (priority 5, dialled
 * {@code 95001} and {@code ivr:1}, general 5, overflow general 1, around the clock),
 * {@code billing} (priority 3, {@code ivr:2}, billing 5, overflow to general 5, Monday to
 * Saturday 08:00-20:00).
 *
 * <p>Reason codes: break, lunch, training, meeting, paperwork, and the system codes
 * {@link ReasonCode#MISSED} and {@link ReasonCode#LOGIN}. Labels are English; clients localise by code.
 */
public final class DemoData {
    public static final String PASSWORD_PREFIX = "demo";
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final String[] SURNAMES = {"陳", "李", "張", "黃", "何", "林", "梁", "吳"};
    private static final String[] GIVEN_NAMES = {"嘉欣", "志明", "美玲", "家豪", "詠詩", "俊傑", "淑儀", "偉強", "麗華", "子軒"};
    private static final String[] TEAMS = {"team-a", "team-b", "team-c"};

    private DemoData() {}

    /** Seeds the demo directory when the site has no user; true when it did. */
    public static boolean seedIfEmpty(DirectoryAdmin admin) {
        requireNonNull(admin, "admin");
        if (!admin.hasNoUsers()) {
            return false;
        }
        String site = admin.siteId();
        for (int t = 0; t < TEAMS.length; t++) {
            admin.saveTeam(TEAMS[t], "Team " + (char) ('A' + t));
        }
        Map<String, String> skills = new LinkedHashMap<>();
        skills.put("general", "General service");
        skills.put("repair", "Repair and emergency");
        skills.put("billing", "Billing");
        skills.put("mandarin", "Mandarin");
        skills.put("cantonese", "Cantonese");
        skills.put("english", "English");
        skills.forEach(admin::saveSkill);
        List<AgentProfile> users = users(site);
        List<DirectoryAdmin.Account> accounts = new ArrayList<>();
        users.forEach(u -> accounts.add(new DirectoryAdmin.Account(u, PASSWORD_PREFIX + u.agentId())));
        admin.saveAgents(accounts);
        List<QueueDefinition> queues = queues(site);
        queues.forEach(admin::saveQueue);
        List<ReasonCode> reasons = reasonCodes();
        reasons.forEach(admin::saveReasonCode);
        log.info("demo data seeded: {} users (password: demo<id>), {} queues, {} reason codes",
                users.size(), queues.size(), reasons.size());
        return true;
    }

    static List<AgentProfile> users(String site) {
        List<AgentProfile> users = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String id = String.valueOf(1001 + i);
            String name = SURNAMES[i % SURNAMES.length] + GIVEN_NAMES[i % GIVEN_NAMES.length];
            users.add(new AgentProfile(id, name, Role.AGENT, id, TEAMS[i < 14 ? 0 : i < 27 ? 1 : 2], agentSkills(i), site));
        }
        Map<String, Integer> leadSkills = Map.of("general", 10, "repair", 8, "billing", 8, "mandarin", 10,
                "cantonese", 8, "english", 6);
        for (int t = 0; t < TEAMS.length; t++) {
            String id = String.valueOf(1901 + t);
            users.add(new AgentProfile(id, "Team lead " + (char) ('A' + t), Role.TEAM_LEAD, id, TEAMS[t], leadSkills, site));
        }
        users.add(new AgentProfile("admin", "Administrator", Role.ADMIN, "", "", Map.of(), site));
        users.add(new AgentProfile("wallboard", "Wallboard", Role.WALLBOARD, "", "", Map.of(), site));
        return users;
    }

    private static Map<String, Integer> agentSkills(int i) {
        Map<String, Integer> skills = new LinkedHashMap<>();
        skills.put("general", 3 + (i * 7) % 8);
        if (i % 3 == 0) {
            skills.put("repair", 5 + i % 6);
        } else if (i % 3 == 1) {
            skills.put("repair", 2);
        }
        if (i % 4 == 1 || i % 4 == 2) {
            skills.put("billing", 4 + i % 7);
        }
        skills.put("mandarin", 6 + i % 5);
        if (i % 2 == 0) {
            skills.put("cantonese", 6 + i % 5);
        }
        if (i % 5 == 0) {
            skills.put("english", 5 + i % 6);
        }
        return skills;
    }

    static List<QueueDefinition> queues(String site) {
        Duration overflow = Duration.ofSeconds(60);
        Duration serviceLevel = Duration.ofSeconds(20);
        Map<DayOfWeek, BusinessHours.Window> officeDays = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SUNDAY) {
                officeDays.put(day, new BusinessHours.Window(LocalTime.of(8, 0), LocalTime.of(20, 0)));
            }
        }
        return List.of(
                new QueueDefinition("repair", "Emergency and repair", 10, Map.of("repair", 5), overflow,
                        Map.of("repair", 2), serviceLevel, BusinessHours.always(ZONE), List.of("ivr:3"), site),
                new QueueDefinition("general", "General service", 5, Map.of("general", 5), overflow,
                        Map.of("general", 1), serviceLevel, BusinessHours.always(ZONE), List.of("95001", "ivr:1"), site),
                new QueueDefinition("billing", "Billing", 3, Map.of("billing", 5), overflow,
                        Map.of("general", 5), serviceLevel, new BusinessHours(ZONE, officeDays), List.of("ivr:2"), site));
    }

    static List<ReasonCode> reasonCodes() {
        return List.of(
                new ReasonCode("break", "Break", false),
                new ReasonCode("lunch", "Lunch", false),
                new ReasonCode("training", "Training", false),
                new ReasonCode("meeting", "Meeting", false),
                new ReasonCode("paperwork", "After-call paperwork", false),
                new ReasonCode(ReasonCode.MISSED, "Missed a call", true),
                new ReasonCode(ReasonCode.LOGIN, "Just logged in", true));
    }
}
