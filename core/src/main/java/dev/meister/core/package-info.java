/**
 * Meister's application core: the domain and the services that run it, pure Java; each service
 * takes its ports (stores, outbox, chat, issue tracker, Airflow reader, clock) in its constructor.
 */
@NullMarked
package dev.meister.core;

import org.jspecify.annotations.NullMarked;
