/** Data pipelines (Airflow DAGs) with their owners, SLA checks and known failure hints. */
@NullMarked
package dev.meister.core.pipeline;

import org.jspecify.annotations.NullMarked;
