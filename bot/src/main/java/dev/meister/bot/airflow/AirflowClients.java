package dev.meister.bot.airflow;

import dev.meister.bot.config.AirflowInstance;
import dev.meister.core.status.DagRunSource;
import java.util.LinkedHashMap;
import java.util.Map;

/** One client per configured Airflow instance, by instance name. */
public final class AirflowClients {
  private AirflowClients() {}

  public static Map<String, DagRunSource> of(Map<String, AirflowInstance> instances) {
    Map<String, DagRunSource> clients = new LinkedHashMap<>();
    instances.forEach((name, instance) -> clients.put(name, new AirflowClient(instance)));
    return clients;
  }
}
