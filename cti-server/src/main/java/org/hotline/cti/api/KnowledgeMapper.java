package org.hotline.cti.api;

import java.time.Instant;

import com.google.protobuf.Timestamp;
import org.hotline.api.v1.ArticleHit;
import org.hotline.api.v1.BulletinAudience;
import org.hotline.cti.knowledge.Article;
import org.hotline.cti.knowledge.Audience;
import org.hotline.cti.knowledge.Bulletin;
import org.hotline.cti.knowledge.SearchHit;

import static org.hotline.cti.api.ProtoMapper.ts;

/** Knowledge articles, hits and bulletins between proto and domain. */
final class KnowledgeMapper {
    private KnowledgeMapper() {}

    static org.hotline.api.v1.Article article(Article a) {
        var b = org.hotline.api.v1.Article.newBuilder().setId(a.id()).setTitle(a.title()).setCategory(a.category())
                .addAllTags(a.tags()).setBody(a.body()).setStandardAnswer(a.standardAnswer()).setVersion(a.version())
                .setUpdatedBy(a.updatedBy());
        if (a.updatedAt() != null) {
            b.setUpdatedAt(ts(a.updatedAt()));
        }
        return b.build();
    }

    static Article article(org.hotline.api.v1.Article a) {
        return new Article(a.getId(), a.getTitle(), a.getCategory(), a.getTagsList(), a.getBody(), a.getStandardAnswer(),
                a.getVersion(), null, null);
    }

    static ArticleHit hit(SearchHit h) {
        return ArticleHit.newBuilder().setId(h.articleId()).setTitle(h.title()).setCategory(h.category())
                .addAllTags(h.tags()).setScore(h.score()).setTitleHighlight(h.titleHighlight())
                .addAllFragments(h.fragments()).build();
    }

    static org.hotline.api.v1.Bulletin bulletin(Bulletin b) {
        return org.hotline.api.v1.Bulletin.newBuilder().setId(b.id()).setTitle(b.title()).setBody(b.body())
                .setAudience(audience(b.audience())).setTeamId(b.teamId()).setValidFrom(ts(b.validFrom()))
                .setValidUntil(ts(b.validUntil())).setPublishedBy(b.publishedBy())
                .setPublishedAt(ts(b.publishedAt())).build();
    }

    /** A bulletin to publish; an unset start means {@code now}. */
    static Bulletin bulletin(org.hotline.api.v1.Bulletin b, Instant now) {
        if (!b.hasValidUntil()) {
            throw Errors.invalid("valid_until: unset (expected: the end of the bulletin's validity)");
        }
        Instant from = b.hasValidFrom() ? instant(b.getValidFrom()) : now;
        return new Bulletin(0, b.getTitle(), b.getBody(), audience(b.getAudience()), b.getTeamId(), from,
                instant(b.getValidUntil()), "", now);
    }

    private static BulletinAudience audience(Audience a) {
        return switch (a) {
            case ALL -> BulletinAudience.BULLETIN_AUDIENCE_ALL;
            case TEAM -> BulletinAudience.BULLETIN_AUDIENCE_TEAM;
            case WALLBOARD -> BulletinAudience.BULLETIN_AUDIENCE_WALLBOARD;
        };
    }

    private static Audience audience(BulletinAudience a) {
        return switch (a) {
            case BULLETIN_AUDIENCE_ALL -> Audience.ALL;
            case BULLETIN_AUDIENCE_TEAM -> Audience.TEAM;
            case BULLETIN_AUDIENCE_WALLBOARD -> Audience.WALLBOARD;
            default -> throw Errors.invalid("audience: " + a + " (expected: ALL, TEAM or WALLBOARD)");
        };
    }

    private static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }
}
