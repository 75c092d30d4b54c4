"""The composition root's parts: services built once (with the clock), start-up steps, and every feature
plugged into the engine, in one place. `bot.__main__` and the CLI runtime call these; nothing else wires."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from datetime import datetime, timedelta, tzinfo
from pathlib import Path

from bot.asking import cannot_do, export_asked, kb_shared, learning, remind_asked, unanswered_asked
from bot.asking import feature as knowledge_feature
from bot.asking import leaders as leaders_feature
from bot.asking.duplicate_named import with_questions
from bot.asking.rescreen import rescreen_at_start
from bot.audits import (
    action_chase,
    chase_several,
    checklist_asked,
    checklist_preview,
    done_picked,
    draft_waiting,
    grade_asked,
    grade_disagree,
    guidance_asked,
    manager_words,
    moderation_action_asked,
    moderation_action_question,
    moderation_asked,
    moderation_change,
    moderation_change_worded,
    moderation_outcome_asked,
    moderation_refusal,
    moderation_release,
    moderation_skip,
    monthly_sample,
    more_time,
    more_time_pending,
    more_time_refusal,
    more_time_waiting,
    overdue_asked,
    own_audits_asked,
    own_supervision,
    plain_commands,
    reaudit_asked,
    reaudit_outcomes,
    reaudit_start,
    reopen_picked,
    response_waiting,
    resume_pick,
    start_hinted,
    start_in_words,
    worker_home,
    wrong_one,
)
from bot.audits import feature as audits_feature
from bot.audits import reaudits as reaudits_feature
from bot.campaigns import feature as campaigns_feature
from bot.campaigns import progress_asked as campaign_progress_asked
from bot.campaigns import started_asked as campaign_started_asked
from bot.campaigns import team_changes
from bot.campaigns import worded as campaigns_worded
from bot.core.knowledge import KnowledgeService
from bot.core.replies import count_of
from bot.core.services import Services, utc_now
from bot.digests import agreement_asked, areas, export_sent, figures_asked
from bot.digests import auditors as auditors_feature
from bot.digests import dashboard as dashboard_feature
from bot.digests import feature as digests_feature
from bot.engine import confirmations, typed_commands
from bot.engine import help as help_feature
from bot.engine import home as home_feature
from bot.engine.routing import Engine
from bot.oversight.leavers import remember_people
from bot.oversight.role_changes import record_role_changes
from bot.privacy.knowledge_screen import Withheld, checklist_identifier_problems, start_checklist_screen, start_screen
from bot.privacy.screen import Screen
from bot.reminders import away_change, away_for_worded, away_worded, pause_asked, reminder_time, resume_worded
from bot.reminders import feature as reminders_feature
from bot.settings.config import Settings
from bot.storage import Storage
from bot.storage import learned as learned_store
from knowledge.checklist_schema import Checklist
from knowledge.dates import time_on_day
from knowledge.entries import EntryTexts
from knowledge.folded_items import folder_warnings

log = logging.getLogger("audit_bot.knowledge")


def build_engine(services: Services) -> Engine:
    """Wire every feature into a fresh engine; the order of message handlers is set by priorities."""
    # long because it is the one list of every feature, a line each: split, the wiring would be in two places
    engine = Engine(services.directory, clock=services.clock)
    engine.set_echo_screen(lambda quoted: not services.identifier_screen.find(quoted))  # trial 36: no echo of a name
    help_feature.install(engine, services)
    confirmations.install(engine, services)
    home_feature.install(engine, services)
    audits_feature.install(engine, services)
    done_picked.install(engine, services)  # *Done: action 150* picked by number in the terminal: asked first
    reopen_picked.install(engine, services)  # *Change answers* picked by number in the terminal: asked first
    reaudits_feature.install(engine, services)
    reaudit_start.install(engine, services)  # `re-audit CR-632084`
    reaudit_outcomes.install(engine, services)  # "are re-audits showing improvement?"
    moderation_change.install(engine, services)  # `change moderation 137`
    monthly_sample.install(engine, services)  # `moderate sample november`, "draw this month's moderation sample"
    moderation_release.install(engine, services)  # `stop moderating 82`, `send back 82 <note>`
    moderation_change_worded.install(engine, services)  # "oops i need to change my moderation on 137, wrong reason"
    chase_several.install(engine, services)  # `chase 18, 19 and 34`, `chase all overdue` (trial 41)
    action_chase.install(engine, services)  # `chase action 9`, "remind sw s1 about action 18"
    more_time.install(engine, services)  # `extend 110 to 14/12`, "more time on action 110"
    more_time_pending.install(engine, services)  # "Until when?", "Which action?", `actually make it …` (trial 41)
    more_time_refusal.install(engine, services)  # the reason typed after *Say no*
    wrong_one.install(engine, services)  # "oops wrong one i meant 101" just after `done 14` (trial 37)
    response_waiting.install(engine, services)  # Home: "Moderations waiting for your response: #111"
    more_time_waiting.install(engine, services)  # Home, and "has anyone asked me for more time" (trial 43)
    grade_asked.install(engine, services)  # "why is 116 inadequate??" (trial 37)
    resume_pick.install(engine, services)  # a line typed while `resume` waits for a draft to be picked (trial 56)
    draft_waiting.install(engine, services)  # `ri` typed with a draft waiting unattended: not a question (trial 57)
    grade_disagree.install(engine, services)  # `appeal 132`, "i dont think thats fair" (trial 41)
    guidance_asked.install(engine, services)  # "what does good look like for q4 on audit 139" (trial 52)
    overdue_asked.install(engine, services)  # "whats overdue", "who in my team is behind"
    export_asked.install(engine, services)  # "can i export this for ofsted" (trial 40)
    moderation_asked.install(engine)  # "what needs moderating", "moderation queue"
    moderation_refusal.install(engine, services)  # "can i moderate my own audit 125" (trial 52)
    moderation_action_asked.install(engine, services)  # "can i add an action to 27?" (trial 33)
    moderation_outcome_asked.install(engine, services)  # "why was my audit 76 regraded" (trial 64)
    moderation_action_question.install(engine, services)  # "can i skip the action?" at an Inadequate's (trial 39)
    moderation_skip.install(engine, services)  # *Skip* at the action offered with a disagreement (fix43b)
    own_supervision.install(engine, services)  # "can i audit my own supervision?" (trial 36)
    manager_words.install(engine, services)  # "where was i", "team actions", "can u nudge sw s1 about 18"
    worker_home.install(engine, services)  # `worker S1`, "show me sw s1's audits" (trial 43), and on Home (fix44e)
    reaudit_asked.install(engine, services)  # "when will CR-139561 be re-audited" (trial 56 F10)
    own_audits_asked.install(engine, services)  # "just had my case audited, where can i see it", `my audtis`
    start_in_words.install(engine, services)  # "start a neglect audit on cr 771234 for S1"
    start_hinted.install(engine, services)  # "i want to audit one of s1's cin cases" (trial 43)
    plain_commands.install(engine, services)  # "chase 9 - overdue since sept", "grant 94", "move action 151 to 18/12"
    checklist_preview.install(engine, services)  # `checklist cp plan`, "show me the neglect checklist"
    checklist_asked.install(engine, services)  # "what will the auditor look at on my neglect case"
    campaigns_feature.install(engine, services)
    campaigns_worded.install(engine, services)  # "close campaign 1", "set up a … audit round"
    campaign_progress_asked.install(engine, services)  # "how is the voice campaign going?"
    campaign_started_asked.install(engine, services)  # "who hasnt started the neglect audits yet"
    knowledge_feature.install(engine, services)
    leaders_feature.install(engine, services)
    unanswered_asked.install(engine, services)  # a QA lead's "dismiss that", "out of scope 10"
    reminders_feature.install(engine, services)
    away_change.install(engine, services)  # "my leave has changed its 22nd dec not 21st", "cancel my leave"
    away_worded.install(engine, services)  # "im on leave all next week, tm north covering"
    away_for_worded.install(engine, services)  # "S1 is on leave next week, can you stop her reminders"
    pause_asked.install(engine, services)  # `pause my reminders`: "Until when?" (trial 48)
    resume_worded.install(engine, services)  # "turn my reminders back on", "im back": `away off` (trial 49)
    reminder_time.install(engine, services)  # "remind me at 2pm instead of 9.30", "set up my reminders" (trial 58)
    remind_asked.install(engine, services)  # "remind me on friday to …": it can't, and what it does send (trial 48)
    cannot_do.install(engine, services)  # "email my manager the audit", "book me a room": it can't (trial 48)
    digests_feature.install(engine, services)
    export_sent.install(engine, services)  # `/audit export`: the files in the DM (fix43b)
    agreement_asked.install(engine, services)  # "agreement rates by team?"
    areas.install(engine, services)  # `/audit areas`: grades by practice area
    figures_asked.install(engine, services)  # "whats our moderation agreement rate", "which practice areas…"
    auditors_feature.install(engine, services)
    dashboard_feature.install(engine, services)
    typed_commands.install(engine, services)
    return engine


def build_services(settings: Settings, clock: Callable[[], datetime] = utc_now,
                   knowledge: KnowledgeService | None = None, screen: Screen | None = None) -> Services:
    """Build the services once, then run the start-up steps explicitly; the caller owns closing storage.

    The identifier screen is loaded first, then the knowledge base, screened as `kb check` screens it: an
    entry whose text could identify a child or family is not served (the rest is), and the log says where in
    one line, QA leads and admins on their Home tab and by message (bot/asking/admin.py). A folder with problems
    starts the bot on the last version that loaded cleanly (kept in the cache beside the database), with a
    warning naming every problem in the log and on QA leads' and admins' Home tabs; with no such version it
    raises KnowledgeBaseError before any file is opened, so the bot refuses to start with the list of what to
    fix. Building opens nothing else; `start_up` is where the database is migrated and role changes go into the
    trail. A knowledge service already loaded from `settings.knowledge_dir` may be passed in (tests share one per
    session), and so may a loaded identifier screen: its name lists are kept and these settings' own names and
    case reference pattern added.
    """
    council = (settings.names, settings.case_reference_pattern)
    screen = screen.for_council(*council) if screen is not None else Screen.load(*council)
    if knowledge is None:
        knowledge = screened_knowledge(settings.knowledge_dir, screen, settings.cache_dir, fall_back=True)
        if knowledge.last_good_start is not None:
            warn_last_good_start(knowledge, settings.timezone)
        if knowledge.withheld_start is not None:
            warn_withheld_start(knowledge)
        warn_checklists_withheld(knowledge)
        if knowledge.start_changes is not None:
            changes = knowledge.start_changes
            log.warning("The knowledge base changed since the bot last served it: %s added, %d changed, %d "
                        "removed (`/audit kb reload` lists them).", count_of(len(changes.added), "entry", "entries"),
                        len(changes.changed), len(changes.removed))
        if knowledge.start_checklist_changes is not None:
            changes = knowledge.start_checklist_changes
            log.warning("Checklists changed since the bot last served them: %s added, %d changed, %d removed "
                        "(`/audit kb reload` lists them).", count_of(len(changes.added), "checklist"),
                        len(changes.changed), len(changes.removed))
    else:
        knowledge = knowledge.fork()
    services = Services(settings=settings, storage=Storage(settings.database), clock=clock, knowledge=knowledge,
                        screen=screen)
    replay_asked(services)
    start_up(services)
    return services


ASKED_REPLAYED = timedelta(days=90)  # how far back a QA lead's edit is checked against what people asked


def replay_asked(services: Services) -> None:
    """Let a reload replay the questions people asked in the last `ASKED_REPLAYED`, so a QA lead's confirmation
    names those the edit moved (issue #13: an edit to one entry can move another's borderline question)."""
    from bot.storage.asks import recent_questions

    if services.knowledge is None:
        return
    services.knowledge.asked_recently = lambda: recent_questions(services.storage,
                                                                 services.clock() - ASKED_REPLAYED)


def screened_knowledge(folder: Path, screen: Screen, cache_folder: Path | None,
                       fall_back: bool = False) -> KnowledgeService:
    """The knowledge folder loaded to answer from, as the bot serves it: every entry screened as `kb check`
    screens it, and one whose text could identify a child or family left out (`withheld_start` says which; the
    caller must say so). The one way the bot's start and `audit-bot ask` load it, so neither answers with an
    entry the other would not. `fall_back`: see KnowledgeService.load."""
    def start_check(entries: Iterable[EntryTexts], digests: Mapping[str, str]) -> list[Withheld]:
        return start_screen(entries, digests, screen, cache_folder)

    def checklist_check(checklists: Iterable[Checklist], digests: Mapping[str, str]) -> list[str]:
        return start_checklist_screen(checklists, digests, screen, cache_folder)

    service = KnowledgeService.load(folder, cache_folder, fall_back=fall_back, start_check=start_check,
                                    checklist_check=checklist_check)
    service.checklist_check = lambda checklists: checklist_identifier_problems(checklists, screen)
    start = service.last_good_start
    if start is not None:  # told in `kb check`'s words, with its warnings (trial 44, F9 and F16)
        service.last_good_start = replace(start, problems=with_questions(start.problems, start.texts, screen),
                                          warnings=tuple(folder_warnings(folder, cache_folder)))
    return service


def search_learned_read_only(knowledge: KnowledgeService, database: Path) -> int:
    """Search the trusted learned wordings of the bot's database as the running bot does (learning.refresh), for
    `audit-bot ask`, which must answer what the chat answers: the file is opened read-only, never created,
    written or migrated. Returns how many are searched (those of entries the folder serves); raises Unreadable,
    saying why, when the file is absent or unreadable or older than this version, and then nothing is added."""
    knowledge.set_learned(*learning.searched(learned_store.active_read_only(database)))
    served = knowledge.current.kb.entries
    return sum(1 for entry_id, _ in knowledge.learned if entry_id in served)


def warn_last_good_start(knowledge: KnowledgeService, timezone: tzinfo) -> None:
    """Say loudly, in the log, that the bot is answering from the last good copy and what to fix; when it was
    saved in local time, as the chat says it (`bot.asking.admin.last_good_notice`)."""
    start = knowledge.last_good_start
    if start is None:
        return
    saved = f"saved at {time_on_day(start.saved_at.astimezone(timezone))}" if start.saved_at else "saved earlier"
    log.error("The knowledge folder %s has %d problem(s); starting on the last version that loaded cleanly (of %s, "
              "%s). Fix these, check with `audit-bot kb check`, then `/audit kb reload`:\n%s", knowledge.folder,
              len(start.problems), start.folder or knowledge.folder, saved,
              "\n".join(f"- {problem}" for problem in [*start.problems, *start.warnings]))


def warn_withheld_start(knowledge: KnowledgeService) -> None:
    """One line in the log naming where each withheld text is (file, line, entry, field, the kind found), never
    the words: logs carry no child's name."""
    start = knowledge.withheld_start
    if start is None:
        return
    log.error("%s. Take it out of the files, check with `audit-bot kb check`, then `/audit kb reload`.",
              start.summary())


def warn_checklists_withheld(knowledge: KnowledgeService) -> None:
    """The checklists whose text could identify a child or family, by id (never the words): not offered for new
    audits until a reload finds them clean."""
    if knowledge.checklists_withheld:
        log.error("Checklist text could identify a child or family, so these checklists are not offered for new "
                  "audits: %s. `audit-bot kb check` shows where; fix the files, then `/audit kb reload`.",
                  ", ".join(knowledge.checklists_withheld))


def start_up(services: Services) -> None:
    """What a starting bot does to its database, in order: bring the schema up to date, record who gained,
    lost or changed access since the last start, screen the stored questions and learned wordings again if the
    identifier screen changed since they last were (bot.asking.rescreen), then search the wordings the knowledge
    base learned."""
    services.storage.migrate()
    changed = record_role_changes(services.storage, services.directory, services.clock())
    remember_people(services)  # leavers are named "(left)", never by a raw Slack ID (trial 58, F6)
    team_changes.tell_organisers(services, [change.user_id for change in changed])  # trial 62 F7
    rescreen_at_start(services)
    learning.refresh(services)
    kb_shared.share(services)  # from here, reloads and learned wordings reach other processes on this database
