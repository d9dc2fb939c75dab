package org.oversight.command.web;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.oversight.command.directory.Directory;
import org.oversight.events.RecordedBy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Stamps every command, at the moment it is sent, with who is sending it (from the security context, never
 * from the request), the server-clock time and a correlation id. Axon copies these keys onto every event the
 * command causes (see {@code CommandSideConfiguration}).
 *
 * <p>The stamp is registered on the command bus, which every command passes through, and deliberately is not
 * itself a {@link MessageDispatchInterceptor} bean: Axon's auto-configuration adds every such bean to the
 * command gateway as well, which stamped each command twice (two look-ups of the display name per command).
 */
@Component
public class RecordingUser {

    private final Clock clock;
    private final Directory directory;

    public RecordingUser(Clock clock, Directory directory) {
        this.clock = clock;
        this.directory = directory;
    }

    @Autowired
    void stampEveryCommandOn(CommandBus commandBus) {
        commandBus.registerDispatchInterceptor(this::handle);
    }

    BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication == null || !authentication.isAuthenticated()
                    || authentication instanceof AnonymousAuthenticationToken) {
                throw new IllegalStateException("A command was sent without a signed-in user to record it against");
            }
            String username = authentication.getName();
            Map<String, Object> stamp = new HashMap<>();
            stamp.put(RecordedBy.USERNAME, username);
            stamp.put(RecordedBy.DISPLAY_NAME, directory.displayName(username).orElse(username));
            stamp.put(RecordedBy.RECORDED_AT, clock.instant().toString());
            if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                    && request.getRequest().getAttribute(AccessToChildren.STATED_REASON) instanceof String reason) {
                stamp.put(RecordedBy.STATED_REASON, reason);
            }
            if (!command.getMetaData().containsKey(RecordedBy.CORRELATION_ID)) {
                stamp.put(RecordedBy.CORRELATION_ID, UUID.randomUUID().toString());
            }
            return command.andMetaData(stamp);
        };
    }
}
