-- A counter that every write bumps in its own transaction (an article stored, links saved), so that a reader
-- holding a view of the store (the API's corpus cache) can tell cheaply that it is stale, whoever wrote.
CREATE TABLE store_version (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL
);
INSERT INTO store_version (id, version) VALUES (1, 0);
