package dev.meister.bot.config;

import dev.meister.core.alert.Priority;

/** Alerts matching {@code match} get {@code priority}, whichever route they took. */
public record PriorityRule(String name, MatchConfig match, Priority priority) {}
