package org.oversight.deploy.importing;

import java.time.Clock;
import javax.sql.DataSource;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.oversight.command.directory.Directory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The import of an authority's history from its returns, with its pages, on the service's own store. */
@Configuration(proxyBeanMethods = false)
@Import(ImportPages.class)
public class ImportConfiguration {

    @Bean
    HistoryImport historyImport(Directory directory, EventStorageEngine eventStorageEngine, DataSource dataSource,
            PlatformTransactionManager transactions, Clock clock) {
        return new HistoryImport(directory, eventStorageEngine, dataSource, new TransactionTemplate(transactions),
                clock);
    }

    @Bean(destroyMethod = "close")
    ImportRuns importRuns(HistoryImport historyImport) {
        return new ImportRuns(historyImport);
    }
}
