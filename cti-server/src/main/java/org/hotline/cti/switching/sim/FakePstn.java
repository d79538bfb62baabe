package org.hotline.cti.switching.sim;

import java.util.Map;

/**
 * What the public network does when the simulated PBX dials an outside number: answer (after the
 * configured delay), be busy, or ring until the caller gives up. Outbound campaigns need all three
 * (retry when busy or unanswered).
 */
@FunctionalInterface
public interface FakePstn {
    /** The far end's response to one dial attempt. */
    enum Outcome { ANSWER, BUSY, NO_ANSWER }

    Outcome dial(String number);

    /** Every number answers. */
    static FakePstn answering() {
        return number -> Outcome.ANSWER;
    }

    /** The listed numbers behave as listed; every other number answers. */
    static FakePstn with(Map<String, Outcome> outcomes) {
        Map<String, Outcome> copy = Map.copyOf(outcomes);
        return number -> copy.getOrDefault(number, Outcome.ANSWER);
    }
}
