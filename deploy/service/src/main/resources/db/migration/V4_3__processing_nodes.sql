-- Which nodes currently run which streaming processor: each node's heartbeat, so that the nodes can share a
-- processor's segments fairly (see SegmentBalancer). Rows of nodes that stopped without saying so age out.
CREATE TABLE processing_node (
    processor_name VARCHAR(255) NOT NULL,
    node_id        VARCHAR(255) NOT NULL,
    last_seen      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (processor_name, node_id)
);
