package dev.meister.core.pipeline;

import dev.meister.core.alert.AirflowTask;
import dev.meister.core.alert.Route;
import dev.meister.core.alert.Router;
import dev.meister.core.chat.ChatRef;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where a pipeline's notices go: the chat of the route its DAG's failures take. */
final class PipelineChats {
  private static final Logger log = LoggerFactory.getLogger(PipelineChats.class);

  private final Router router;

  PipelineChats(Router router) {
    this.router = router;
  }

  Optional<ChatRef> chatOf(Pipeline p) {
    // Matched as a task of the DAG that names no task, tags or region.
    Optional<Route> route = router.route(AirflowTask.builder(p.dagId()).build());
    if (route.isEmpty()) {
      log.warn(
          "no route matches DAG {} of pipeline {}: its notices are not posted",
          p.dagId(),
          p.name());
    }
    return route.map(Route::chat);
  }
}
