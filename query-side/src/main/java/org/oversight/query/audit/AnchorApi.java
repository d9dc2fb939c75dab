package org.oversight.query.audit;

import java.time.Instant;
import org.oversight.events.access.Operation;
import org.oversight.events.access.Access;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Anchors the event chain outside the database on demand, and says when it was last anchored. */
@RestController
public class AnchorApi {

    private final ChainAnchor anchor;

    public AnchorApi(ChainAnchor anchor) {
        this.anchor = anchor;
    }

    /** @param anchoredAt when the latest anchor was written; {@code null} when there is none */
    public record Status(boolean enabled, Instant anchoredAt, int streams) {
    }

    @Access(Operation.ANCHOR_CHAIN)
    @PostMapping("/api/audit/anchor")
    ChainAnchor.Written anchorNow() {
        if (!anchor.enabled()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                    "Anchoring is off: set oversight.audit.anchor-file to a file outside the database");
        }
        return anchor.anchor();
    }

    @Access(Operation.READ_ANCHOR)
    @GetMapping("/api/audit/anchor")
    Status status() {
        return anchor.latest().map(a -> new Status(true, a.at(), a.heads().size()))
                .orElse(new Status(anchor.enabled(), null, 0));
    }
}
