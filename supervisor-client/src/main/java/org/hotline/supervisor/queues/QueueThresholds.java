package org.hotline.supervisor.queues;

import org.hotline.api.v1.QueueStatus;

/**
 * When a queue turns amber and red: its longest wait against its own service-level threshold
 * (T seconds, per queue), and today's service level against the target.
 *
 * @param waitWarnFactor   amber when the longest wait passes T times this
 * @param waitAlarmFactor  red when the longest wait passes T times this
 * @param serviceLevelWarn amber under this percentage (once there are calls today)
 * @param serviceLevelAlarm red under this percentage
 */
public record QueueThresholds(double waitWarnFactor, double waitAlarmFactor, double serviceLevelWarn,
                              double serviceLevelAlarm) {
    public static final QueueThresholds DEFAULTS = new QueueThresholds(1.0, 3.0, 80.0, 70.0);

    public Level level(QueueStatus q, long longestWaitSeconds) {
        int t = Math.max(1, q.getServiceLevelThresholdSeconds());
        boolean measured = q.getOfferedToday() > 0;
        if (longestWaitSeconds >= t * waitAlarmFactor || measured && q.getServiceLevelPercent() < serviceLevelAlarm) {
            return Level.ALARM;
        }
        if (longestWaitSeconds >= t * waitWarnFactor || measured && q.getServiceLevelPercent() < serviceLevelWarn) {
            return Level.WARN;
        }
        return Level.OK;
    }

    /** A queue's colour; ALARM also sounds once when a queue enters it. */
    public enum Level { OK, WARN, ALARM }
}
