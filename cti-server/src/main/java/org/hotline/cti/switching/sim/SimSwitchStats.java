package org.hotline.cti.switching.sim;

/**
 * A moment's counters of the simulated PBX, for metrics and load runs.
 *
 * @param trunks          outside lines configured
 * @param trunksInUse     outside parties in calls now
 * @param callsInProgress calls that exist now, including callers still in the IVR
 * @param blockedByTrunks inbound calls refused since start because no trunk was free
 * @param abandonedInIvr  callers who hung up in the IVR, before the CTI server saw their call
 */
public record SimSwitchStats(int trunks, int trunksInUse, int callsInProgress, long blockedByTrunks,
                             long abandonedInIvr) {}
