-- Indexes for the set-based queries of for-verification and can-i-deploy.
CREATE INDEX branch_versions_by_version ON branch_versions (version_id, branch);
CREATE INDEX branch_versions_by_branch ON branch_versions (pacticipant_id, branch, version_id);
CREATE INDEX deployed_versions_by_version ON deployed_versions (version_id, currently_deployed);
CREATE INDEX pact_publications_by_consumer_version ON pact_publications (consumer_version_id, provider_id);
CREATE INDEX verifications_success ON verifications (pact_sha, success, kind, provider_version_id);
