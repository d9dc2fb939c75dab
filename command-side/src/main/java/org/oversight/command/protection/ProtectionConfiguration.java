package org.oversight.command.protection;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Supplies the quoracy rule unless the deployment supplies a local-authority-specific one. */
@Configuration(proxyBeanMethods = false)
public class ProtectionConfiguration {

    @Bean
    @ConditionalOnMissingBean
    QuoracyPolicy quoracyPolicy() {
        return new DefaultQuoracyPolicy();
    }
}
