/** Pipelines (Airflow DAGs) with their owners, SLA and known failure hints. */
@NullMarked
package dev.meister.core.pipeline;

import org.jspecify.annotations.NullMarked;
