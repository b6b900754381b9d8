package dev.meister.bot.airflow;

import dev.meister.bot.config.AirflowInstance;
import java.util.LinkedHashMap;
import java.util.Map;

/** One client per configured Airflow instance, by instance name. */
public final class AirflowClients {
  private AirflowClients() {}

  public static Map<String, AirflowClient> of(Map<String, AirflowInstance> instances) {
    Map<String, AirflowClient> clients = new LinkedHashMap<>();
    instances.forEach((name, instance) -> clients.put(name, new AirflowClient(instance)));
    return clients;
  }
}
