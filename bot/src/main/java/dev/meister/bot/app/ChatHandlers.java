package dev.meister.bot.app;

import dev.meister.bot.config.ChatTarget;
import dev.meister.bot.config.MeisterConfig;
import dev.meister.core.action.ActionButtons;
import dev.meister.core.action.ActionCommand;
import dev.meister.core.action.AuditCommand;
import dev.meister.core.alert.AckCommand;
import dev.meister.core.alert.AckEvents;
import dev.meister.core.alert.Acknowledgements;
import dev.meister.core.alert.AlertCopies;
import dev.meister.core.calendar.CalendarAccess;
import dev.meister.core.calendar.CalendarCommand;
import dev.meister.core.chat.ButtonAction;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.ChatRoutes;
import dev.meister.core.chat.HelpCommand;
import dev.meister.core.escalation.EscalateCommand;
import dev.meister.core.escalation.HandEscalations;
import dev.meister.core.filing.AssignCommand;
import dev.meister.core.filing.BreakLog;
import dev.meister.core.filing.FilingButtons;
import dev.meister.core.filing.IssueCommand;
import dev.meister.core.filing.IssueDesk;
import dev.meister.core.filing.IssueTracker;
import dev.meister.core.filing.PostmortemCommand;
import dev.meister.core.filing.Reasons;
import dev.meister.core.filing.ReportDesk;
import dev.meister.core.filing.ResolveCommand;
import dev.meister.core.filing.TopCommand;
import dev.meister.core.flaky.FlakyTests;
import dev.meister.core.handoff.HandoffButtons;
import dev.meister.core.handoff.HandoffCommand;
import dev.meister.core.handoff.Handoffs;
import dev.meister.core.question.DoneCommand;
import dev.meister.core.question.HelpChannels;
import dev.meister.core.question.Questions;
import dev.meister.core.question.TriageCommand;
import dev.meister.core.review.IssueReviews;
import dev.meister.core.review.IssuesCommand;
import dev.meister.core.schedule.OverrideCommand;
import dev.meister.core.schedule.RequestArguments;
import dev.meister.core.schedule.RequestButtons;
import dev.meister.core.schedule.Rotation;
import dev.meister.core.schedule.RotationChats;
import dev.meister.core.schedule.RotationId;
import dev.meister.core.schedule.ScheduleCommand;
import dev.meister.core.schedule.ScheduleRequests;
import dev.meister.core.schedule.SwapCommand;
import dev.meister.core.schedule.WhoIsOnCallCommand;
import dev.meister.core.silence.SilenceCommand;
import dev.meister.core.silence.Silences;
import dev.meister.core.silence.SilencesCommand;
import dev.meister.core.silence.SnoozeCommand;
import dev.meister.core.silence.UnsilenceCommand;
import dev.meister.storage.Storage;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every chat command, button and reply the bot serves, registered here and nowhere else: one
 * handler per command and per {@link ButtonAction}. The order of the commands is the order {@code
 * /help} lists them in.
 */
final class ChatHandlers {
  private ChatHandlers() {}

  /** The services the handlers work with; the composition root builds each once. */
  record Services(
      Meister meister,
      Acknowledgements acks,
      Handoffs handoffs,
      ScheduleRequests requests,
      IssueDesk desk,
      IssueReviews reviews,
      Optional<IssueTracker> github,
      HandEscalations escalations,
      boolean filingEnabled,
      AlertCopies copies,
      Actions actions,
      Silences silences,
      Clock clock) {}

  private static final String QUESTION_OUTSIDERS =
      "Sorry, only members of the team can close a question.";

  /** The questions asked in the rotations' help channels (seed 001, "support our clients"). */
  static Questions questions(Services s) {
    MeisterConfig config = s.meister().config();
    Map<RotationId, List<ChatRef>> channels = new LinkedHashMap<>();
    config
        .duties()
        .issueReviews()
        .helpChannels()
        .forEach((r, targets) -> channels.put(r, targets.stream().map(ChatTarget::ref).toList()));
    Storage storage = s.meister().storage();
    return new Questions(
        new HelpChannels(channels),
        s.meister().directory(),
        config.team(),
        storage.questions(),
        storage.outbox(),
        storage.database());
  }

