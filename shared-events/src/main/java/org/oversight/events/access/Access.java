package org.oversight.events.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The operation an endpoint performs, and so the access rule that guards it. Every request handler carries one
 * (on the method, or on its class for all of its methods); a handler without one is refused to everybody.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Access {
    Operation value();
}
