-- Dossier schema v1 (PostgreSQL; the same tables as ../../sqlite/migrations/0001-init.sql). The full Doc is kept as JSON (articles.meta, articles.layers); the other
-- per-article tables are normalized copies written in the same transaction, for querying only.
-- Offsets are UTF-16 code units into articles.text, end-exclusive.

CREATE TABLE articles (
  seq             INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY, -- insertion order
  id              TEXT NOT NULL UNIQUE,
  content_hash    TEXT NOT NULL UNIQUE,
  title           TEXT,
  outlet          TEXT,
  url             TEXT,
  source_path     TEXT,
  published       TEXT,
  language        TEXT,
  original_source TEXT,
  original_author TEXT,
  meta            TEXT NOT NULL, -- JSON text, not jsonb: kept byte-for-byte (escapes included)
  text            TEXT NOT NULL,
  layers          TEXT NOT NULL,
  added_at        TEXT NOT NULL
);

CREATE TABLE blocks (
  article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx     INTEGER NOT NULL,
  type    TEXT NOT NULL CHECK (type IN ('headline','subhead','body','caption','byline','source_line','author_bio','boilerplate')),
  "start" INTEGER NOT NULL,
  "end"   INTEGER NOT NULL CHECK ("end" >= "start"),
  text    TEXT NOT NULL,
  PRIMARY KEY (article, idx)
);

CREATE TABLE entities (
  article    TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx        INTEGER NOT NULL,
  type       TEXT NOT NULL,
  name       TEXT NOT NULL,
  aliases    TEXT NOT NULL, -- JSON array
  gender     TEXT,
  attributes TEXT NOT NULL, -- JSON array of {name, value, start, end}
  PRIMARY KEY (article, idx)
);
CREATE INDEX entities_name ON entities(name);

CREATE TABLE mentions (
  article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx     INTEGER NOT NULL,
  type    TEXT NOT NULL,
  text    TEXT NOT NULL,
  "start" INTEGER NOT NULL,
  "end"   INTEGER NOT NULL,
  entity  INTEGER, -- idx in entities of the same article
  PRIMARY KEY (article, idx)
);

CREATE TABLE quotes (
  article         TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx             INTEGER NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('direct','indirect','mixed')),
  text            TEXT NOT NULL,
  speaker_name    TEXT,
  speaker_entity  INTEGER, -- idx in entities of the same article
  speaker_mention TEXT,
  cue             TEXT,
  cue_lemma       TEXT,
  medium          TEXT,
  block           INTEGER,
  "start"         INTEGER NOT NULL,
  "end"           INTEGER NOT NULL,
  PRIMARY KEY (article, idx)
);
CREATE INDEX quotes_speaker ON quotes(speaker_name);

CREATE TABLE dates (
  article    TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx        INTEGER NOT NULL,
  text       TEXT NOT NULL,
  value      TEXT,
  precision  TEXT NOT NULL,
  range_from TEXT,
  range_to   TEXT,
  relative   INTEGER NOT NULL,
  source     TEXT NOT NULL,
  "start"    INTEGER NOT NULL,
  "end"      INTEGER NOT NULL,
  PRIMARY KEY (article, idx)
);

CREATE TABLE events (
  article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx     INTEGER NOT NULL,
  text    TEXT NOT NULL,
  date    INTEGER NOT NULL, -- idx in dates
  status  TEXT NOT NULL,
  actors  TEXT NOT NULL,    -- JSON array of entity idx
  "start" INTEGER NOT NULL,
  "end"   INTEGER NOT NULL,
  PRIMARY KEY (article, idx)
);

CREATE TABLE assessments (
  article       TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx           INTEGER NOT NULL,
  proposition   TEXT NOT NULL,
  normalized    TEXT NOT NULL,
  band          TEXT NOT NULL,
  cue           TEXT NOT NULL,
  holder_entity INTEGER,
  holder_name   TEXT,
  horizon       TEXT,
  quote         INTEGER,
  "start"       INTEGER NOT NULL,
  "end"         INTEGER NOT NULL,
  PRIMARY KEY (article, idx)
);

-- Searchable text, one row per article: the given title and the headline, subhead and body blocks
-- (each kind joined by newlines), weighted A/A/B/D for ts_rank. Captions, bylines, source lines and
-- boilerplate are not searched.
CREATE TABLE search_text (
  article  TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  title    TEXT,
  headline TEXT,
  subhead  TEXT,
  body     TEXT,
  tsv      tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('english', coalesce(headline, '')), 'A') ||
    setweight(to_tsvector('english', coalesce(subhead, '')), 'B') ||
    setweight(to_tsvector('english', coalesce(body, '')), 'D')
  ) STORED
);
CREATE INDEX search_text_tsv ON search_text USING GIN (tsv);

-- Cross-article links, replaced whole by saveLinks. Members point at articles loosely (no foreign key):
-- links are recomputed from the stored Docs, and a stale set must never block adding an article.
CREATE TABLE global_entities (
  id      TEXT PRIMARY KEY,
  pos     INTEGER NOT NULL,
  type    TEXT NOT NULL,
  name    TEXT NOT NULL,
  aliases TEXT NOT NULL, -- JSON array
  merges  TEXT NOT NULL  -- JSON array of reasons
);
CREATE TABLE global_entity_members (
  entity  TEXT NOT NULL REFERENCES global_entities(id) ON DELETE CASCADE,
  pos     INTEGER NOT NULL,
  article TEXT NOT NULL,
  member  INTEGER NOT NULL, -- idx in that article's entities
  PRIMARY KEY (entity, pos)
);
CREATE INDEX global_entity_members_article ON global_entity_members(article, member);

CREATE TABLE questions (
  id   TEXT PRIMARY KEY,
  pos  INTEGER NOT NULL,
  text TEXT NOT NULL
);
CREATE TABLE question_assessments (
  question   TEXT NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
  pos        INTEGER NOT NULL,
  article    TEXT NOT NULL,
  assessment INTEGER NOT NULL,
  PRIMARY KEY (question, pos)
);

CREATE TABLE stories (
  id    TEXT PRIMARY KEY,
  pos   INTEGER NOT NULL,
  title TEXT NOT NULL
);
CREATE TABLE story_articles (
  story   TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  pos     INTEGER NOT NULL,
  article TEXT NOT NULL,
  PRIMARY KEY (story, pos)
);
CREATE INDEX story_articles_article ON story_articles(article);
CREATE TABLE story_provenance (
  story   TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  pos     INTEGER NOT NULL,
  article TEXT NOT NULL,
  origin  TEXT NOT NULL, -- an article id, or 'outlet:<name>'
  reason  TEXT NOT NULL,
  PRIMARY KEY (story, pos)
);
