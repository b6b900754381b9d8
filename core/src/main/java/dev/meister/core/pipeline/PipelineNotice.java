package dev.meister.core.pipeline;

import dev.meister.core.validation.Checks;

/**
 * One message a pipeline rule posts once: which pipeline, which rule and about what (an alert id, a
 * period's start), so a restart neither loses nor repeats it.
 *
 * @param subject what the notice is about, e.g. {@code alert:12} or {@code 2026-11-23T09:00:00Z}
 */
public record PipelineNotice(String pipeline, Kind kind, String subject) {
  /** The rules that post pipeline notices. */
  public enum Kind {
    /** A failure not fixed by the pipeline's fix deadline. */
    FIX_BREACH,
    /** The owners tagged at the start of work hours for a failure posted silently. */
    WORK_HOURS_TAG,
    /** The periodic reminder of a pipeline without on-call. */
    CHECK_REMINDER
  }

  public PipelineNotice {
    Checks.notBlank(pipeline, "pipeline");
    Checks.notBlank(subject, "subject");
  }
}
