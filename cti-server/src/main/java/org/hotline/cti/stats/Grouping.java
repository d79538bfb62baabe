package org.hotline.cti.stats;

/** What the rows of a report are per. TEAM is the agent's current team (users.team_id). */
public enum Grouping {
    QUEUE,
    AGENT,
    TEAM
}
