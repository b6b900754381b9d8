/** Airflow task-failure callbacks posted by {@code examples/airflow/meister_notifier.py}. */
@NullMarked
package dev.meister.bot.webhook.airflow;

import org.jspecify.annotations.NullMarked;
