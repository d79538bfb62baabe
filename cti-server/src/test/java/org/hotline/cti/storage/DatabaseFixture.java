package org.hotline.cti.storage;

import org.hotline.cti.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the storage tests that run on both databases: one fresh database per test class
 * (migrated by {@link Database#open}), emptied before each test. A test class extends it once
 * per {@link TestDatabase.Kind} (as {@code @Nested} classes {@code OnH2} and {@code OnMariaDb}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DatabaseFixture {
    protected static final String SITE = "site-1";

    protected Path dataDir;
    protected TestDatabase testDatabase;
    protected Database database;

    protected abstract TestDatabase.Kind kind();

    @BeforeAll
    void openDatabase() throws Exception {
        dataDir = Files.createTempDirectory("hotline-storage-test");
        testDatabase = TestDatabase.create(kind(), dataDir);
        database = Database.open(testDatabase.config());
    }

    @AfterAll
    void closeDatabase() throws Exception {
        if (database != null) {
            database.close();
        }
        if (testDatabase != null) {
            testDatabase.close();
        }
        TestFiles.deleteRecursively(dataDir);
    }

    @BeforeEach
    void emptyTables() throws Exception {
        TestDatabase.deleteAllRows(database);
    }
}
