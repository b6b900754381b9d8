package dev.meister.core.schedule;

/**
 * A weekend on-call that replaces the weekday primary during a recurring window. Each occurrence of
 * the window is one shift; the roster advances by one member per occurrence, member #1 taking the
 * first window that starts at or after the rotation's first shift.
 */
public record WeekendLayer(WeeklyWindow window, Roster roster) {}
