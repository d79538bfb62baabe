package org.hotline.cti.switching.sim;

import java.time.Duration;
import java.util.List;

/**
 * Callers of a city gas company's hotline, for the demo and for load runs that want a realistic
 * mix rather than one uniform stream. Menu numbers and queue ids match the demo directory
 * ({@code storage.DemoData}): 1 gas leak and 2 repair go to {@code repair}, 3 bills and payments
 * to {@code billing} (most key in their account for the self-service query first, and about a
 * third of them hang up once it told them their balance), 4 new connection and 0 an agent to
 * {@code general}; a few press nothing and reach the hotline's default queue ({@code general});
 * some callers of every menu give up in the IVR. Plus a direct repair line that skips the menus.
 */
public final class DemoCallers {
    /** The hotline's published number. */
    public static final String HOTLINE = "95001";
    /** The direct line for repair departments and contractors. */
    public static final String REPAIR_LINE = "95002";

    private DemoCallers() {}

    /** Streams totalling {@code callsPerHour}: 85% on the hotline, 15% on the repair line. */
    public static List<CallerStream> gasHotline(double callsPerHour) {
        if (!(callsPerHour > 0)) {
            throw new IllegalArgumentException("callsPerHour: " + callsPerHour + " (expected: > 0)");
        }
        Duration patience = Duration.ofSeconds(150);
        Duration meanTalk = Duration.ofMinutes(4);
        Duration maxTalk = Duration.ofMinutes(15);
        List<IvrChoice> menus = List.of(
                new IvrChoice(10, "1", "repair", Duration.ofSeconds(8), 0.1, 0.02),
                new IvrChoice(30, "2", "repair", Duration.ofSeconds(25), 0.6, 0.05),
                new IvrChoice(35, "3", "billing", Duration.ofSeconds(45), 0.9, 0.35),
                new IvrChoice(10, "4", "general", Duration.ofSeconds(20), 0.2, 0.08),
                new IvrChoice(15, "0", "general", Duration.ofSeconds(6), 0, 0.02),
                // No key within the menu timeout: the CTI server puts the call in the number's default queue.
                new IvrChoice(5, "", "", Duration.ofSeconds(12), 0, 0.15));
        List<IvrChoice> straightToRepair = List.of(new IvrChoice(1, "", "repair", Duration.ofSeconds(3), 0.3));
        return List.of(
                new CallerStream("hotline", HOTLINE, callsPerHour * 0.85, patience, meanTalk, maxTalk, menus),
                new CallerStream("repair-line", REPAIR_LINE, callsPerHour * 0.15, patience.multipliedBy(2), meanTalk,
                        maxTalk, straightToRepair));
    }
}
