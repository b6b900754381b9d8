package dev.meister.bot.airflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meister.bot.config.AirflowInstance;
import dev.meister.core.status.RunSourceException.Reason;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * The one place an Airflow call is made, for the readers ({@link AirflowClient}) and the runbook
 * actions ({@link AirflowActions}) alike: the instance's REST root, its signed requests, its
 * timeouts, and what each answer means, as an {@link AirflowException} that names the instance and
 * never a credential.
 */
final class AirflowHttp {
  static final ObjectMapper JSON = new ObjectMapper();

  private static final MediaType JSON_TYPE = MediaType.get("application/json");

  /** Airflow's explanations are short; a proxy's HTML error page is not, and is cut. */
  private static final int MAX_DETAIL = 300;

  private final AirflowInstance instance;
  private final HttpUrl api;
  private final OkHttpClient http;
  private final AirflowAuth auth;

  AirflowHttp(AirflowInstance instance, OkHttpClient http) {
    this.instance = instance;
    HttpUrl base = HttpUrl.parse(instance.url());
    if (base == null) {
      throw new IllegalArgumentException(
          "airflow." + instance.name() + ".url '" + instance.url() + "' is not an http(s) URL");
    }
    this.api = base.newBuilder().addPathSegments(instance.api().path()).build();
    this.http = http;
    this.auth = new AirflowAuth(instance, base, http, JSON, this::describe);
  }

  AirflowInstance instance() {
    return instance;
  }

  /** {@code .../api/v2/dags/{dagId}}, to add more segments to. */
  HttpUrl.Builder dag(String dagId) {
    return api.newBuilder().addPathSegment("dags").addPathSegment(dagId);
  }

  /** GETs {@code url}; {@code what} names the object asked for, e.g. "DAG prod-dagao". */
  JsonNode get(HttpUrl url, String what) {
    return call(new Request.Builder().url(url).get(), what);
  }

  /** Sends {@code body} as JSON with {@code method} (POST, PATCH). */
  JsonNode send(String method, HttpUrl url, JsonNode body, String what) {
    return call(
        new Request.Builder()
            .url(url)
            .method(method, RequestBody.create(body.toString(), JSON_TYPE)),
        what);
  }

  private JsonNode call(Request.Builder builder, String what) {
    Request request = builder.header("Accept", "application/json").build();
    try (Response response = auth.execute(request)) {
      ResponseBody body = response.body();
      String text = body == null ? "" : body.string();
      if (!response.isSuccessful()) {
        throw failure(response, text, what);
      }
      try {
        JsonNode json = JSON.readTree(text);
        if (json == null || !json.isObject()) {
          throw bad(what, "not a JSON object");
        }
        return json;
      } catch (JsonProcessingException e) {
        throw bad(what, "not JSON");
      }
    } catch (InterruptedIOException timeout) {
      throw new AirflowException(
          Reason.UNREACHABLE,
          describe() + " did not answer within " + instance.timeout().toSeconds() + "s",
          timeout);
    } catch (IOException e) {
      throw new AirflowException(
          Reason.UNREACHABLE,
          describe() + " is unreachable (" + e.getClass().getSimpleName() + ")",
          e);
    }
  }

  private AirflowException failure(Response response, String text, String what) {
    int code = response.code();
    String detail = detail(text);
    if (code == 401 || code == 403) {
      return new AirflowException(
          Reason.REFUSED,
          describe()
              + " refused the request (HTTP "
              + code
              + "): check the credentials in airflow."
              + instance.name(),
          code,
          detail,
          null);
    }
    if (code == 404) {
      return new AirflowException(
          Reason.NOT_FOUND,
          describe() + " does not know " + what + " (HTTP 404)",
          code,
          detail,
          null);
    }
    if (code >= 400 && code < 500 && code != 408 && code != 429) {
      return new AirflowException(
          Reason.REFUSED,
          describe()
              + " refused "
              + what
              + " (HTTP "
              + code
              + ")"
              + (detail == null ? "" : ": " + detail),
          code,
          detail,
          null);
    }
    return new AirflowException(
        Reason.UNREACHABLE,
        describe() + " answered HTTP " + code + " for " + what,
        code,
        detail,
        retryAfter(response));
  }

  /**
   * Airflow's words for a failure: v1 answers RFC 7807 problem JSON ({@code title}, {@code
   * detail}); v2 FastAPI's {@code {"detail": "..."}}, or for a 422 a list of {@code {loc, msg}}.
   */
  static @Nullable String detail(String text) {
    JsonNode json;
    try {
      json = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return null;
    }
    if (json == null || !json.isObject()) {
      return null;
    }
    JsonNode detail = json.path("detail");
    String words = null;
    if (detail.isTextual()) {
      words = detail.asText();
    } else if (detail.isArray() && !detail.isEmpty()) {
      JsonNode first = detail.get(0);
      words = first.isTextual() ? first.asText() : validation(first);
    } else if (detail.isObject()) {
      words = detail.toString();
    }
    if (words == null || words.isBlank()) {
      words = json.path("title").asText("");
    }
    words = words.replaceAll("\\s+", " ").trim();
    if (words.isEmpty()) {
      return null;
    }
    return words.length() > MAX_DETAIL ? words.substring(0, MAX_DETAIL) + "…" : words;
  }

  /** FastAPI's {@code {"loc": ["body", "dry_run"], "msg": "Extra inputs are not permitted"}}. */
  private static String validation(JsonNode error) {
    StringBuilder loc = new StringBuilder();
    for (JsonNode part : error.path("loc")) {
      if (!part.asText().equals("body")) {
        loc.append(loc.length() == 0 ? "" : ".").append(part.asText());
      }
    }
    String msg = error.path("msg").asText("");
    return loc.length() == 0 ? msg : loc + ": " + msg;
  }

  /**
   * {@code Retry-After} in seconds, or as an HTTP date measured against the answer's own {@code
   * Date} (so no local clock is read); absent when neither makes sense.
   */
  static @Nullable Duration retryAfter(Response response) {
    String value = response.header("Retry-After");
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
    } catch (NumberFormatException notSeconds) {
      String date = response.header("Date");
      if (date == null) {
        return null;
      }
      try {
        Duration wait =
            Duration.between(
                ZonedDateTime.parse(date.trim(), DateTimeFormatter.RFC_1123_DATE_TIME),
                ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (DateTimeParseException e) {
        return null;
      }
    }
  }

  AirflowException bad(String what, @Nullable String why) {
    return new AirflowException(
        Reason.BAD_RESPONSE,
        describe() + " sent an unexpected answer for " + what + ": " + why,
        200);
  }

  /** "Airflow 'prod' at airflow.example.com": never the URL's user info or query. */
  String describe() {
    return "Airflow '"
        + instance.name()
        + "' at "
        + api.host()
        + (api.port() == HttpUrl.defaultPort(api.scheme()) ? "" : ":" + api.port());
  }

  /** Releases the connection pool and the dispatcher's threads. */
  void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
