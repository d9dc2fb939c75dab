package org.oversight.deploy.support;

import java.time.LocalDate;
import org.oversight.deploy.generator.HistoryGenerator;
import org.oversight.deploy.generator.Loader;
import org.oversight.deploy.generator.Size;
import org.oversight.deploy.generator.Staff;
import org.oversight.deploy.history.EventStoreAccess;

/**
 * A fresh database whose event store holds a generated service, staff and children's histories, loaded the way
 * the benchmark loads its own: for a test that starts Oversight on a store already full (a rebuild, a backlog).
 */
public final class GeneratedStore {

    private GeneratedStore() {
    }

    /** Loads the service of this shape and seed, histories up to {@code today}; answers the database's address. */
    public static String load(Size shape, long seed, LocalDate today) throws Exception {
        Staff staff = Staff.generate(shape, seed);
        String jdbcUrl = TestPostgres.freshDatabase();
        try (EventStoreAccess store = new EventStoreAccess(jdbcUrl, "postgres", "", OversightTestApp.TEST_CHAIN_KEY,
                OversightTestApp.TEST_DATA_KEY, 3)) {
            Loader loader = new Loader(store, 1, 5_000, line -> { });
            loader.loadStaff(staff);
            loader.load(new HistoryGenerator(shape, seed, today, staff), staff);
        }
        return jdbcUrl;
    }
}
