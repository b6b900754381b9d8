package dev.meister.bot.airflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meister.bot.config.AirflowApi;
import dev.meister.bot.config.AirflowInstance;
import dev.meister.core.status.RunSourceException.Reason;
import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * Signs requests for one instance: a configured bearer token as is; a username and password as
 * basic auth on Airflow 2, or, on Airflow 3, exchanged at {@code POST /auth/token} for a JWT that
 * is kept until Airflow answers 401 (it expired), then fetched once more.
 */
final class AirflowAuth {
  private static final MediaType JSON_TYPE = MediaType.get("application/json");

  private final AirflowInstance instance;
  private final HttpUrl tokenUrl;
  private final OkHttpClient http;
  private final ObjectMapper json;
  private final Supplier<String> describe;
  private @Nullable String jwt;

  AirflowAuth(
      AirflowInstance instance,
      HttpUrl base,
      OkHttpClient http,
      ObjectMapper json,
      Supplier<String> describe) {
    this.instance = instance;
    this.tokenUrl = base.newBuilder().addPathSegments("auth/token").build();
    this.http = http;
    this.json = json;
    this.describe = describe;
  }

  /** Executes {@code request} signed; the caller closes the response. */
  Response execute(Request request) throws IOException {
    if (!exchangesPassword()) {
      return http.newCall(sign(request)).execute();
    }
    String token = jwt();
    Response response = http.newCall(bearer(request, token)).execute();
    if (response.code() != 401) {
      return response;
    }
    response.close();
    forget(token);
    return http.newCall(bearer(request, jwt())).execute();
  }

  private boolean exchangesPassword() {
    return instance.api() == AirflowApi.V2
        && !instance.token().isPresent()
        && instance.username() != null;
  }

  private Request sign(Request request) {
    if (instance.token().isPresent()) {
      return bearer(request, instance.token().reveal());
    }
    String user = instance.username();
    if (user != null && instance.password().isPresent()) {
      return request
          .newBuilder()
          .header("Authorization", Credentials.basic(user, instance.password().reveal()))
          .build();
    }
    return request;
  }

  private static Request bearer(Request request, String token) {
    return request.newBuilder().header("Authorization", "Bearer " + token).build();
  }

  private synchronized void forget(String token) {
    if (token.equals(jwt)) {
      jwt = null;
    }
  }

  private synchronized String jwt() throws IOException {
    String current = jwt;
    if (current != null) {
      return current;
    }
    String body =
        json.writeValueAsString(
            Map.of(
                "username",
                String.valueOf(instance.username()),
                "password",
                instance.password().isPresent() ? instance.password().reveal() : ""));
    Request request =
        new Request.Builder()
            .url(tokenUrl)
            .post(RequestBody.create(body, JSON_TYPE))
            .header("Accept", "application/json")
            .build();
    try (Response response = http.newCall(request).execute()) {
      if (response.code() == 401 || response.code() == 403) {
        throw new AirflowException(
            Reason.REFUSED,
            describe.get()
                + " refused the username and"
                + " password (HTTP "
                + response.code()
                + "): check airflow."
                + instance.name(),
            response.code());
      }
      if (!response.isSuccessful()) {
        throw new AirflowException(
            Reason.UNREACHABLE,
            describe.get() + " answered HTTP " + response.code() + " when asked for a token",
            response.code());
      }
      ResponseBody responseBody = response.body();
      JsonNode answer;
      try {
        answer = json.readTree(responseBody == null ? "" : responseBody.string());
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        answer = null;
      }
      JsonNode token = answer == null ? null : answer.get("access_token");
      if (token == null || !token.isTextual() || token.asText().isBlank()) {
        throw new AirflowException(
            Reason.BAD_RESPONSE,
            describe.get() + " sent no access_token from /auth/token",
            response.code());
      }
      jwt = token.asText();
      return token.asText();
    }
  }
}
