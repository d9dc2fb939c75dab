package org.oversight.deploy.importing;

import jakarta.servlet.MultipartConfigElement;
import java.time.Clock;
import javax.sql.DataSource;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.oversight.command.directory.Directory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * The import of an authority's history from its returns, with its pages, on the service's own store, and the
 * size an upload may be: {@code oversight.import.max-upload-size} (64 MB unless set) for the import's files, the
 * small limits of before for any other upload (see {@link UploadLimits}).
 */
@Configuration(proxyBeanMethods = false)
@Import(ImportPages.class)
public class ImportConfiguration {

    /** The servlet container's limit on any upload: the largest of the limits; UploadLimits holds each to its own. */
    @Bean
    MultipartConfigElement multipartConfigElement(
            @Value("${oversight.import.max-upload-size:64MB}") DataSize importUpload) {
        long most = Math.max(importUpload.toBytes(), UploadLimits.OTHER_REQUEST_BYTES);
        return new MultipartConfigElement(null, most, most, (int) DataSize.ofMegabytes(1).toBytes());
    }

    @Bean
    FilterRegistrationBean<UploadLimits> uploadLimits(
            @Value("${oversight.import.max-upload-size:64MB}") DataSize importUpload) {
        FilterRegistrationBean<UploadLimits> registration = new FilterRegistrationBean<>(
                new UploadLimits(importUpload.toBytes()));
        // before sign-in and the CSRF check, which would read a part of a too-big form and answer 403
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }

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
