package dev.meister.core.intake;

import dev.meister.core.alert.AlertStore;
import dev.meister.core.alert.RunHistory;
import dev.meister.core.chat.MessageLinkStore;
import dev.meister.core.delivery.Outbox;
import dev.meister.core.filing.GreenNotices;
import dev.meister.core.filing.IssueRequests;

/**
 * The stores one intake writes to, all in the same transaction.
 *
 * @param requests where the log analysis of a new build failure is queued for the filing worker
 */
public record IntakeStores(
    AlertStore alerts,
    RunHistory runs,
    GreenNotices notices,
    MessageLinkStore messages,
    Outbox outbox,
    IssueRequests requests) {}
