/**
 * Airflow's stable REST API (v1 for Airflow 2, v2 for Airflow 3): DAG runs and task instances, and
 * the runbook actions that clear, mark and pause them.
 */
@NullMarked
package dev.meister.bot.airflow;

import org.jspecify.annotations.NullMarked;
