package org.oversight.deploy.platform;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * An account that cannot be looked up because the database is down is not a failed sign-in: left to Spring
 * Security, it would be answered 401 (API) or "wrong password" (form), and a client would give up on good
 * credentials. Every authentication failure passes through the event publisher before it is answered; this one
 * is let out as it is instead, and {@link DatabaseUnavailableFilter} answers it 503.
 */
@Component
public class DatabaseUnavailableAtSignIn implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof AuthenticationEventPublisher publisher) {
            return new Publisher(publisher);
        }
        return bean;
    }

    /** Not a sign-in failure: the database that holds the accounts could not be reached. */
    public static final class Unreachable extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Unreachable(AuthenticationException failure) {
            super("The accounts could not be read: the database is unavailable", failure);
        }
    }

    private record Publisher(AuthenticationEventPublisher delegate) implements AuthenticationEventPublisher {

        @Override
        public void publishAuthenticationSuccess(Authentication authentication) {
            delegate.publishAuthenticationSuccess(authentication);
        }

        @Override
        public void publishAuthenticationFailure(AuthenticationException failure, Authentication authentication) {
            if (DatabaseUnavailable.causedBy(failure)) {
                throw new Unreachable(failure);
            }
            delegate.publishAuthenticationFailure(failure, authentication);
        }
    }
}
