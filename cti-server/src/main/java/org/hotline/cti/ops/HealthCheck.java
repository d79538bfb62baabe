package org.hotline.cti.ops;

import static java.util.Objects.requireNonNull;

/**
 * One thing {@code /health} asks about: "database", "switch", "event-loop". Registered by name in
 * {@link HealthChecks}.
 *
 * <p>Called on the ops server's own health threads, never on the event loop, and given a deadline:
 * a check may block briefly (a {@code SELECT 1}), and one that does not answer in time counts as
 * down. A check that throws counts as down too, with the exception's message as the detail.
 */
@FunctionalInterface
public interface HealthCheck {

    Result check();

    /**
     * The answer of one check.
     *
     * @param healthy whether the component works
     * @param detail a short reason or state for the operator ("AMI connected to pbx1:5038"); may be empty
     */
    record Result(boolean healthy, String detail) {

        public Result {
            requireNonNull(detail, "detail");
        }

        public static Result up() {
            return new Result(true, "");
        }

        public static Result up(String detail) {
            return new Result(true, detail);
        }

        public static Result down(String detail) {
            return new Result(false, detail);
        }
    }
}
