package dev.meister.core.alert;

/**
 * What an attempt to take an alert found.
 *
 * @param ack the alert's stored acknowledgement: this attempt's, or an earlier one
 * @param first true when this attempt is the stored acknowledgement, so the alert message is edited
 *     and the thread told; false when someone (maybe the same member) took it before
 */
public record AckResult(Alert alert, Acknowledgement ack, boolean first) {}
