package dev.meister.core.silence;

import dev.meister.core.alert.Alert;
import dev.meister.core.alert.AlertStore;
import dev.meister.core.alert.Route;
import dev.meister.core.alert.Router;
import dev.meister.core.chat.AlertId;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.RichText;
import dev.meister.core.delivery.Outbox;
import dev.meister.core.delivery.PendingMessage;
import dev.meister.core.timing.DueWork;
import dev.meister.core.tx.Transactions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a quiet silence ends (its time is up or it was lifted), each chat whose alerts it kept back
 * gets one summary: "3 alerts were silenced by #4 'Exchange maintenance'", listing them. The
 * summary is marked in the transaction that queues it, so it is posted exactly once, also across
 * restarts. Also opens the configured maintenance windows on time, so they are stored (and listed)
 * even before an alert comes.
 */
public final class SilenceSummaries implements DueWork {
  private static final Logger log = LoggerFactory.getLogger(SilenceSummaries.class);

  /** At most this many alerts are listed in a summary; the count covers them all. */
  static final int LISTED = 20;

  private final Silences silences;
  private final Router routes;
  private final AlertStore alerts;
  private final Outbox outbox;
  private final Transactions transactions;

  public SilenceSummaries(
      Silences silences,
      Router routes,
      AlertStore alerts,
      Outbox outbox,
      Transactions transactions) {
    this.silences = silences;
    this.routes = routes;
    this.alerts = alerts;
    this.outbox = outbox;
    this.transactions = transactions;
  }

  @Override
  public String name() {
    return "silences";
  }

  @Override
  public Optional<Instant> runDue(Instant now) {
    transactions.inTransaction(
        () -> {
          silences.materialise(now);
          return Boolean.TRUE;
        });
    for (Silence s : silences.store().summariesDue(now)) {
      try {
        summarise(s, now);
      } catch (RuntimeException e) {
        log.error("summarising silence {} failed", s.label(), e);
      }
    }
    return silences.nextChange(now);
  }

  private void summarise(Silence s, Instant now) {
    Map<ChatRef, List<Alert>> byChat = new LinkedHashMap<>();
    for (AlertId id : silences.store().quietlyCaught(s.id())) {
      Optional<Alert> alert = alerts.find(id);
      Optional<Route> route = alert.flatMap(routes::routeOf);
      if (alert.isPresent() && route.isPresent()) {
        byChat.computeIfAbsent(route.get().chat(), c -> new ArrayList<>()).add(alert.get());
      }
    }
    boolean posted =
        transactions.inTransaction(
            () -> {
              if (!silences.store().summarised(s.id(), now)) {
                return false;
              }
              byChat.forEach(
                  (chat, caught) ->
                      outbox.enqueue(PendingMessage.post(chat, summary(s, caught), null)));
              return true;
            });
    if (posted) {
      log.info("silence {} ended; {} chat(s) told what it kept back", s.label(), byChat.size());
    }
  }

  /** "3 alerts were silenced by #4 'Exchange maintenance':" and the first of them. */
  static OutgoingMessage summary(Silence s, List<Alert> caught) {
    int n = caught.size();
    RichText.Builder text =
        RichText.builder()
            .emoji("no_bell")
            .text(" ")
            .bold(
                n
                    + (n == 1 ? " alert was silenced by " : " alerts were silenced by ")
                    + s.label()
                    + ":");
    for (Alert a : caught.subList(0, Math.min(n, LISTED))) {
      text.newline().text("#" + a.storedId() + " ");
      String title = SilenceTexts.cap(a.title());
      Optional<String> url = a.origin().pageUrl();
      if (url.isPresent()) {
        text.link(title, url.get());
      } else {
        text.text(title);
      }
    }
    if (n > LISTED) {
      text.newline().text("… and " + (n - LISTED) + " more.");
    }
    return OutgoingMessage.of(text.newline().text("Reply /ack ID to take one.").build());
  }
}
