package org.hotline.cti.knowledge;

import java.sql.Connection;
import java.sql.Statement;

import org.hotline.cti.storage.DatabaseFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** {@link DatabaseFixture} with the knowledge tables emptied before each test and a store on them. */
abstract class KnowledgeDatabaseFixture extends DatabaseFixture {
    protected JdbcKnowledgeStore store;

    @BeforeAll
    void openStore() {
        store = new JdbcKnowledgeStore(database.dataSource(), SITE);
    }

    @BeforeEach
    void emptyKnowledgeTables() throws Exception {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM kb_article_tags");
            s.executeUpdate("DELETE FROM kb_articles");
            s.executeUpdate("DELETE FROM kb_bulletins");
        }
    }
}
