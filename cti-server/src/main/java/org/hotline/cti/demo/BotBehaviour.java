package org.hotline.cti.demo;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * How the simulated people at the desks behave: answer after a delay, talk for a handle time
 * drawn from an exponential distribution with the given mean, wrap up, and now and then take a
 * break. Zero delays and no breaks give the textbook M/M/c queue the Erlang C test needs.
 */
public record BotBehaviour(Duration answerDelay, Duration meanTalk, Duration wrapUp, double breakChance,
                           Duration breakLength) {
    public BotBehaviour {
        requireNonNull(answerDelay, "answerDelay");
        requireNonNull(meanTalk, "meanTalk");
        requireNonNull(wrapUp, "wrapUp");
        requireNonNull(breakLength, "breakLength");
        if (breakChance < 0 || breakChance > 1) {
            throw new IllegalArgumentException("breakChance: " + breakChance + " (expected: 0..1)");
        }
    }

    /** A lively demo floor: a few seconds to answer, about two minutes per call, short wrap-up, some breaks. */
    public static BotBehaviour demo() {
        return new BotBehaviour(Duration.ofSeconds(3), Duration.ofSeconds(120), Duration.ofSeconds(8), 0.05,
                Duration.ofMinutes(5));
    }
}
