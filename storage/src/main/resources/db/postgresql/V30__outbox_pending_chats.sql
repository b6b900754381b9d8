-- The chats that have pending messages, and only those: the delivery round walks this index chat by
-- chat (one seek each), so its cost follows the chats with something to send, not every chat that
-- ever had a message (outbox_chat holds the delivered rows too; with 650 chats the walk was most of
-- the time from a webhook to its message).
CREATE INDEX outbox_pending_chat ON outbox (platform, chat_id, thread_id, id) WHERE state = 'pending';
