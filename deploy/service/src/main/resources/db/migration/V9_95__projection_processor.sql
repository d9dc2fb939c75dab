-- Which processor reads the event store for each projection (deploy/service ProjectionGrouping): 'projections' for
-- those read together, the projection's own name for one read on its own. Written by each query node as it
-- starts; emptied together with tokenentry when every projection is rebuilt, after which they are read together.
CREATE TABLE projection_processor (
    projection varchar(100) PRIMARY KEY,
    processor  varchar(100) NOT NULL
);
