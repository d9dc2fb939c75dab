package org.oversight.deploy.importing;

import org.oversight.query.access.SignedInPeople;
import org.oversight.query.access.SignedInPeopleConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The import where the command side runs on its own (the split topology): the import writes through the
 * aggregates and the event store, so its pages and runs are served by the command service, and the router sends
 * every request under {@code /imports} there (a run's progress and report are kept in the memory of the node that
 * runs it). The command service runs none of the query side's web configuration, so the import pages bring the
 * signed-in {@code Person} for their handlers ({@link SignedInPeople}) and their header ({@link ImportPageShell}).
 */
@Configuration(proxyBeanMethods = false)
@Import({ImportConfiguration.class, SignedInPeople.class, SignedInPeopleConfiguration.class, ImportPageShell.class})
public class ImportOnTheCommandService {
}
