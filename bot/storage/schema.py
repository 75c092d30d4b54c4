"""The database schema, as forward migrations applied with sqlite-utils' `Migrations`.

Never edit a migration that has shipped: add a new one below it. Times are UTC ISO-8601 text
(`2026-11-22T09:30:00+00:00`), dates are ISO text (`2026-11-30`). No table holds a child's name or
identifier: audits carry a screened case reference only.
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATIONS = Migrations("audit-bot")
# What m360 leaves of a removed action's words, as bot.storage.actions.REMOVED_TEXT reads now (frozen here).
REMOVED_ACTION_TEXT = "[action removed: its words are not kept]"


def migration_names() -> list[str]:
    """Every migration this version knows, in order (what is pending on an empty database; read-only)."""
    return [migration.name for migration in MIGRATIONS.pending(Database(memory=True))]


def applied_migrations(conn: sqlite3.Connection) -> list[str]:
    """The migrations a database has had, in the order applied, through sqlite-utils' own `applied()`."""
    return [migration.name for migration in MIGRATIONS.applied(Database(conn))]


# Migrations are frozen once shipped: m001 is the whole first schema in one script and is never split or edited.
@MIGRATIONS()
def m001_initial(db: Database) -> None:
    """The tables every feature builds on."""
    # Long because a migration is the schema as it was on the day it shipped, and never changes.
    db.executescript(
        """
        CREATE TABLE checklist_versions (
            hash TEXT PRIMARY KEY,            -- content hash of the checklist as it was used
            checklist_id TEXT NOT NULL,
            title TEXT NOT NULL,
            content TEXT NOT NULL,            -- JSON snapshot, so editing YAML never changes old audits
            first_seen TEXT NOT NULL
        );
        CREATE TABLE audits (
            id INTEGER PRIMARY KEY,
            checklist_id TEXT NOT NULL,
            checklist_hash TEXT NOT NULL REFERENCES checklist_versions(hash),
            case_ref TEXT NOT NULL,           -- screened case reference, never a name
            auditor_id TEXT NOT NULL,
            worker_id TEXT,
            team_id TEXT,
            status TEXT NOT NULL DEFAULT 'draft'
                CHECK (status IN ('draft', 'submitted', 'in_moderation', 'moderated', 'cancelled')),
            step TEXT NOT NULL,               -- where the flow stands, e.g. 'question:assessment-timely'
            step_version INTEGER NOT NULL DEFAULT 0,  -- bumped on every move; buttons carry it
            state TEXT NOT NULL DEFAULT '{}', -- JSON extras of the flow
            suggested_grade TEXT,
            overall_grade TEXT,
            grade_reason TEXT,
            strengths TEXT,
            development TEXT,
            started_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            submitted_at TEXT,
            moderated_at TEXT
        );
        CREATE INDEX audits_auditor ON audits(auditor_id, status);
        CREATE INDEX audits_worker ON audits(worker_id);
        CREATE INDEX audits_team ON audits(team_id, submitted_at);
        CREATE INDEX audits_case ON audits(case_ref, submitted_at);
        CREATE INDEX audits_status ON audits(status, submitted_at);
        CREATE TABLE answers (
            audit_id INTEGER NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
            question_id TEXT NOT NULL,
            value TEXT NOT NULL,              -- yes/no/na, a grade key, option text, text, ISO date, number
            evidence TEXT,                    -- the "why this grade" note for scale answers
            flagged INTEGER NOT NULL DEFAULT 0,
            answered_by TEXT NOT NULL,
            answered_at TEXT NOT NULL,
            PRIMARY KEY (audit_id, question_id)
        );
        CREATE INDEX answers_question ON answers(question_id, value);
        CREATE TABLE actions (
            id INTEGER PRIMARY KEY,
            audit_id INTEGER NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
            description TEXT NOT NULL,
            owner_id TEXT NOT NULL,
            due_date TEXT NOT NULL,
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL,
            done_at TEXT,
            done_by TEXT,
            escalated_at TEXT                 -- once escalated to a manager, the owner is not nudged again
        );
        CREATE INDEX actions_owner ON actions(owner_id, done_at, due_date);
        CREATE TABLE moderations (
            id INTEGER PRIMARY KEY,
            audit_id INTEGER NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
            moderator_id TEXT NOT NULL,
            opened_at TEXT NOT NULL,
            decided_at TEXT,
            agrees INTEGER,                   -- 1 agrees with the auditor's grade, 0 disagrees
            grade TEXT,
            reason TEXT
        );
        CREATE INDEX moderations_audit ON moderations(audit_id);
        CREATE TABLE revisions (
            id INTEGER PRIMARY KEY,
            audit_id INTEGER NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
            changed_by TEXT NOT NULL,
            changed_at TEXT NOT NULL,
            field TEXT NOT NULL,
            old_value TEXT,
            new_value TEXT
        );
        CREATE TABLE reflections (
            id INTEGER PRIMARY KEY,
            audit_id INTEGER NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
            worker_id TEXT NOT NULL,
            text TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE kb_asks (
            id INTEGER PRIMARY KEY,
            asked_at TEXT NOT NULL,
            user_id TEXT NOT NULL,
            query TEXT NOT NULL,              -- screened for identifiers before it is stored
            outcome TEXT NOT NULL CHECK (outcome IN ('answer', 'ambiguous', 'none')),
            entry_id TEXT,
            score REAL,
            surface TEXT NOT NULL
        );
        CREATE INDEX kb_asks_time ON kb_asks(asked_at, outcome);
        CREATE TABLE kb_feedback (
            id INTEGER PRIMARY KEY,
            ask_id INTEGER REFERENCES kb_asks(id) ON DELETE CASCADE,
            entry_id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            helpful INTEGER NOT NULL,
            at TEXT NOT NULL,
            UNIQUE (ask_id, user_id)
        );
        CREATE TABLE processed_events (
            event_id TEXT PRIMARY KEY,        -- Slack's event_id: retries carry the same one
            received_at TEXT NOT NULL
        );
        CREATE TABLE trail (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            detail TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX trail_time ON trail(at);
        CREATE TABLE sends (
            job TEXT NOT NULL,
            period TEXT NOT NULL,             -- e.g. 2026-W47 or 2026-11-23
            recipient TEXT NOT NULL,
            status TEXT NOT NULL,             -- sent | skipped | failed
            at TEXT NOT NULL,
            PRIMARY KEY (job, period, recipient)
        );
        CREATE TABLE leases (
            name TEXT PRIMARY KEY,
            holder TEXT NOT NULL,
            expires_at TEXT NOT NULL
        );
        CREATE TABLE away (
            user_id TEXT PRIMARY KEY,
            until TEXT NOT NULL,
            cover_id TEXT,
            set_at TEXT NOT NULL
        );
        CREATE TABLE conversations (
            user_id TEXT PRIMARY KEY,         -- one conversation per user, across DM and terminal
            state TEXT NOT NULL,              -- JSON: what the bot is waiting for from this user
            updated_at TEXT NOT NULL
        );
        """
    )


@MIGRATIONS()
def m020_knowledge_escalations(db: Database) -> None:
    """When an unanswered question was passed to the QA leads, so a second click does not post it twice."""
    db.execute("ALTER TABLE kb_asks ADD COLUMN escalated_at TEXT")


@MIGRATIONS()
def m040_privacy_role_snapshot(db: Database) -> None:
    """The roles as last seen in teams.yaml, so a restart can record who gained or lost access."""
    db.executescript(
        """
        CREATE TABLE role_snapshot (
            user_id TEXT PRIMARY KEY,
            role TEXT NOT NULL,
            team_ids TEXT NOT NULL DEFAULT ''  -- comma-separated team ids, sorted
        );
        """
    )


