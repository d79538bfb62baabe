package org.hotline.cti.testing;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.hotline.cti.agents.AgentProfile;
import org.hotline.cti.agents.ReasonCode;
import org.hotline.cti.routing.BusinessHours;
import org.hotline.cti.routing.QueueDefinition;
import org.hotline.cti.security.Role;

/** Small, readable configuration for tests: two skills, three queues, a few agents. */
public final class Fixtures {
    private Fixtures() {}

    public static QueueDefinition queue(String id, int priority, Map<String, Integer> skills) {
        return new QueueDefinition(id, id, priority, skills, Duration.ofSeconds(60), Map.of(), Duration.ofSeconds(20),
                BusinessHours.always(ZoneOffset.UTC), List.of(), "main");
    }

    public static List<QueueDefinition> queues() {
        return List.of(
                new QueueDefinition("general", "General", 1, Map.of("general", 1), Duration.ofSeconds(60), Map.of(),
                        Duration.ofSeconds(20), BusinessHours.always(ZoneOffset.UTC), List.of("95001", "1"), "main"),
                new QueueDefinition("repair", "Repair", 5, Map.of("repair", 3), Duration.ofSeconds(30),
                        Map.of("general", 5), Duration.ofSeconds(20), BusinessHours.always(ZoneOffset.UTC),
                        List.of("3"), "main"),
                new QueueDefinition("billing", "Billing", 1, Map.of("billing", 1), Duration.ofSeconds(60), Map.of(),
                        Duration.ofSeconds(20), new BusinessHours(ZoneOffset.UTC,
                        Map.of(DayOfWeek.MONDAY, new BusinessHours.Window(LocalTime.of(8, 0), LocalTime.of(20, 0)))),
                        List.of("2"), "main"));
    }

    public static AgentProfile agent(String id, Map<String, Integer> skills) {
        return new AgentProfile(id, "Agent " + id, Role.AGENT, id, "team-a", skills, "main");
    }

    public static List<ReasonCode> reasons() {
        return List.of(new ReasonCode("break", "Break", false), new ReasonCode("lunch", "Lunch", false),
                new ReasonCode(ReasonCode.MISSED, "Missed call", true), new ReasonCode(ReasonCode.LOGIN, "Logged in", true));
    }
}
