package dev.meister.core.team;

/** What a member may be asked to do beyond being on call. */
public enum Role {
  /** Tagged on top-priority alerts and when hand-offs or escalations stall. */
  TEAM_LEAD,
  /** May run state-changing commands; every configured member has it. */
  MEMBER
}
