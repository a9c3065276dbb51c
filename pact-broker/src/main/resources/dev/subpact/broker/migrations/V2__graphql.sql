-- Provider GraphQL schemas per provider version, and which contracts use which schema coordinate.
CREATE TABLE graphql_schemas (
  version_id BIGINT PRIMARY KEY REFERENCES versions (id),
  sdl TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE field_usages (
  pact_sha TEXT NOT NULL REFERENCES pact_contents (sha),
  coordinate TEXT NOT NULL,
  interaction TEXT NOT NULL,
  PRIMARY KEY (pact_sha, coordinate, interaction)
);
CREATE INDEX field_usages_by_coordinate ON field_usages (coordinate);
