package org.hotline.supervisor.queues;

/** How the queues panel gets the team lead's attention when a queue turns red. */
public interface QueueAlarm {
    /** A queue entered the alarm level. */
    void sound();

    QueueAlarm NONE = () -> { };
}
