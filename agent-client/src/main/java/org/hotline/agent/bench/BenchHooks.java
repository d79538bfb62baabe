package org.hotline.agent.bench;

/** The one switch the benchmark sets on a desk it starts: exit as soon as the login window is on screen. */
public final class BenchHooks {
    public static final String EXIT_WHEN_SHOWN = "hotline.desk.exitWhenShown";

    private BenchHooks() {
    }

    public static boolean exitWhenShown() {
        return Boolean.getBoolean(EXIT_WHEN_SHOWN);
    }

    public static void shown() {
        System.out.println(DeskBench.SHOWN);
        System.out.flush();
    }
}