@MIGRATIONS()
def m041_privacy_undelivered(db: Database) -> None:
    """Messages Slack would not take even after retries: the person is told once, without the content."""
    db.executescript(
        """
        CREATE TABLE undelivered (
            id INTEGER PRIMARY KEY,
            user_id TEXT NOT NULL,            -- who should be told (the person the message was for)
            kind TEXT NOT NULL,               -- what sort of message it was, never its text
            failed_at TEXT NOT NULL,
            told_at TEXT
        );
        CREATE INDEX undelivered_pending ON undelivered(user_id, told_at);
        """
    )


@MIGRATIONS()
def m030_schedules_snoozes_and_digest_indexes(db: Database) -> None:
    """Snoozed reminders, and the indexes that keep digests and reminders aggregate queries fast."""
    db.executescript(
        """
        CREATE TABLE reminder_snoozes (
            user_id TEXT NOT NULL,
            key TEXT NOT NULL,                -- e.g. draft:12, action:5, moderation:33, quota, kb:entry-id
            until TEXT NOT NULL,              -- ISO date: no reminder for this item up to and including it
            PRIMARY KEY (user_id, key)
        );
        CREATE INDEX actions_open_due ON actions(done_at, due_date);
        CREATE INDEX moderations_decided ON moderations(decided_at, audit_id);
        CREATE INDEX audits_submitted ON audits(submitted_at, team_id);
        """
    )


@MIGRATIONS()
def m100_defects_c_undelivered_admin(db: Database) -> None:
    """Failed messages are shown to an admin too: when the admin was given the summary (once)."""
    db.executescript(
        """
        ALTER TABLE undelivered ADD COLUMN admin_told_at TEXT;
        CREATE INDEX undelivered_admin_pending ON undelivered(admin_told_at);
        """
    )


@MIGRATIONS()
def m100_defects_b_demo_audits(db: Database) -> None:
    """Invented audits from `audit-bot demo-data` are marked, so exports, digests and Home can tell them
    apart and `demo-data --remove` takes exactly them out (answers, actions and moderations go with them)."""
    db.executescript(
        """
        ALTER TABLE audits ADD COLUMN demo INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX audits_demo ON audits(demo);
        """
    )


@MIGRATIONS(transactional=False)
def m101_defects_b_audit_ids_never_reused(db: Database) -> None:
    """Audit ids are never handed out again (AUTOINCREMENT), after a delete, retention or a restore, so an
    old button or message naming audit 12 can never open a different audit.

    SQLite cannot add AUTOINCREMENT in place: the table is rebuilt the documented way (foreign keys off, so
    the answers, actions and the rest pointing at audits are left alone), inside one transaction. The new
    sequence starts above the highest id ever seen in any table that refers to audits as well.
    """
    _rebuild_with_autoincrement(db, "audits", (
        "SELECT MAX(n) FROM (SELECT MAX(id) AS n FROM audits UNION ALL SELECT MAX(audit_id) FROM answers "
        "UNION ALL SELECT MAX(audit_id) FROM actions UNION ALL SELECT MAX(audit_id) FROM moderations)"))


def _rebuild_with_autoincrement(db: Database, table: str, highest_sql: str) -> None:
    """Rebuild `table` with `id INTEGER PRIMARY KEY AUTOINCREMENT`, keeping every row, its id and its indexes; the
    sequence starts at what `highest_sql` finds (the highest id any other table or the trail still names).

    SQLite cannot add AUTOINCREMENT in place, so this is its documented rebuild: foreign keys off (the rows
    pointing at the table are left alone), one transaction, and a foreign-key check before it commits. A table
    already rebuilt (by a run that stopped before the migration was recorded) is left as it is.
    """
    create = db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table]).fetchone()[0]
    if "AUTOINCREMENT" in create.upper():
        return
    rebuilt_name = f"{table}_rebuilt"
    rebuilt = create.replace("id INTEGER PRIMARY KEY,", "id INTEGER PRIMARY KEY AUTOINCREMENT,", 1)
    rebuilt = rebuilt.replace(f"CREATE TABLE {table}", f"CREATE TABLE {rebuilt_name}", 1).replace(
        f'CREATE TABLE "{table}"', f"CREATE TABLE {rebuilt_name}", 1)
    if "AUTOINCREMENT" not in rebuilt or rebuilt_name not in rebuilt:
        raise RuntimeError(f"unexpected shape of the {table} table; cannot add AUTOINCREMENT")
    _swap_in_rebuilt(db, table, rebuilt, highest_sql)


