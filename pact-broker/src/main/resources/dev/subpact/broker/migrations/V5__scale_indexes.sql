-- Indexes for 100,000 consumer versions and 1,000,000 verifications: the consumer side of a
-- publication (integrations, a consumer's pacts), publications by content (verifications to
-- pacts) and verifications by provider version and content (the matrix).
CREATE INDEX pact_publications_by_consumer ON pact_publications (consumer_id, provider_id, consumer_version_id);
CREATE INDEX pact_publications_by_sha ON pact_publications (pact_sha, provider_id);
CREATE INDEX verifications_by_provider_version_and_pact ON verifications (provider_version_id, pact_sha);
