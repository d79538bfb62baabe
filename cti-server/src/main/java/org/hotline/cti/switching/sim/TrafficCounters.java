package org.hotline.cti.switching.sim;

/**
 * What callers did since the traffic started.
 *
 * @param offered         calls placed (including the refused ones)
 * @param blockedByTrunks calls the PBX refused because every trunk was busy
 * @param abandoned       callers who hung up after the IVR, before anyone answered
 * @param leftInIvr       callers who hung up in the IVR (never offered to the CTI server)
 * @param answered        calls an agent (or anyone) answered
 * @param completed       calls that ended, for whatever reason
 */
public record TrafficCounters(long offered, long blockedByTrunks, long abandoned, long leftInIvr, long answered,
                              long completed) {

    TrafficCounters plus(TrafficCounters o) {
        return new TrafficCounters(offered + o.offered, blockedByTrunks + o.blockedByTrunks, abandoned + o.abandoned,
                leftInIvr + o.leftInIvr, answered + o.answered, completed + o.completed);
    }
}
