/** The daily DAG status posts on a schedule, and {@code /status} wired to Airflow. */
@NullMarked
package dev.meister.bot.status;

import org.jspecify.annotations.NullMarked;
