package dev.meister.bot.config;

import dev.meister.core.alert.PrioritySetting;

/**
 * Alerts matching {@code match} get at least {@code setting}'s level, and its tags, whichever route
 * they took.
 */
public record PriorityRule(String name, MatchConfig match, PrioritySetting setting) {}