  static ChatRoutes routes(Services s) {
    MeisterConfig config = s.meister().config();
    Storage storage = s.meister().storage();
    ChatRoutes routes = new ChatRoutes();
    routes
        .command(new WhoIsOnCallCommand(s.meister().directory(), config.team()))
        .command(new ScheduleCommand(s.meister().directory(), config.team()));
    if (!config.statusPosts().isEmpty()) {
      routes.command(s.meister().statusCommand());
    }
    routes.command(new HelpCommand(routes.commands()));

    AckEvents acks = new AckEvents(s.acks());
    routes
        .command(new AckCommand(s.acks()))
        .button(ButtonAction.Ack.class, AckEvents.OUTSIDERS, acks::pressed)
        .button(ButtonAction.AckMessage.class, AckEvents.OUTSIDERS, acks::pressedOld)
        .reply(AckEvents::acknowledges, AckEvents.OUTSIDERS_REPLY, acks::replied);
    routes.command(new EscalateCommand(s.escalations(), storage.messageLinks()));
    Function<ChatRef, ZoneId> zones = zones(config);
    routes
        .command(
            new SnoozeCommand(
                storage.snoozes(),
                storage.alerts(),
                storage.resolutions(),
                storage.messageLinks(),
                zones,
                s.clock()))
        .command(new SilenceCommand(s.silences(), config.team(), zones, s.clock()))
        .command(new SilencesCommand(s.silences(), config.team(), zones, s.clock()))
        .command(new UnsilenceCommand(s.silences(), config.team(), zones, s.clock()));

    HandoffButtons handoffs = new HandoffButtons(s.handoffs());
    routes
        .command(new HandoffCommand(s.handoffs(), config.team()))
        .button(ButtonAction.HandedOver.class, HandoffButtons.OUTSIDERS, handoffs::handedOver)
        .button(ButtonAction.AcceptHandoff.class, HandoffButtons.OUTSIDERS, handoffs::accepted);

    RequestArguments arguments =
        new RequestArguments(s.meister().directory(), config.team(), Duties.rotationChats(config));
    RequestButtons requests = new RequestButtons(s.requests());
    routes
        .command(new OverrideCommand(s.requests(), arguments))
        .command(new SwapCommand(s.requests(), arguments))
        .button(ButtonAction.AcceptRequest.class, RequestButtons.OUTSIDERS, requests::accept)
        .button(ButtonAction.DeclineRequest.class, RequestButtons.OUTSIDERS, requests::decline);

    RotationChats rotationChats =
        new RotationChats(s.meister().directory(), Duties.rotationChats(config));
    Questions questions = questions(s);
    DoneCommand done = new DoneCommand(questions);
    routes
        .command(new TriageCommand(questions, rotationChats))
        .command(done)
        .button(ButtonAction.CloseQuestion.class, QUESTION_OUTSIDERS, done.button())
        .reply(done::wants, QUESTION_OUTSIDERS, done.reply())
        .mention(questions);

    // The feeds are served with the web page, so without web: /calendar says it needs it.
    routes.command(
        new CalendarCommand(
            new CalendarAccess(storage.calendarTokens(), config.team(), s.clock()),
            s.meister().directory(),
            config.web().enabled()
                ? config.web().baseUrl().map(java.net.URI::toString)
                : Optional.empty()));

    BreakLog log =
        new BreakLog(
            storage.alerts(), storage.issueLinks(), storage.resolutions(), s.actions().log());
    FilingButtons filing = new FilingButtons(s.desk());
    routes
        .command(
            new IssueCommand(
                s.desk(),
                storage.messageLinks(),
                config.priorities(),
                Optional.of(
                    new ReportDesk(
                        s.filingEnabled(),
                        storage.issueReports(),
                        config.rotations(),
                        Duties.rotationChats(config),
                        config.priorities(),
                        s.clock()))))
        .command(
            new ResolveCommand(
                storage.resolutions(),
                storage.messageLinks(),
                storage.alerts(),
                new Reasons(config.github().reasons()),
                s.clock(),
                Optional.of(storage.issueReports()),
                Optional.of(s.copies())))
        .command(new PostmortemCommand(log))
        .command(
            new TopCommand(
                log,
                s.clock(),
                Optional.of(
                    new FlakyTests(
                        storage.buildRuns(),
                        storage.messageLinks(),
                        storage.outbox(),
                        Optional.empty()))))
        .command(new IssuesCommand(s.reviews(), rotationChats, questions))
        .command(
            new AssignCommand(
                s.filingEnabled(),
                storage.issueRequests(),
                storage.messageLinks(),
                storage.issueLinks(),
                storage.alerts(),
                config.team(),
                s.clock()))
        .button(ButtonAction.FileIssue.class, FilingButtons.OUTSIDERS, filing::fileIssue)
        .button(ButtonAction.SameAs.class, FilingButtons.OUTSIDERS, filing::sameAs);

    ActionButtons actions = new ActionButtons(s.actions().desk());
    routes
        .command(new ActionCommand(s.actions().desk(), storage.messageLinks()))
        .command(new AuditCommand(s.actions().log()))
        .button(ButtonAction.ShowActions.class, ActionButtons.OUTSIDERS, actions::showActions)
        .button(ButtonAction.RunAction.class, ActionButtons.OUTSIDERS, actions::run)
        .button(ButtonAction.ConfirmAction.class, ActionButtons.OUTSIDERS, actions::confirm)
        .button(ButtonAction.CancelAction.class, ActionButtons.OUTSIDERS, actions::cancel)
        .button(ButtonAction.ApproveAction.class, ActionButtons.OUTSIDERS, actions::approve)
        .button(ButtonAction.DenyAction.class, ActionButtons.OUTSIDERS, actions::deny);
    return routes;
  }

  /** A chat's zone: its rotation's, else the first rotation's (the team's), else UTC. */
  private static Function<ChatRef, ZoneId> zones(MeisterConfig config) {
    Map<dev.meister.core.schedule.RotationId, ChatRef> chats = Duties.rotationChats(config);
    ZoneId team =
        config.rotations().stream().findFirst().map(Rotation::zone).orElse(ZoneOffset.UTC);
    return chat ->
        chats.entrySet().stream()
            .filter(e -> e.getValue().equals(chat))
            .findFirst()
            .flatMap(e -> config.rotation(e.getKey()))
            .map(Rotation::zone)
            .orElse(team);
  }
}
