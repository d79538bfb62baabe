package org.hotline.cti.knowledge;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * An announcement (通知公告) shown to its audience from {@code validFrom} (inclusive) until
 * {@code validUntil} (exclusive): a supply interruption, a price change, a reminder for agents.
 * {@code teamId} names the team when the audience is {@link Audience#TEAM} and is empty otherwise.
 */
public record Bulletin(long id, String title, String body, Audience audience, String teamId, Instant validFrom,
                       Instant validUntil, String publishedBy, Instant publishedAt) {
    public Bulletin {
        requireNonNull(title, "title");
        requireNonNull(body, "body");
        requireNonNull(audience, "audience");
        teamId = teamId == null ? "" : teamId.strip();
        requireNonNull(validFrom, "validFrom");
        requireNonNull(validUntil, "validUntil");
        publishedBy = publishedBy == null ? "" : publishedBy;
        title = title.strip();
        if (title.isEmpty() || title.length() > Article.MAX_TITLE) {
            throw new IllegalArgumentException("title: '" + title + "' (expected: 1-" + Article.MAX_TITLE + " characters)");
        }
        if (!validUntil.isAfter(validFrom)) {
            throw new IllegalArgumentException("validity: " + validFrom + " .. " + validUntil
                    + " (expected: the end after the start)");
        }
        if (audience == Audience.TEAM && teamId.isEmpty()) {
            throw new IllegalArgumentException("team: empty (expected: the team id for audience TEAM)");
        }
        if (audience != Audience.TEAM && !teamId.isEmpty()) {
            throw new IllegalArgumentException("team: '" + teamId + "' for audience " + audience
                    + " (expected: a team only with audience TEAM)");
        }
    }

    /** True while the bulletin is to be shown. */
    public boolean validAt(Instant at) {
        return !at.isBefore(validFrom) && at.isBefore(validUntil);
    }

    /** True when the desk of a member of {@code team} shows it (at some time of its validity). */
    public boolean reachesDeskOf(String team) {
        return audience == Audience.ALL || audience == Audience.TEAM && teamId.equals(team);
    }

    /** True when the wallboard shows it. */
    public boolean reachesWallboard() {
        return audience == Audience.ALL || audience == Audience.WALLBOARD;
    }

    /** The same bulletin as stored. */
    public Bulletin saved(long newId, String by, Instant at) {
        return new Bulletin(newId, title, body, audience, teamId, validFrom, validUntil, by, at);
    }
}
