package org.hotline.cti.knowledge;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.hotline.cti.core.CommandException;

import static java.util.Objects.requireNonNull;

/**
 * {@link KnowledgeStore} on the {@code kb_*} tables (migration V4) with plain JDBC: the rows are
 * few and simple, the corpus is streamed once at start for the index, and batch inserts of
 * generated corpora need JDBC batches anyway. Times are DATETIME(3) holding UTC.
 */
public final class JdbcKnowledgeStore implements KnowledgeStore {
    private static final int BATCH = 500;
    private static final String ARTICLE_COLUMNS =
            "id, title, category, body, standard_answer, version, updated_at, updated_by";

    private final DataSource dataSource;
    private final String siteId;

    public JdbcKnowledgeStore(DataSource dataSource, String siteId) {
        this.dataSource = requireNonNull(dataSource, "dataSource");
        this.siteId = requireNonNull(siteId, "siteId");
    }

    @Override
    public void forEachArticle(Consumer<Article> action) {
        try (Connection c = dataSource.getConnection()) {
            Map<Long, List<String>> tags = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT t.article_id, t.tag FROM kb_article_tags t"
                    + " JOIN kb_articles a ON a.id = t.article_id WHERE a.site_id = ? ORDER BY t.article_id, t.tag")) {
                ps.setString(1, siteId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        tags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ARTICLE_COLUMNS
                    + " FROM kb_articles WHERE site_id = ? ORDER BY id")) {
                ps.setString(1, siteId);
                ps.setFetchSize(1_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        action.accept(article(rs, tags.getOrDefault(rs.getLong(1), List.of())));
                    }
                }
            }
        } catch (SQLException e) {
            throw failed("reading the knowledge articles", e);
        }
    }

    @Override
    public Optional<Article> article(long id) {
        try (Connection c = dataSource.getConnection()) {
            return article(c, id);
        } catch (SQLException e) {
            throw failed("reading article " + id, e);
        }
    }

    private Optional<Article> article(Connection c, long id) throws SQLException {
        List<String> tags = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT tag FROM kb_article_tags WHERE article_id = ? ORDER BY tag")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tags.add(rs.getString(1));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT " + ARTICLE_COLUMNS
                + " FROM kb_articles WHERE id = ? AND site_id = ?")) {
            ps.setLong(1, id);
            ps.setString(2, siteId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(article(rs, tags)) : Optional.empty();
            }
        }
    }

    @Override
    public long articleCount() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM kb_articles WHERE site_id = ?")) {
            ps.setString(1, siteId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw failed("counting articles", e);
        }
    }

    @Override
    public Article insert(Article draft, String by, Instant at) {
        return insertAll(List.of(draft), by, at).get(0);
    }

    @Override
    public List<Article> insertAll(List<Article> drafts, String by, Instant at) {
        requireNonNull(by, "by");
        Instant when = at.truncatedTo(ChronoUnit.MILLIS);
        List<Article> saved = new ArrayList<>(drafts.size());
        inTransaction("storing " + drafts.size() + " articles", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO kb_articles (site_id, title, category, body,"
                    + " standard_answer, updated_by, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS);
                 PreparedStatement tags = c.prepareStatement("INSERT INTO kb_article_tags (article_id, tag) VALUES (?, ?)")) {
                for (int from = 0; from < drafts.size(); from += BATCH) {
                    List<Article> chunk = drafts.subList(from, Math.min(drafts.size(), from + BATCH));
                    for (Article a : chunk) {
                        ps.setString(1, siteId);
                        ps.setString(2, a.title());
                        ps.setString(3, a.category());
                        ps.setString(4, a.body());
                        ps.setString(5, a.standardAnswer());
                        ps.setString(6, by);
                        ps.setObject(7, utc(when));
                        ps.setObject(8, utc(when));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        for (Article a : chunk) {
                            if (!keys.next()) {
                                throw new SQLException("the database returned fewer generated ids than rows inserted");
                            }
                            Article s = a.saved(keys.getLong(1), 1, when, by);
                            saved.add(s);
                            for (String tag : s.tags()) {
                                tags.setLong(1, s.id());
                                tags.setString(2, tag);
                                tags.addBatch();
                            }
                        }
                    }
                    tags.executeBatch();
                }
            }
            return null;
        });
        return saved;
    }

    @Override
    public Article update(Article edited, String by, Instant at) {
        requireNonNull(by, "by");
        Instant when = at.truncatedTo(ChronoUnit.MILLIS);
        return inTransaction("updating article " + edited.id(), c -> {
            int n;
            try (PreparedStatement ps = c.prepareStatement("UPDATE kb_articles SET title = ?, category = ?, body = ?,"
                    + " standard_answer = ?, updated_by = ?, updated_at = ?, version = version + 1"
                    + " WHERE id = ? AND site_id = ? AND version = ?")) {
                ps.setString(1, edited.title());
                ps.setString(2, edited.category());
                ps.setString(3, edited.body());
                ps.setString(4, edited.standardAnswer());
                ps.setString(5, by);
                ps.setObject(6, utc(when));
                ps.setLong(7, edited.id());
                ps.setString(8, siteId);
                ps.setLong(9, edited.version());
                n = ps.executeUpdate();
            }
            if (n == 0) {
                Optional<Article> current = article(c, edited.id());
                if (current.isEmpty()) {
                    throw new CommandException(CommandException.Code.NOT_FOUND,
                            "article " + edited.id() + ": not found (expected: an existing article id)");
                }
                throw new CommandException(CommandException.Code.FAILED_PRECONDITION, "article " + edited.id()
                        + " was saved by " + current.get().updatedBy() + " in between: version "
                        + edited.version() + " (expected: " + current.get().version() + "; reload and edit again)");
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM kb_article_tags WHERE article_id = ?")) {
                ps.setLong(1, edited.id());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO kb_article_tags (article_id, tag) VALUES (?, ?)")) {
                for (String tag : edited.tags()) {
                    ps.setLong(1, edited.id());
                    ps.setString(2, tag);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return edited.saved(edited.id(), edited.version() + 1, when, by);
        });
    }

    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    private <T> T inTransaction(String what, SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw failed(what, e);
        }
    }

    @Override
    public boolean delete(long id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM kb_articles WHERE id = ? AND site_id = ?")) {
            ps.setLong(1, id);
            ps.setString(2, siteId);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw failed("deleting article " + id, e);
        }
    }

    @Override
    public Bulletin insert(Bulletin b) {
        Instant at = b.publishedAt().truncatedTo(ChronoUnit.MILLIS);
        Instant from = b.validFrom().truncatedTo(ChronoUnit.MILLIS);
        Instant until = b.validUntil().truncatedTo(ChronoUnit.MILLIS);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO kb_bulletins (site_id, title, body, audience, team_id,"
                     + " valid_from, valid_until, published_by, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, siteId);
            ps.setString(2, b.title());
            ps.setString(3, b.body());
            ps.setString(4, b.audience().name());
            ps.setString(5, b.teamId());
            ps.setObject(6, utc(from));
            ps.setObject(7, utc(until));
            ps.setString(8, b.publishedBy());
            ps.setObject(9, utc(at));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return new Bulletin(keys.getLong(1), b.title(), b.body(), b.audience(), b.teamId(), from, until,
                        b.publishedBy(), at);
            }
        } catch (SQLException e) {
            throw failed("storing bulletin '" + b.title() + "'", e);
        }
    }

    @Override
    public List<Bulletin> bulletinsUntilAfter(Instant at) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id, title, body, audience, team_id, valid_from, valid_until,"
                     + " published_by, published_at FROM kb_bulletins WHERE site_id = ? AND valid_until > ? ORDER BY id")) {
            ps.setString(1, siteId);
            ps.setObject(2, utc(at));
            List<Bulletin> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new Bulletin(rs.getLong(1), rs.getString(2), rs.getString(3),
                            Audience.valueOf(rs.getString(4)), rs.getString(5), instant(rs, 6), instant(rs, 7),
                            rs.getString(8), instant(rs, 9)));
                }
            }
            return list;
        } catch (SQLException e) {
            throw failed("reading bulletins", e);
        }
    }

    private static Article article(ResultSet rs, List<String> tags) throws SQLException {
        return new Article(rs.getLong(1), rs.getString(2), rs.getString(3), tags, rs.getString(4), rs.getString(5),
                rs.getLong(6), instant(rs, 7), rs.getString(8));
    }

    private static LocalDateTime utc(Instant t) {
        return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
    }

    private static CommandException failed(String what, SQLException e) {
        return new CommandException(CommandException.Code.UNAVAILABLE, what + " failed: " + e.getMessage()
                + " (expected: a reachable database)");
    }
}
