package org.oversight.deploy.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oversight.deploy.embedded.EmbeddedServer;

/**
 * The embedded default's PostgreSQL on its own: it admits no connection without its password, also on a data
 * directory made before it had one, and it refuses a data directory of an older PostgreSQL without touching it.
 */
class EmbeddedServerIT {

    @TempDir
    Path scratch;

    @Test
    void aNewDatabaseAdmitsOnlyItsOwnPasswordKeptBesideItReadableByItsOwnerAlone() throws Exception {
        Path data = scratch.resolve("postgres");
        try (EmbeddedServer server = EmbeddedServer.start(data, 0, Map.of())) {
            Path passwordFile = EmbeddedServer.passwordFile(data);
            assertThat(passwordFile.getParent()).isEqualTo(data.getParent());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
                    .isEqualTo("rw-------");
            assertThat(Files.readString(passwordFile).strip()).isEqualTo(server.password()).hasSizeGreaterThan(20);

            assertThat(select(server.jdbcUrl(), server.password(), "SELECT 1")).isEqualTo("1");
            assertRefused(server.jdbcUrl(), "");
            assertRefused(server.jdbcUrl(), "not-the-password");
            assertRefused(server.jdbcUrl().replace("localhost", "127.0.0.1"), "");
        }
    }

    @Test
    void aDatabaseMadeWhenEveryLocalConnectionWasTrustedKeepsItsDataAndThenRequiresThePassword() throws Exception {
        Path data = scratch.resolve("postgres");
        int port;
        try (EmbeddedPostgres older = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                .start()) {
            port = older.getPort();
            try (Connection connection = older.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE kept (note TEXT)");
                statement.execute("INSERT INTO kept VALUES ('from before')");
            }
            assertThat(select(older.getJdbcUrl("postgres", "postgres"), "", "SELECT count(*) FROM kept"))
                    .as("the older database trusts every local connection").isEqualTo("1");
        }

        try (EmbeddedServer server = EmbeddedServer.start(data, port, Map.of())) {
            assertThat(select(server.jdbcUrl(), server.password(), "SELECT note FROM kept")).isEqualTo("from before");
            assertRefused(server.jdbcUrl(), "");
        }
        try (EmbeddedServer again = EmbeddedServer.start(data, port, Map.of())) {
            assertThat(select(again.jdbcUrl(), again.password(), "SELECT note FROM kept")).isEqualTo("from before");
            assertRefused(again.jdbcUrl(), "");
        }
    }

    @Test
    void aDataDirectoryOfAnOlderPostgresqlIsRefusedWithWhatToDoAndLeftExactlyAsItWas() throws Exception {
        Path data = Files.createDirectories(scratch.resolve("postgres"));
        Files.writeString(data.resolve("PG_VERSION"), "14\n");
        Files.writeString(data.resolve("postgresql.conf"), "# made by PostgreSQL 14\n");
        Files.writeString(data.resolve("pg_hba.conf"), "local all all trust\n");
        Files.createDirectories(data.resolve("base"));
        Map<String, String> before = contents(data);

        assertThatThrownBy(() -> EmbeddedServer.start(data, 0, Map.of()))
                .isInstanceOf(EmbeddedServer.OtherMajorVersion.class)
                .hasMessageContaining("PostgreSQL 14")
                .hasMessageContaining("PostgreSQL " + EmbeddedServer.MAJOR_VERSION)
                .hasMessageContaining("Nothing in it has been changed")
                .hasMessageContaining("mv " + data.getParent());
        assertThat(contents(data)).isEqualTo(before);
        assertThat(EmbeddedServer.passwordFile(data)).doesNotExist();
    }

    private static Map<String, String> contents(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.collect(java.util.stream.Collectors.toMap(p -> directory.relativize(p).toString(), p -> {
                try {
                    return Files.isDirectory(p) ? "<dir>" : Files.readString(p)
                            + Files.getLastModifiedTime(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }
    }

    static String select(String url, String password, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, EmbeddedServer.USERNAME, password);
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    static void assertRefused(String url, String password) {
        assertThatThrownBy(() -> DriverManager.getConnection(url, EmbeddedServer.USERNAME, password).close())
                .as("a connection with the password '%s'", password)
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isIn("28P01", "08004"));
    }
}
