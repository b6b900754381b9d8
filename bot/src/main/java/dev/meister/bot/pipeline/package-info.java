/** Pipeline SLA checks against Airflow's REST API. */
@NullMarked
package dev.meister.bot.pipeline;

import org.jspecify.annotations.NullMarked;
