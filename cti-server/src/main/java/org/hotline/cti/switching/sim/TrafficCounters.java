package org.hotline.cti.switching.sim;

/**
 * What callers did since the traffic started.
 *
 * @param offered         calls placed (including the refused ones)
 * @param blockedByTrunks calls the PBX refused because every trunk was busy
 * @param abandoned       callers who hung up before anyone answered
 * @param answered        calls an agent (or anyone) answered
 * @param completed       calls that ended, for whatever reason
 */
public record TrafficCounters(long offered, long blockedByTrunks, long abandoned, long answered, long completed) {

    TrafficCounters plus(TrafficCounters o) {
        return new TrafficCounters(offered + o.offered, blockedByTrunks + o.blockedByTrunks, abandoned + o.abandoned,
                answered + o.answered, completed + o.completed);
    }
}
