-- Pacticipants, versions, branches, tags, content-addressed pacts, verifications,
-- environments, deployments, releases and webhooks. Timestamps are ISO-8601 UTC text.
CREATE TABLE pacticipants (
  id ${id},
  name TEXT NOT NULL UNIQUE,
  display_name TEXT,
  repository_url TEXT,
  main_branch TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE versions (
  id ${id},
  pacticipant_id BIGINT NOT NULL REFERENCES pacticipants (id),
  number TEXT NOT NULL,
  build_url TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (pacticipant_id, number)
);
CREATE TABLE branch_versions (
  pacticipant_id BIGINT NOT NULL REFERENCES pacticipants (id),
  branch TEXT NOT NULL,
  version_id BIGINT NOT NULL REFERENCES versions (id),
  created_at TEXT NOT NULL,
  PRIMARY KEY (pacticipant_id, branch, version_id)
);
CREATE TABLE tags (
  version_id BIGINT NOT NULL REFERENCES versions (id),
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (version_id, name)
);
CREATE INDEX tags_by_name ON tags (name, version_id);
CREATE TABLE pact_contents (
  sha TEXT PRIMARY KEY,
  content TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE pact_publications (
  id ${id},
  consumer_version_id BIGINT NOT NULL REFERENCES versions (id),
  provider_id BIGINT NOT NULL REFERENCES pacticipants (id),
  consumer_id BIGINT NOT NULL REFERENCES pacticipants (id),
  pact_sha TEXT NOT NULL REFERENCES pact_contents (sha),
  created_at TEXT NOT NULL,
  UNIQUE (consumer_version_id, provider_id)
);
CREATE INDEX pact_publications_by_provider ON pact_publications (provider_id, consumer_id, consumer_version_id);
CREATE TABLE verifications (
  id ${id},
  pact_sha TEXT NOT NULL REFERENCES pact_contents (sha),
  provider_version_id BIGINT NOT NULL REFERENCES versions (id),
  success INTEGER NOT NULL,
  kind TEXT NOT NULL,
  build_url TEXT,
  test_results TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX verifications_by_pact ON verifications (pact_sha, provider_version_id);
CREATE INDEX verifications_by_provider_version ON verifications (provider_version_id);
CREATE TABLE environments (
  uuid TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  display_name TEXT,
  production INTEGER NOT NULL,
  contacts TEXT,
  created_at TEXT NOT NULL
);
CREATE TABLE deployed_versions (
  uuid TEXT PRIMARY KEY,
  version_id BIGINT NOT NULL REFERENCES versions (id),
  environment_uuid TEXT NOT NULL REFERENCES environments (uuid),
  application_instance TEXT,
  currently_deployed INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  undeployed_at TEXT
);
CREATE INDEX deployed_versions_current ON deployed_versions (environment_uuid, currently_deployed);
CREATE TABLE released_versions (
  uuid TEXT PRIMARY KEY,
  version_id BIGINT NOT NULL REFERENCES versions (id),
  environment_uuid TEXT NOT NULL REFERENCES environments (uuid),
  currently_supported INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  support_ended_at TEXT,
  UNIQUE (version_id, environment_uuid)
);
CREATE TABLE webhooks (
  uuid TEXT PRIMARY KEY,
  description TEXT,
  consumer_name TEXT,
  consumer_label TEXT,
  provider_name TEXT,
  provider_label TEXT,
  events TEXT NOT NULL,
  request TEXT NOT NULL,
  enabled INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE webhook_executions (
  id ${id},
  webhook_uuid TEXT NOT NULL,
  event TEXT NOT NULL,
  success INTEGER NOT NULL,
  attempts INTEGER NOT NULL,
  log TEXT NOT NULL,
  created_at TEXT NOT NULL
);
