-- A route may name several chats: the first is where the on-call works, the others mirror the
-- alert for visibility (seed 001: "mention the failure in #guild-data-eng"). A mirror's copy is
-- linked like the alert's own messages, so an ack there counts and state changes edit it, but
-- flagged, so follow-ups stay in the first chat's thread.
ALTER TABLE message_links ADD COLUMN mirror BIGINT  NOT NULL DEFAULT 0;

-- /assign is queued like filing, so a GitHub outage delays it instead of refusing it: the GitHub
-- login to add as assignee of the alert's issue.
ALTER TABLE issue_requests ADD COLUMN assignee TEXT;
