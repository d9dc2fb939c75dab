package org.oversight.deploy.support;

import java.util.ArrayList;
import java.util.List;
import org.oversight.deploy.OversightApplication;
import org.oversight.deploy.embedded.EmbeddedDatabase;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the real all-in-one application (with the embedded profile's demo people, but no demo children)
 * against a given database on a random port, as a browser or an HTTP client sees it.
 */
public final class OversightTestApp implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private OversightTestApp(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static OversightTestApp start(String jdbcUrl, String... extraArguments) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication app = new SpringApplication(OversightApplication.class);
        app.setAdditionalProfiles(EmbeddedDatabase.PROFILE, "no-demo-children");
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--server.port=0",
                "--spring.main.banner-mode=off"));
        args.addAll(List.of(extraArguments));
        return new OversightTestApp(app.run(args.toArray(String[]::new)));
    }

    public String baseUrl() {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