def _swap_in_rebuilt(db: Database, table: str, rebuilt: str, highest_sql: str) -> None:
    """Put `rebuilt` (a CREATE TABLE for `<table>_rebuilt`) in place of `table`, keeping every row, its id and its
    indexes, with the sequence of ids carried on from what `highest_sql` finds: SQLite's documented rebuild for what it
    cannot alter in place (foreign keys off, so the rows pointing at the table are left alone; one transaction; a
    foreign-key check before it commits)."""
    rebuilt_name = f"{table}_rebuilt"
    indexes = [row[0] for row in db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL", [table])]
    conn = db.conn
    conn.execute("PRAGMA foreign_keys=OFF")
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            highest = conn.execute(highest_sql).fetchone()[0] or 0
            conn.execute(rebuilt)
            conn.execute(f"INSERT INTO {rebuilt_name} SELECT * FROM {table}")
            conn.execute(f"DROP TABLE {table}")
            conn.execute(f"ALTER TABLE {rebuilt_name} RENAME TO {table}")
            for sql in indexes:
                conn.execute(sql)
            conn.execute("DELETE FROM sqlite_sequence WHERE name IN (?, ?)", [table, rebuilt_name])
            conn.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", [table, highest])
            if conn.execute("PRAGMA foreign_key_check").fetchall():
                raise RuntimeError(f"the rebuilt {table} table broke a foreign key")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    finally:
        conn.execute("PRAGMA foreign_keys=ON")


def _m150_missing_answers(checklist: Any, answers: dict[str, Any]) -> list[str]:
    """The flow's rule for unanswered questions as it was when m150 shipped (bot.audits.flow.missing_answers),
    kept here so storage depends on no feature and the migration never changes: required questions asked but
    unanswered, and scale grades without their evidence note ('not applicable' needs none)."""

    def visible(question: Any) -> bool:
        if question.show_if is None:
            return True
        earlier = answers.get(question.show_if.question)
        return (earlier is not None and earlier.value == question.show_if.equals
                and visible(checklist.question(question.show_if.question)))

    missing = []
    for question in (q for q in checklist.questions() if visible(q)):
        answer = answers.get(question.id)
        no_note = (question.type == "scale" and answer is not None and not answer.evidence
                   and answer.value != "na")  # NOT_APPLICABLE then
        if (answer is None and question.required) or no_note:
            missing.append(question.id)
    return missing


# Frozen once shipped (see m001): a data migration is kept exactly as it ran on existing databases.
@MIGRATIONS()
def m150_checklists_finish_fields(db: Database) -> None:
    """Checklists no longer ask for the overall grade, strengths, development or actions: the finish step does.

    Answers given to those questions move onto the finish fields where these are still empty (an actions answer
    becomes one action, owned by the audited worker, or the auditor, due 28 days after the audit was last
    updated). Drafts move to a copy of their checklist snapshot without those questions, so nothing is asked
    twice; submitted audits keep their snapshot, so what was submitted still reads as it was.
    """
    # Long because a migration is the data change as it was on the day it shipped, and never changes.
    import json
    from datetime import date, timedelta

    from knowledge.checklist_schema import FINISH_QUESTION_IDS, Answer, Checklist, content_hash

    kinds = {"an overall grade": "overall_grade", "strengths": "strengths",
             "areas for development": "development", "actions": "actions"}
    finish_ids = {qid: kinds[what] for qid, what in FINISH_QUESTION_IDS.items()}
    placeholders = ",".join("?" * len(finish_ids))
    rows = db.execute(
        f"SELECT a.id, a.status, a.step, a.checklist_hash, a.overall_grade, a.strengths, a.development, "
        f"a.worker_id, a.auditor_id, a.updated_at, an.question_id, an.value FROM audits a "
        f"JOIN answers an ON an.audit_id = a.id WHERE an.question_id IN ({placeholders}) ORDER BY a.id",
        list(finish_ids)).fetchall()
    for (audit_id, status, _step, _hash, grade, strengths, development, worker, auditor, updated, qid,
         value) in rows:
        field = finish_ids[qid]
        if field == "overall_grade" and not grade and value in ("outstanding", "good", "requires_improvement",
                                                                  "inadequate"):
            db.execute("UPDATE audits SET overall_grade = ? WHERE id = ? AND overall_grade IS NULL", [value, audit_id])
        elif field == "strengths" and not strengths and value.strip():
            db.execute("UPDATE audits SET strengths = ? WHERE id = ?", [value, audit_id])
        elif field == "development" and not development and value.strip():
            db.execute("UPDATE audits SET development = ? WHERE id = ?", [value, audit_id])
        elif field == "actions" and value.strip() and status != "cancelled" and not db.execute(
                "SELECT 1 FROM actions WHERE audit_id = ?", [audit_id]).fetchone():
            due = (date.fromisoformat(updated[:10]) + timedelta(days=28)).isoformat()
            db.execute("INSERT INTO actions (audit_id, description, owner_id, due_date, created_by, created_at) "
                       "VALUES (?, ?, ?, ?, ?, ?)", [audit_id, value.strip(), worker or auditor, due, auditor, updated])
    # drafts: a snapshot without the finish questions, and a step that is still in it
    snapshots: dict[str, str | None] = {}
    drafts = db.execute("SELECT id, checklist_hash, step FROM audits WHERE status = 'draft'").fetchall()
    for audit_id, old_hash, step in drafts:
        if old_hash not in snapshots:
            snapshots[old_hash] = None
            found = db.execute("SELECT checklist_id, title, content FROM checklist_versions WHERE hash = ?",
                               [old_hash]).fetchone()
            if found is None:
                continue
            content = json.loads(found[2])
            kept = [{**s, "questions": [q for q in s["questions"] if q["id"] not in finish_ids]}
                    for s in content.get("sections", [])]
            kept = [s for s in kept if s["questions"]]
            if kept == content.get("sections") or not kept:
                continue
            content["sections"] = kept
            new_hash: str | None = content_hash(content)
            db.execute("INSERT OR IGNORE INTO checklist_versions (hash, checklist_id, title, content, first_seen) "
                       "SELECT ?, checklist_id, title, ?, first_seen FROM checklist_versions WHERE hash = ?",
                       [new_hash, json.dumps(content, ensure_ascii=False, sort_keys=True), old_hash])
            snapshots[old_hash] = new_hash
        new_hash = snapshots[old_hash]
        if new_hash is None:
            continue
        name, _, question_id = step.partition(":")
        if name in ("question", "evidence") and question_id in finish_ids:
            content = json.loads(db.execute("SELECT content FROM checklist_versions WHERE hash = ?",
                                            [new_hash]).fetchone()[0])
            answers = {r[0]: Answer(r[1], r[2]) for r in db.execute(
                "SELECT question_id, value, evidence FROM answers WHERE audit_id = ?", [audit_id]).fetchall()}
            missing = _m150_missing_answers(Checklist.from_content(content), answers)
            step = f"question:{missing[0]}" if missing else "review"
        db.execute("UPDATE audits SET checklist_hash = ?, step = ?, step_version = step_version + 1 WHERE id = ?",
                   [new_hash, step, audit_id])


@MIGRATIONS()
def m151_secapp_processed_requests(db: Database) -> None:
    """Signed slash commands and button presses already acted on, kept for Slack's signature window, so a
    captured request sent again is ignored (events have their own event_id in processed_events)."""
    db.executescript(
        """
        CREATE TABLE processed_requests (
            key TEXT PRIMARY KEY,             -- hash of the request's timestamp and signature, never its body
            received_at TEXT NOT NULL
        );
        CREATE INDEX processed_requests_age ON processed_requests(received_at);
        """
    )


@MIGRATIONS()
def m160_readback_moderation_response(db: Database) -> None:
    """The auditor's answer to a moderation, given once: accepted, or a short reply, kept with the decision."""
    db.executescript(
        """
        ALTER TABLE moderations ADD COLUMN response TEXT CHECK (response IN ('accepted', 'replied'));
        ALTER TABLE moderations ADD COLUMN response_text TEXT;  -- screened for identifiers before it is stored
        ALTER TABLE moderations ADD COLUMN responded_at TEXT;
        """
    )


@MIGRATIONS()
def m200_campaigns_tables(db: Database) -> None:
    """Audit campaigns: a themed round across chosen teams, its allocations of cases to auditors, and the
    moderation sample (an allocation's `sampled`). Case references are screened before they are stored."""
    db.executescript(
        """
        CREATE TABLE campaigns (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,               -- screened for identifiers
            theme TEXT NOT NULL,              -- screened for identifiers
            checklist_id TEXT NOT NULL,
            teams TEXT NOT NULL,              -- comma-separated team ids, in the order chosen
            starts_on TEXT NOT NULL,          -- ISO dates, local
            deadline TEXT NOT NULL,
            per_worker INTEGER,               -- cases per worker, or NULL when the cases came from a CSV file
            auditors TEXT NOT NULL CHECK (auditors IN ('managers', 'peer')),
            moderation_share INTEGER NOT NULL CHECK (moderation_share BETWEEN 0 AND 100),
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL,
            sample_drawn_at TEXT,
            closed_at TEXT,
            closed_by TEXT
        );
        CREATE INDEX campaigns_status ON campaigns(status, deadline);
        CREATE TABLE campaign_allocations (
            id INTEGER PRIMARY KEY,
            campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
            case_ref TEXT,                    -- screened case reference, or NULL: the auditor names one at Start
            worker_id TEXT NOT NULL,
            team_id TEXT NOT NULL,
            auditor_id TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'allocated' CHECK (status IN ('allocated', 'started')),
            audit_id INTEGER REFERENCES audits(id) ON DELETE SET NULL,
            sampled INTEGER NOT NULL DEFAULT 0,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX campaign_allocations_campaign ON campaign_allocations(campaign_id, team_id);
        CREATE INDEX campaign_allocations_auditor ON campaign_allocations(auditor_id, campaign_id);
        CREATE INDEX campaign_allocations_audit ON campaign_allocations(audit_id);
        """
    )


@MIGRATIONS()
def m210_learning_learned_wordings(db: Database) -> None:
    """People's own wordings of knowledge entries, learned when they pick an entry from "Did you mean…" (or a
    QA lead links a question to one); active ones are searched as the entry's alternatives."""
    db.executescript(
        """
        CREATE TABLE kb_learned (
            id INTEGER PRIMARY KEY,
            entry_id TEXT NOT NULL,
            wording TEXT NOT NULL,            -- screened for identifiers, then normalised (lower case, one space)
            user_id TEXT NOT NULL,            -- who used the wording (picked) or linked it (a QA lead)
            learned_at TEXT NOT NULL,
            source TEXT NOT NULL CHECK (source IN ('picked', 'linked')),
            status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'rejected')),
            ask_id INTEGER REFERENCES kb_asks(id) ON DELETE SET NULL,  -- the question it came from, if any
            rejected_by TEXT,
            rejected_at TEXT,
            rejected_why TEXT CHECK (rejected_why IN ('not_helpful', 'qa_lead'))
        );
        CREATE UNIQUE INDEX kb_learned_once ON kb_learned(entry_id, wording) WHERE status = 'active';
        CREATE INDEX kb_learned_status ON kb_learned(status, learned_at);
        CREATE INDEX kb_learned_ask ON kb_learned(ask_id);
        """
    )


@MIGRATIONS()
def m220_unanswered_status(db: Database) -> None:
    """What a QA lead did with each unanswered or Not helpful question, so it leaves `/audit kb unanswered`:
    answered by DM, linked to an entry, made a new entry, out of scope or dismissed. Deleted with its question."""
    db.executescript(
        """
        CREATE TABLE kb_unanswered_status (
            ask_id INTEGER PRIMARY KEY REFERENCES kb_asks(id) ON DELETE CASCADE,
            status TEXT NOT NULL CHECK (status IN ('answered', 'linked', 'new_entry', 'out_of_scope', 'dismissed')),
            entry_id TEXT,                    -- the entry linked or made, when there is one
            closed_by TEXT NOT NULL,          -- the QA lead's Slack user id
            closed_at TEXT NOT NULL
        );
        """
    )


# What a campaign report counts: an answer of a linked audit that was submitted and is not cancelled (kept in
# step with bot.storage.common.COMPLETED_SQL, which m230 may not import: a shipped migration must not change).
_M230_COMPLETED = "{a}submitted_at IS NOT NULL AND {a}status IN ('submitted', 'in_moderation', 'moderated', 'draft')"


def _m230_add(sign: str, source: str, where: str) -> str:
    """One upsert adding `sign` times the rows of `source` (giving campaign_id, team_id and an answer `an`) to
    the campaign answer totals."""
    return (
        "INSERT INTO campaign_answer_totals (campaign_id, team_id, question_id, yes, no, flagged, answered) "
        f"SELECT al.campaign_id, al.team_id, an.question_id, {sign} * (an.value = 'yes'), {sign} * (an.value = 'no'), "
        f"{sign} * an.flagged, {sign} FROM {source} WHERE {where} "
        "ON CONFLICT (campaign_id, team_id, question_id) DO UPDATE SET yes = yes + excluded.yes, "
        "no = no + excluded.no, flagged = flagged + excluded.flagged, answered = answered + excluded.answered;")


def _m230_answer(sign: str, row: str) -> str:
    """Add or take away one answer (`row` is NEW or OLD) under every allocation linking its completed audit."""
    source = (f"(SELECT {row}.question_id AS question_id, {row}.value AS value, {row}.flagged AS flagged) an, "
              "campaign_allocations al JOIN audits a ON a.id = al.audit_id")
    return _m230_add(sign, source, f"al.audit_id = {row}.audit_id AND {_M230_COMPLETED.format(a='a.')}")


def _m230_allocation(sign: str, row: str) -> str:
    """Add or take away a whole completed audit's answers under one allocation (`row` is NEW or OLD)."""
    source = (f"(SELECT {row}.campaign_id AS campaign_id, {row}.team_id AS team_id) al, answers an "
              "JOIN audits a ON a.id = an.audit_id")
    return _m230_add(sign, source, f"an.audit_id = {row}.audit_id AND {_M230_COMPLETED.format(a='a.')}")


def _m230_triggers() -> str:
    """The triggers keeping campaign_answer_totals (m230), as one script: a later migration that rebuilds one of
    their tables runs it again."""
    completed_old, completed_new = _M230_COMPLETED.format(a="OLD."), _M230_COMPLETED.format(a="NEW.")
    answer_changed = ("OLD.audit_id IS NOT NEW.audit_id OR OLD.question_id IS NOT NEW.question_id OR "
                      "OLD.value IS NOT NEW.value OR OLD.flagged IS NOT NEW.flagged")
    link_changed = ("OLD.audit_id IS NOT NEW.audit_id OR OLD.campaign_id IS NOT NEW.campaign_id OR "
                    "OLD.team_id IS NOT NEW.team_id")
    # Most answers belong to no campaign: a trigger's WHEN is far cheaper than running its body to find that out.
    linked = "EXISTS (SELECT 1 FROM campaign_allocations WHERE audit_id = {}.audit_id)"
    whole_audit = ("campaign_allocations al JOIN answers an ON an.audit_id = al.audit_id", "al.audit_id = {}.id")
    return f"""
        CREATE TRIGGER campaign_totals_answer_insert AFTER INSERT ON answers WHEN {linked.format('NEW')} BEGIN
            {_m230_answer('1', 'NEW')}
        END;
        CREATE TRIGGER campaign_totals_answer_delete AFTER DELETE ON answers WHEN {linked.format('OLD')} BEGIN
            {_m230_answer('-1', 'OLD')}
        END;
        CREATE TRIGGER campaign_totals_answer_update AFTER UPDATE OF audit_id, question_id, value, flagged ON answers
        WHEN ({answer_changed}) AND ({linked.format('OLD')} OR {linked.format('NEW')}) BEGIN
            {_m230_answer('-1', 'OLD')}
            {_m230_answer('1', 'NEW')}
        END;
        CREATE TRIGGER campaign_totals_audit_status AFTER UPDATE OF status, submitted_at ON audits
        WHEN ({completed_old}) != ({completed_new}) BEGIN
            {_m230_add(f"CASE WHEN {completed_new} THEN 1 ELSE -1 END", whole_audit[0],
                       whole_audit[1].format('NEW'))}
        END;
        CREATE TRIGGER campaign_totals_audit_delete BEFORE DELETE ON audits BEGIN
            DELETE FROM answers WHERE audit_id = OLD.id;
        END;
        CREATE TRIGGER campaign_totals_allocation_insert AFTER INSERT ON campaign_allocations
        WHEN NEW.audit_id IS NOT NULL BEGIN
            {_m230_allocation('1', 'NEW')}
        END;
        CREATE TRIGGER campaign_totals_allocation_delete AFTER DELETE ON campaign_allocations
        WHEN OLD.audit_id IS NOT NULL BEGIN
            {_m230_allocation('-1', 'OLD')}
        END;
        CREATE TRIGGER campaign_totals_allocation_update
        AFTER UPDATE OF audit_id, campaign_id, team_id ON campaign_allocations WHEN {link_changed} BEGIN
            {_m230_allocation('-1', 'OLD')}
            {_m230_allocation('1', 'NEW')}
        END;
        CREATE TRIGGER campaign_totals_campaign_delete BEFORE DELETE ON campaigns BEGIN
            DELETE FROM campaign_allocations WHERE campaign_id = OLD.id;
            DELETE FROM campaign_answer_totals WHERE campaign_id = OLD.id;
        END;
    """


@MIGRATIONS()
def m230_reportsum_campaign_answer_totals(db: Database) -> None:
    """Each campaign's answer counts by team and question (yes, no, flagged, all), so its report reads a few
    hundred rows instead of grouping every answer of every linked audit (100,000 audits took seconds).

    Kept by triggers, in the same transaction as whatever changes them: an answer written or changed, an audit
    submitted, cancelled or deleted, an allocation linked, moved or deleted, a campaign deleted. A deleted audit
    or campaign first deletes its own answers or allocations, so their triggers take them away while the audit
    is still there to say whether it counted (foreign-key cascades would run after it had gone). A later
    migration that rebuilds answers, audits, campaign_allocations or campaigns (DROP TABLE) drops these
    triggers and must create them again with `_m230_triggers()` (tests/integration/test_campaign_report_totals.py
    checks they exist)."""
    db.executescript(f"""
        CREATE TABLE campaign_answer_totals (
            campaign_id INTEGER NOT NULL,
            team_id TEXT NOT NULL,            -- the allocation's team, as the report groups it
            question_id TEXT NOT NULL,
            yes INTEGER NOT NULL,
            no INTEGER NOT NULL,
            flagged INTEGER NOT NULL,
            answered INTEGER NOT NULL,        -- every answer, N/A and text included
            PRIMARY KEY (campaign_id, team_id, question_id)
        ) WITHOUT ROWID;
        INSERT INTO campaign_answer_totals (campaign_id, team_id, question_id, yes, no, flagged, answered)
            SELECT al.campaign_id, al.team_id, an.question_id, SUM(an.value = 'yes'), SUM(an.value = 'no'),
                   SUM(an.flagged), COUNT(*)
            FROM campaign_allocations al JOIN audits a ON a.id = al.audit_id JOIN answers an ON an.audit_id = a.id
            WHERE {_M230_COMPLETED.format(a='a.')} GROUP BY al.campaign_id, al.team_id, an.question_id;
    """ + _m230_triggers())


@MIGRATIONS()
def m231_reportsum_actions_audit_index(db: Database) -> None:
    """Actions by audit: a campaign report counts its audits' actions (it read the whole actions table each
    time, about a third of a 640-audit report among 100,000 stored audits), and deleting an audit cascades."""
    db.execute("CREATE INDEX actions_audit ON actions(audit_id)")


@MIGRATIONS()
def m240_modgrade_moderated_grade(db: Database) -> None:
    """The grade a moderator gave, on the audit itself: after moderation it is the grade of record (digests, Home,
    campaign reports and `/audit show` count and show it), while `overall_grade` stays the auditor's own.

    `moderated_grade` is the grade of the audit's latest decided moderation (NULL before any, or when a decision
    carries no grade), kept by triggers in the same transaction as the decision however it is written (the bot,
    demo data, a restore), and filled in here for audits moderated before."""
    latest = ("(SELECT m.grade FROM moderations m WHERE m.audit_id = {audit} AND m.decided_at IS NOT NULL "
              "ORDER BY m.decided_at DESC, m.id DESC LIMIT 1)")
    db.executescript(f"""
        ALTER TABLE audits ADD COLUMN moderated_grade TEXT;
        UPDATE audits SET moderated_grade = {latest.format(audit='audits.id')};
        CREATE TRIGGER moderated_grade_on_insert AFTER INSERT ON moderations WHEN NEW.decided_at IS NOT NULL
        BEGIN
            UPDATE audits SET moderated_grade = {latest.format(audit='NEW.audit_id')} WHERE id = NEW.audit_id;
        END;
        CREATE TRIGGER moderated_grade_on_decision AFTER UPDATE OF decided_at, grade ON moderations
        BEGIN
            UPDATE audits SET moderated_grade = {latest.format(audit='NEW.audit_id')} WHERE id = NEW.audit_id;
        END;
    """)


@MIGRATIONS()
def m241_campaign_inadequate_always_sampled(db: Database) -> None:
    """Every campaign audit graded Inadequate is in its campaign's moderation sample, whenever it is submitted or
    graded so: before the sample is drawn, after it (the draw once took only the audits submitted by then, so a
    later Inadequate one escaped moderation), or at close. Triggers set the allocation's `sampled` in the same
    transaction as the submission, the grade or the link, so no path that writes an audit can miss it; the
    update marks those already stored. An audit stays sampled if its grade changes afterwards."""
    completed = _M230_COMPLETED.format(a="NEW.")
    linked_inadequate = ("EXISTS (SELECT 1 FROM audits a WHERE a.id = NEW.audit_id AND a.overall_grade = "
                         f"'inadequate' AND {_M230_COMPLETED.format(a='a.')})")
    db.executescript(f"""
        UPDATE campaign_allocations SET sampled = 1 WHERE sampled = 0 AND audit_id IN (
            SELECT a.id FROM audits a WHERE a.overall_grade = 'inadequate' AND {_M230_COMPLETED.format(a='a.')});
        CREATE TRIGGER campaign_sample_inadequate_audit AFTER UPDATE OF status, submitted_at, overall_grade ON audits
        WHEN NEW.overall_grade = 'inadequate' AND {completed} BEGIN
            UPDATE campaign_allocations SET sampled = 1 WHERE audit_id = NEW.id AND sampled = 0;
        END;
        CREATE TRIGGER campaign_sample_inadequate_link AFTER UPDATE OF audit_id ON campaign_allocations
        WHEN NEW.audit_id IS NOT NULL AND NEW.sampled = 0 AND {linked_inadequate} BEGIN
            UPDATE campaign_allocations SET sampled = 1 WHERE id = NEW.id;
        END;
        CREATE TRIGGER campaign_sample_inadequate_insert AFTER INSERT ON campaign_allocations
        WHEN NEW.audit_id IS NOT NULL AND NEW.sampled = 0 AND {linked_inadequate} BEGIN
            UPDATE campaign_allocations SET sampled = 1 WHERE id = NEW.id;
        END;
    """)


def _m242_canonical(reference: str | None) -> str | None:
    """A case reference in its one form as m242 wrote it (bot.privacy.screen.canonical_case_reference on the day it
    shipped, copied so storage depends on no feature and the migration never changes): upper case, spaces made
    single, and letters then digits joined by one hyphen."""
    if reference is None:
        return None
    compact = " ".join(reference.split()).upper()
    found = re.fullmatch(r"([A-Z]+)\s?[-\u2010-\u2015]?\s?([0-9]+)", compact)
    return f"{found.group(1)}-{found.group(2)}" if found else compact


@MIGRATIONS()
def m242_caseref_canonical_references(db: Database) -> None:
    """Every stored case reference in one form (`CR-382070`), so `cr382070`, `CR382070` and `CR-382070` are one case:
    `/audit list case`, the "audited in the last 12 months" heads-up and a campaign's one-audit-per-case check
    compare stored references exactly, and the bot writes only this form from now on.

    The tables holding references are `audits` and `campaign_allocations` (`case_ref`); no unique index covers
    either column and no trigger fires on an update of it, so the rewrite cannot fail on data already stored, and
    `updated_at` is left alone (nobody changed the audit). Only rows not yet in the form are written: running it
    again changes nothing."""
    db.conn.create_function("m242_canonical", 1, _m242_canonical, deterministic=True)
    for table in ("audits", "campaign_allocations"):
        db.execute(f"UPDATE {table} SET case_ref = m242_canonical(case_ref) "
                   "WHERE case_ref IS NOT m242_canonical(case_ref)")


@MIGRATIONS()
def m250_actions_removed_and_reopened(db: Database) -> None:
    """An action added by mistake can be removed, and one marked done can be reopened, each with who and when.

    A removed action stays in the table (`removed_at`, `removed_by`) with a revision on its audit, so the audit's
    history keeps it; every list, count and reminder leaves it out. Reopening clears `done_at` and `done_by` and
    keeps who reopened it and when (the trail keeps who had marked it done)."""
    db.executescript("""
        ALTER TABLE actions ADD COLUMN removed_at TEXT;
        ALTER TABLE actions ADD COLUMN removed_by TEXT;
        ALTER TABLE actions ADD COLUMN reopened_at TEXT;
        ALTER TABLE actions ADD COLUMN reopened_by TEXT;
    """)


@MIGRATIONS(transactional=False)
def m260_storage9_learned_ids_never_reused(db: Database) -> None:
    """Learned wordings' numbers are never handed out again (AUTOINCREMENT): accepting a wording deletes its row, and
    the next wording learned then took the same number, so an old *Accept #7* button or a typed `accept 7` acted on
    a newer wording nobody had looked at.

    Rebuilt the way m101 rebuilt audits (foreign keys off, one transaction; every row keeps its number). The
    sequence starts above the highest number the table holds or the trail names: an accepted wording has left the
    table, and only its `kb.learned.accept` trail entry still holds its number.
    """
    _rebuild_with_autoincrement(db, "kb_learned", (
        "SELECT MAX(n) FROM (SELECT MAX(id) AS n FROM kb_learned UNION ALL "
        "SELECT MAX(CAST(json_extract(detail, '$.learned') AS INTEGER)) FROM trail "
        "WHERE action LIKE 'kb.learned.%' AND json_valid(detail))"))


@MIGRATIONS()
def m261_storage9_revisions_and_reflections_by_audit(db: Database) -> None:
    """Revisions and reflections by audit: `/audit show`, `/audit redact`, export and retention's last-activity
    check (for every audit) read them by audit id, and deleting an audit cascades to them; without these each
    read scanned the whole table. Every other table read by audit id has one already (answers by its primary
    key, actions m231, moderations m001, campaign allocations m200)."""
    db.executescript("""
        CREATE INDEX revisions_audit ON revisions(audit_id);
        CREATE INDEX reflections_audit ON reflections(audit_id);
    """)


@MIGRATIONS()
def m262_tidy10_accepted_wordings_by_number(db: Database) -> None:
    """Accepted learned wordings by number: `/audit kb accept 7` (or reject, or restore) on a wording no longer in
    kb_learned asks the trail whether it was accepted (bot/storage/learned.py, `was_accepted`), and the trail, kept
    for ever (retention leaves it), was read from end to end to answer.

    Partial, on the one action: only `kb.learned.accept` rows are indexed, so no other trail write pays for it, and
    their detail is always JSON written by `record_trail`, so the expression can never fail on a row."""
    db.execute("CREATE INDEX trail_learned_accepted ON trail(json_extract(detail, '$.learned')) "
               "WHERE action = 'kb.learned.accept'")


@MIGRATIONS()
def m263_cur11_qa_answers_kept(db: Database) -> None:
    """A QA lead's *Answer* to a question, kept with the question (and deleted with it by retention), so the next
    person asking in the same words gets it (bot.asking.verdicts). Until trial 11 only the askers of the day got it,
    and the next person asking the same words got the entry they had marked Not helpful. Votes by entry: every
    answer given outright now asks whether its wording was marked Not helpful for that entry."""
    db.executescript("""
        ALTER TABLE kb_unanswered_status ADD COLUMN answer TEXT;
        CREATE INDEX kb_feedback_entry ON kb_feedback(entry_id);
    """)


@MIGRATIONS(transactional=False)
def m264_rescreen_stored_wordings(db: Database) -> None:
    """The identifier screen gains rules, so a wording stored under an older screen may hold a name the current one
    refuses (bot/asking/rescreen.py): such a learned wording is withdrawn with `rejected_why = 'screen'`, and the
    screen a sweep last ran with is remembered (a digest, never the lists or names) so a start sweeps only when the
    screen changed.

    SQLite cannot change a CHECK in place: kb_learned is rebuilt as m260 rebuilt it (foreign keys off, one
    transaction, every row and number kept, the sequence of numbers never handed out again carried over). A table
    already rebuilt (by a run that stopped before the migration was recorded) is left as it is."""
    conn = db.conn
    conn.execute("CREATE TABLE IF NOT EXISTS rescreens (id INTEGER PRIMARY KEY CHECK (id = 1), "
                 "fingerprint TEXT NOT NULL, swept_at TEXT NOT NULL)")
    create = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'kb_learned'").fetchone()[0]
    old_check = "CHECK (rejected_why IN ('not_helpful', 'qa_lead'))"
    if old_check not in create:
        if "'screen'" in create:
            return
        raise RuntimeError("unexpected shape of the kb_learned table; cannot allow rejected_why 'screen'")
    rebuilt = create.replace(old_check, "CHECK (rejected_why IN ('not_helpful', 'qa_lead', 'screen'))", 1)
    rebuilt = rebuilt.replace("CREATE TABLE kb_learned", "CREATE TABLE kb_learned_rebuilt", 1).replace(
        'CREATE TABLE "kb_learned"', "CREATE TABLE kb_learned_rebuilt", 1)
    if "kb_learned_rebuilt" not in rebuilt:
        raise RuntimeError("unexpected shape of the kb_learned table; cannot rebuild it")
    _swap_in_rebuilt(db, "kb_learned", rebuilt, "SELECT MAX(n) FROM (SELECT seq AS n FROM sqlite_sequence WHERE name = "
                     "'kb_learned' UNION ALL SELECT MAX(id) FROM kb_learned)")


@MIGRATIONS()
def m270_unhelpful_reasons(db: Database) -> None:
    """What an asker said was missing after pressing Not helpful ("it didn't tell me the actual date"), kept with
    their vote and shown to the QA leads beside the question (trial 18: it was searched as a new question and passed
    on without the question it was about). Screened for identifiers before it is stored, as a question is."""
    db.execute("ALTER TABLE kb_feedback ADD COLUMN reason TEXT")


@MIGRATIONS()
def m280_away_starts(db: Database) -> None:
    """The first day of a time away booked ahead ("away from 21/12 until 4/1"): reminders pause from that day, not
    from when it is typed (trials 20 and 21 refused leave booked ahead). None for a pause from when it was set."""
    db.execute("ALTER TABLE away ADD COLUMN starts TEXT")


@MIGRATIONS()
def m290_away_caught_up(db: Database) -> None:
    """When someone back from time away was given their catch-up (what fell due, waited or was asked of them while
    away): once only, so a return is summed up one time. A time away already over when this shipped counts as caught
    up, so nobody gets a catch-up for leave long past; a new time away clears it (bot.storage.reminders.set_away)."""
    db.execute("ALTER TABLE away ADD COLUMN caught_up_at TEXT")
    db.execute("UPDATE away SET caught_up_at = set_at WHERE until < date('now')")


@MIGRATIONS()
def m300_trail_audit_events(db: Database) -> None:
    """An audit's alerts and checklist changes by audit: a moderator opening an audit is shown that an immediate
    concern was raised and withdrawn, or the checklist changed, while it was done (trial 26: both were only in the
    trail, which no moderator reads). Partial, on those actions only, as m262: no other trail write pays for it, and
    the detail of these rows is always JSON written by `record_trail` (bot/storage/trail.py, `audit_events`)."""
    db.execute("CREATE INDEX trail_audit_events ON trail(json_extract(detail, '$.audit')) "
               "WHERE action IN ('audit.alert', 'audit.alert_withdrawn', 'audit.switch_checklist')")


@MIGRATIONS()
def m301_kb_asks_offered(db: Database) -> None:
    """The options a question was offered ("Did you mean…"), as its buttons carry them: in Slack the buttons stay in
    the message, but the terminal chat forgot them when it ended, so `2` typed in the next session picked nothing
    (trial 26). Entry questions and ids only, never the asker's words (bot/asking/offered.py)."""
    db.execute("ALTER TABLE kb_asks ADD COLUMN offered TEXT")


@MIGRATIONS()
def m302_kb_asks_offer_left(db: Database) -> None:
    """When the person left a question's options behind: shown again as a terminal session opened, or anything else
    done after them. A new session shows them again only while this is empty, so once at most, and never after the
    person moved on (trial 27: every new session reprinted the same "still open" list; bot/asking/offered.py)."""
    db.execute("ALTER TABLE kb_asks ADD COLUMN offer_left_at TEXT")


@MIGRATIONS()
def m310_action_chases(db: Database) -> None:
    """Who last chased an open action and when (`chase action 9`: a DM nudge to its owner from their manager, the
    auditor or an admin; trial 28 found no way to). One nudge a day per action, so only the latest is needed here;
    the trail keeps each one (bot/storage/actions.py, `chase_action`)."""
    db.execute("ALTER TABLE actions ADD COLUMN chased_at TEXT")
    db.execute("ALTER TABLE actions ADD COLUMN chased_by TEXT")


@MIGRATIONS()
def m320_action_more_time_asked(db: Database) -> None:
    """An owner's latest request for more time on an action (trial 34): whom it asked, for what day, the due date
    when asked, and when it was withdrawn. A repeated request then says one waits, `withdraw 34` takes it back, and
    `my actions`, Home and `did i get more time on 34` say where it stands (bot/storage/more_time.py). The answer
    *Say no* is read from the trail's `action.more_time_refused` rows, indexed on their action as m300 does, so no
    other trail write pays for it."""
    for column in ("more_time_asked_at", "more_time_asked_to", "more_time_until", "more_time_due",
                   "more_time_withdrawn_at"):
        db.execute(f"ALTER TABLE actions ADD COLUMN {column} TEXT")
    db.execute("CREATE INDEX trail_more_time_refused ON trail(json_extract(detail, '$.action')) "
               "WHERE action = 'action.more_time_refused'")


@MIGRATIONS()
def m321_action_done_notes(db: Database) -> None:
    """A short note kept when an action is marked done (`done 19 - chronology updated`), screened for identifiers
    first: trial 34's worker was told it "is not kept", so the auditor saw no evidence. Cleared when it is reopened
    (bot/storage/actions.py, `complete_action`)."""
    db.execute("ALTER TABLE actions ADD COLUMN done_note TEXT")


@MIGRATIONS()
def m330_held_chases(db: Database) -> None:
    """A chase typed out of working hours (`chase 9` at 23:00 on a Saturday), held until 08:00 on the next working
    day instead of reaching the worker at once, kept here so a restart loses none (bot/storage/held_chases.py). One
    waiting per action at most (the partial unique index), so `chase 9` again says one waits. `state` goes held →
    sending (claimed by the scheduler's run, so two runs never send one twice) → sent or failed; or held → dropped
    (the action was done or removed first) or withdrawn (`withdraw chase 9`)."""
    db.execute("CREATE TABLE held_chases (id INTEGER PRIMARY KEY, action_id INTEGER NOT NULL REFERENCES actions(id) "
               "ON DELETE CASCADE, "
               "chased_by TEXT NOT NULL, held_at TEXT NOT NULL, send_at TEXT NOT NULL, "
               "state TEXT NOT NULL DEFAULT 'held', settled_at TEXT, settled_by TEXT)")
    db.execute("CREATE UNIQUE INDEX held_chases_waiting ON held_chases(action_id) WHERE state = 'held'")
    db.execute("CREATE INDEX held_chases_due ON held_chases(send_at) WHERE state = 'held'")


@MIGRATIONS()
def m350_held_chase_claims(db: Database) -> None:
    """When a held chase was claimed to go and how many times it has been tried (bot/storage/held_chases.py): a
    chase claimed by a process that then died stayed `sending` for ever and never went, while its chaser believed
    the worker nudged. A claim older than ten minutes and not marked sent may be claimed again; one Slack refused
    is tried again a few times, then recorded failed and its chaser told."""
    db.execute("ALTER TABLE held_chases ADD COLUMN claimed_at TEXT")
    db.execute("ALTER TABLE held_chases ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0")
    db.execute("CREATE INDEX held_chases_claimed ON held_chases(claimed_at) WHERE state = 'sending'")


@MIGRATIONS()
def m360_more_time_request_numbers(db: Database) -> None:
    """Each request for more time on an action numbered (1, 2, … on that action), the number carried by the buttons
    sent with it: an old *Say no* pressed while a newer request waited answered the newer one (session 38). A button
    whose number is not the latest's says the request was answered or replaced (bot.audits.more_time_buttons)."""
    db.execute("ALTER TABLE actions ADD COLUMN more_time_request INTEGER")


@MIGRATIONS()
def m360_removed_action_words(db: Database) -> None:
    """The words of actions removed before session 38 cleared, as a removal now clears them (bot/storage/actions.py,
    `remove_in`): free text about a child's case, no longer needed once the action is removed, which `/audit
    redact` still listed. The row stays, with who removed it and when; so do the revisions, without the words."""
    removed = db.execute("SELECT id, audit_id, description FROM actions WHERE removed_at IS NOT NULL AND "
                         "description != ?", [REMOVED_ACTION_TEXT]).fetchall()
    for action_id, audit_id, description in removed:
        for column in ("old_value", "new_value"):
            db.execute(f"UPDATE revisions SET {column} = ? || substr({column}, ?) WHERE audit_id = ? AND field IN "
                       f"('action', ?) AND substr({column}, 1, ?) = ?",
                       [REMOVED_ACTION_TEXT, len(description) + 1, audit_id, f"action:{action_id}",
                        len(description) + 2, f"{description} ("])
    db.execute("UPDATE actions SET description = ?, done_note = NULL WHERE removed_at IS NOT NULL",
               [REMOVED_ACTION_TEXT])


@MIGRATIONS()
def m370_moderation_draft(db: Database) -> None:
    """A moderator's decision so far (decision, grade, reason, an Inadequate's action so far), kept as JSON on their
    held, undecided moderation when they pause it (`pause`, `sorry got to go`): trial 39 found the reason typed lost,
    and `moderate 82` started again at Agree / Disagree. Taken back into their conversation when they open it again
    (bot.audits.moderation_draft); cleared when it is decided or taken over."""
    db.execute("ALTER TABLE moderations ADD COLUMN draft TEXT")


@MIGRATIONS()
def m380_fix41c_figure_questions(db: Database) -> None:
    """Each person's last figure question as the bot read it (lower case, screened: no identifier is kept) and when,
    so "what about last month" or "and south?" follows it after a restart or in a new terminal session (fix 41: it
    was kept in memory only, so the follow-up was lost or read as something else). One row a person, replaced by
    their next; rows past the follow-up window are deleted as others are written (bot/storage/figure_questions.py)."""
    db.execute("CREATE TABLE figure_questions (user_id TEXT PRIMARY KEY, said TEXT NOT NULL, asked_at TEXT NOT NULL)")


@MIGRATIONS()
def m380_fix41d_moderation_concern(db: Database) -> None:
    """A moderator's Good or Outstanding confirmed over an immediate concern, on the record: the concern question it
    was confirmed over and the moderator's short reason (screened), on the decided moderation. Before, the
    confirmation (bot.audits.moderation_concern) was asked and then forgotten, so `/audit show` could not say that a
    Good stood over a concern, nor why (fix41d)."""
    db.execute("ALTER TABLE moderations ADD COLUMN concern_question TEXT")
    db.execute("ALTER TABLE moderations ADD COLUMN concern_reason TEXT")


@MIGRATIONS()
def m380_fix42c_learned_trust(db: Database) -> None:
    """Who made one person's pick from "Did you mean…" trusted: a second, different person picking the same entry
    for the same words, or a QA lead linking them (trial 41: one tap, a wrong pick, changed the answer for everyone).
    Until then a pick is answered outright only for the person who made it (bot.asking.pick_trust)."""
    db.execute("ALTER TABLE kb_learned ADD COLUMN trusted_by TEXT")
    db.execute("ALTER TABLE kb_learned ADD COLUMN trusted_at TEXT")
    db.execute("ALTER TABLE kb_learned ADD COLUMN trusted_how TEXT CHECK (trusted_how IN ('picked', 'linked'))")


@MIGRATIONS()
def m390_fix43f_held_worker_news(db: Database) -> None:
    """An audit's summary or grade change for its worker, typed out of the worker's working hours, held until they
    start as a chase is (trial 43: on a Sunday a worker got three DMs in minutes while a chase waited for Monday). One
    waiting per worker and audit at most (the partial unique index): several held about one audit send its latest
    state once (bot/storage/held_news.py). Only ids and times are kept: the summary is written when it goes.
    `kind` is `new` (a first submission) or `changed`; `state` goes held → sending → sent or failed, or dropped."""
    db.execute("CREATE TABLE held_news (id INTEGER PRIMARY KEY, worker_id TEXT NOT NULL, audit_id INTEGER NOT NULL "
               "REFERENCES audits(id) ON DELETE CASCADE, kind TEXT NOT NULL CHECK (kind IN ('new', 'changed')), "
               "by_user TEXT NOT NULL, held_at TEXT NOT NULL, send_at TEXT NOT NULL, state TEXT NOT NULL DEFAULT "
               "'held', claimed_at TEXT, attempts INTEGER NOT NULL DEFAULT 0, settled_at TEXT)")
    db.execute("CREATE UNIQUE INDEX held_news_waiting ON held_news(worker_id, audit_id) WHERE state = 'held'")
    db.execute("CREATE INDEX held_news_due ON held_news(send_at) WHERE state = 'held'")


@MIGRATIONS()
def m390_fix43a_shown_options(db: Database) -> None:
    """The numbered options last shown to each person when some open a case or an audit (label, button and its
    value, in the order the terminal numbers them), so `open 2` opens the second after a campaign's first DM, the
    reminders or Home, not only after `/audit campaign mine` (trial 43). One row a person, replaced by the next list;
    rows a week old are deleted as others are written (bot/storage/shown_options.py). Its own table, not a key on the
    conversation row, which says what the bot waits for."""
    db.execute("CREATE TABLE shown_options (user_id TEXT PRIMARY KEY, options TEXT NOT NULL, shown_at TEXT NOT NULL)")


@MIGRATIONS()
def m400_fix44d_held_dms(db: Database) -> None:
    """Any other DM to a worker (a practitioner) made by someone else's turn out of the worker's working hours (an
    action removed, a case reference changed, a moderation outcome…), held until they start, as an audit's summary
    is (m390_fix43f_held_worker_news; fix44d: those still went at 11pm). Unlike a summary, the message cannot be
    written again when it goes, so its words are kept until it is sent (or fails) and then cleared. One row a
    message; they go in the order they were held. `state` goes held → sending → sent or failed."""
    db.execute("CREATE TABLE held_dms (id INTEGER PRIMARY KEY, to_user TEXT NOT NULL, message TEXT NOT NULL, "
               "by_user TEXT NOT NULL, held_at TEXT NOT NULL, send_at TEXT NOT NULL, state TEXT NOT NULL DEFAULT "
               "'held', claimed_at TEXT, attempts INTEGER NOT NULL DEFAULT 0, settled_at TEXT)")
    db.execute("CREATE INDEX held_dms_due ON held_dms(send_at) WHERE state = 'held'")


@MIGRATIONS()
def m410_fix46b_kb_asks_lacks(db: Database) -> None:
    """The kind of fact (a rate, a form, a contact, a deadline) a confidently answered question asked for that the
    entry given plainly lacks (knowledge/specific_ask.py). Trial 44 F8: "what is the staying put allowance rate for
    2026" got the staying-put entry, which gives no rate, and never reached the QA leads; such a question is now on
    their unanswered list, as answered by that entry without what was asked for."""
    db.execute("ALTER TABLE kb_asks ADD COLUMN lacks TEXT")


@MIGRATIONS()
def m430_fix48d_kb_changes(db: Database) -> None:
    """How many times the knowledge base was reloaded and its learned wordings changed, by any process on this
    database (trial 46, F12: a terminal chat started before a QA lead's `kb link` in another kept the old knowledge
    base until restarted). One row; each process compares it with the counts it last loaded, before each turn, and
    catches up when they differ (bot/asking/kb_shared.py, bot/storage/kb_changes.py)."""
    db.execute("CREATE TABLE kb_changes (id INTEGER PRIMARY KEY CHECK (id = 1), folder INTEGER NOT NULL DEFAULT 0, "
               "learned INTEGER NOT NULL DEFAULT 0)")
    db.execute("INSERT INTO kb_changes (id) VALUES (1)")


@MIGRATIONS()
def m480_fix53a_action_question(db: Database) -> None:
    """The checklist question an action was raised against, when the auditor named it at the actions step (`Q3: update
    the chronology`), so a later audit of the case that answers that question well asks whether the action is done
    (trial 50, finding 21). Nullable: actions added before, or without naming a question, keep NULL and are never
    asked about."""
    db.execute("ALTER TABLE actions ADD COLUMN question_id TEXT")


@MIGRATIONS()
def m580_fix62b_trail_draft_released(db: Database) -> None:
    """The drafts a campaign's closing released, by audit: each submission asks whether its audit was one (trial 56,
    F4), so the look-up reads a few rows. Partial, as m300: no other trail write pays for it."""
    db.execute("CREATE INDEX trail_draft_released ON trail(json_extract(detail, '$.audit')) "
               "WHERE action = 'campaign.draft_released'")


@MIGRATIONS()
def m620_fix66a_known_people(db: Database) -> None:
    """The last name teams.yaml gave each person the bot has seen, written at every start (trial 58, F6): once
    someone leaves teams.yaml their audits, actions and requests still name them ("Team manager (South) (left)"),
    not a raw Slack ID."""
    db.execute("CREATE TABLE known_people (user_id TEXT PRIMARY KEY, name TEXT NOT NULL, seen_at TEXT NOT NULL)")


@MIGRATIONS()
def m680_fix70c_held_dm_audit(db: Database) -> None:
    """The audit a held DM is about (the one audit it names: bot.audits.held_dms.named_audit), so removing an
    audit's text changes only the held DMs about that audit: a short text (a first name) removed from one audit could
    otherwise change any held message that happens to hold the word (fix70c, finding B). Nullable: a DM about no
    audit, or naming several, and every DM held before this keep NULL, and only a removed text long enough to be
    unambiguous changes those (bot.audits.held_redaction)."""
    db.execute("ALTER TABLE held_dms ADD COLUMN audit_id INTEGER")


@MIGRATIONS()
def m790_fix74a_more_time_also_asked(db: Database) -> None:
    """Whoever else a request for more time was sent to at once, as a JSON list of Slack IDs (fix74a, A1: while the
    one asked is away past the day asked for, another manager or an admin is sent it too, and may answer it; the
    request said it was asked of the first only, in `my actions`, the trail, the reminders and the first one's own
    list). Nullable: sent to one person only, and every request before this."""
    db.execute("ALTER TABLE actions ADD COLUMN more_time_also_asked TEXT")


@MIGRATIONS()
def m882_fix77b_monthly_moderation_sample(db: Database) -> None:
    """The monthly moderation sample (`/audit moderate sample`, trial 62 F4): drawn once a month, who drew it and
    when, and the audits drawn, each with its team as it was drawn. An audit removed (retention, demo data) leaves
    the sample with it."""
    db.executescript("""
        CREATE TABLE monthly_samples (
            month TEXT PRIMARY KEY,            -- 'YYYY-MM', the month whose submitted audits were drawn from
            drawn_at TEXT NOT NULL,
            drawn_by TEXT NOT NULL,
            share REAL NOT NULL
        );
        CREATE TABLE monthly_sample_audits (
            month TEXT NOT NULL REFERENCES monthly_samples(month) ON DELETE CASCADE,
            audit_id INTEGER NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
            team_id TEXT,
            PRIMARY KEY (month, audit_id)
        );
        CREATE INDEX monthly_sample_audits_audit ON monthly_sample_audits(audit_id);
        """)


@MIGRATIONS()
def m884_fix77c_allocation_cancelled(db: Database) -> None:
    """A campaign allocation cancelled (`campaign cancel`, or its team taken out) is kept, marked with when, by whom
    and why, rather than deleted (fix77c: the campaign's report and `campaign show` lost that the case had been
    allocated; only the trail kept it). NULL: a live allocation, and every one before this."""
    for column in ("cancelled_at", "cancelled_by", "cancel_reason"):
        db.execute(f"ALTER TABLE campaign_allocations ADD COLUMN {column} TEXT")
