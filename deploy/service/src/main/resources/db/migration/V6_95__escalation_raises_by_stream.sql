-- Destroying a child's record finds the escalations raised about the child from their raises. Without this the
-- search read every event in the store, once per destruction: at national size each decision took seconds. The
-- index holds only the raises, so it stays small however long the history grows.
CREATE INDEX domainevententry_escalation_raised
    ON domainevententry (aggregateidentifier)
    WHERE payloadtype = 'org.oversight.events.escalation.EscalationRaised';
