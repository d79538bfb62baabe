package org.hotline.cti.demo;

/** The textbook M/M/c formulas a contact center is planned with. */
final class ErlangC {
    private ErlangC() {}

    /** Probability that a caller waits, for {@code agents} agents and {@code erlangs} of offered load. */
    static double probabilityOfWaiting(int agents, double erlangs) {
        double term = 1;
        double sum = 1;
        for (int k = 1; k < agents; k++) {
            term *= erlangs / k;
            sum += term;
        }
        double top = term * erlangs / agents * agents / (agents - erlangs);
        return top / (sum + top);
    }

    /** Share of calls answered within {@code thresholdSeconds}. */
    static double serviceLevel(int agents, double erlangs, double ahtSeconds, double thresholdSeconds) {
        return 1 - probabilityOfWaiting(agents, erlangs) * Math.exp(-(agents - erlangs) * thresholdSeconds / ahtSeconds);
    }

    /** Average speed of answer in seconds. */
    static double averageSpeedOfAnswer(int agents, double erlangs, double ahtSeconds) {
        return probabilityOfWaiting(agents, erlangs) * ahtSeconds / (agents - erlangs);
    }
}
