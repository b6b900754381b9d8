package dev.meister.core.lease;

/**
 * One tenure of the lead.
 *
 * @param holder the instance holding it
 * @param token the fencing token: grows with every change of holder (and every new start), so a
 *     write checked against it fails once anyone else has taken the lease since
 */
public record Lease(String holder, long token) {}
