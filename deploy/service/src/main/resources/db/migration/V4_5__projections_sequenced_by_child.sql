-- The protection and looked-after projections were split among their segments by stream; they are now split by
-- child (ChildSequencing: "protection-<child>" and "care-<child>" count as the child), which moves their events
-- between segments. A segment whose position was past an event its previous owner had not yet applied would skip
-- it, so every segment of those two starts again from the earliest position among them: the events after it are
-- applied again by the segment that now holds them (the projections are idempotent) and none is skipped. The
-- other projections keep their split (their streams are named by the child, an escalation or an authority).
-- Upgrade every query node together: a node still splitting by stream would apply events the others also apply.

-- The usual case: every position is a plain gap-aware token; each segment takes the earliest.
UPDATE tokenentry t
   SET token = earliest.token, tokentype = earliest.tokentype
  FROM (SELECT DISTINCT ON (processorname) processorname, token, tokentype
          FROM tokenentry
         WHERE processorname IN ('protection', 'looked-after') AND token IS NOT NULL
         ORDER BY processorname,
                  substring(convert_from(token, 'UTF8') FROM '"index":([0-9]+)')::BIGINT) earliest
 WHERE t.processorname = earliest.processorname
   AND t.token IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM tokenentry other
                    WHERE other.processorname = t.processorname AND other.token IS NOT NULL
                      AND other.tokentype <> 'org.axonframework.eventhandling.GapAwareTrackingToken');

-- Anything else (a replay under way): the projection's segments start from the beginning of the store instead,
-- which applies every event again and likewise skips none.
UPDATE tokenentry t
   SET token = NULL, tokentype = NULL
 WHERE t.processorname IN ('protection', 'looked-after')
   AND EXISTS (SELECT 1 FROM tokenentry other
                WHERE other.processorname = t.processorname AND other.token IS NOT NULL
                  AND other.tokentype <> 'org.axonframework.eventhandling.GapAwareTrackingToken');
