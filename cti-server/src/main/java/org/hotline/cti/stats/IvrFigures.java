package org.hotline.cti.stats;

/**
 * The IVR figures of one report row: visits and how they ended (every visit ends exactly one
 * way, so routed + no input + hung up + closed + blocked = visits) and the time spent in the IVR.
 */
public record IvrFigures(long visits, long routed, long noInput, long hungUp, long closed, long blocked, long ivrMillis) {
    static IvrFigures of(long[] v) {
        return new IvrFigures(v[RollupBatch.IVR_VISITS], v[RollupBatch.IVR_ROUTED], v[RollupBatch.IVR_NO_INPUT],
                v[RollupBatch.IVR_HUNG_UP], v[RollupBatch.IVR_CLOSED], v[RollupBatch.IVR_BLOCKED], v[RollupBatch.IVR_MS]);
    }

    public static IvrFigures none() {
        return new IvrFigures(0, 0, 0, 0, 0, 0, 0);
    }

    public IvrFigures plus(IvrFigures o) {
        return new IvrFigures(visits + o.visits, routed + o.routed, noInput + o.noInput, hungUp + o.hungUp,
                closed + o.closed, blocked + o.blocked, ivrMillis + o.ivrMillis);
    }

    /** Visits that reached an agent queue: routed by a choice, or by no input to the default queue. */
    public long toQueue() {
        return routed + noInput;
    }

    /** Callers who hung up in the IVR, in percent of the visits. */
    public double hungUpPercent() {
        return visits == 0 ? 0 : 100.0 * hungUp / visits;
    }

    /** Time in the IVR per visit, in seconds. */
    public double averageSeconds() {
        return visits == 0 ? 0 : ivrMillis / 1000.0 / visits;
    }
}
