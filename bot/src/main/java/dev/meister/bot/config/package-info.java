/**
 * The one YAML configuration file: team, rotations, chats, routes and schedule changes, read into
 * immutable records and validated with every problem located at its file line.
 */
@NullMarked
package dev.meister.bot.config;

import org.jspecify.annotations.NullMarked;
