"""A campaign report and its progress as words (neutral markup), JSON, CSV rows and a chart."""

from __future__ import annotations

import csv
import io
from collections.abc import Collection
from datetime import date
from typing import Any

from bot.campaigns import closing
from bot.campaigns.model import Campaign
from bot.campaigns.report import CampaignReport, Progress
from bot.core.agreement import CAMPAIGN_BASIS, Agreement
from bot.core.markup import bold, mention
from bot.core.replies import Reply
from bot.core.spreadsheet_cells import SafeWriter
from knowledge.checklist_schema import GRADE_LABELS
from knowledge.dates import long_date, short_date

GRADE_ORDER = ("outstanding", "good", "requires_improvement", "inadequate")


def percent(part: int, whole: int) -> str:
    """A whole percentage, or a dash when there is nothing to divide by."""
    return f"{round(100 * part / whole)}%" if whole else "–"


def yes_share(yes: int, answered: int) -> str:
    """"1 of 1 (100%)": the count with its share, as the digests give one (trial 62 F11: "100% yes" from one audit)."""
    return f"{yes} of {answered} ({percent(yes, answered)})"


def progress_line(progress: Progress) -> str:
    """Allocated, started, submitted and moderated, in one line."""
    return (f"{progress.allocated} allocated, {progress.started} started, {progress.submitted} submitted, "
            f"{progress.moderated} moderated")


def campaign_heading(campaign: Campaign, today: date | None = None) -> str:
    """A campaign's number, name, theme, window and whether it is open (and, with `today`, overdue:
    closing.state)."""
    return (f"Campaign {campaign.id} {bold(campaign.name)} ({campaign.theme}): "
            f"{short_date(campaign.starts_on, year=False)} to {short_date(campaign.deadline)}, "
            f"{closing.state(campaign, today)}")


def campaign_list(campaigns: list[Campaign], today: date, close_command: str | None, bullet: str = "") -> list[str]:
    """One heading a campaign, then, for whoever may close them (`close_command`), how to close each one that is
    past its deadline and still open: the list `/audit campaign` and `audit-bot campaign list` show."""
    lines = [f"{bullet}{campaign_heading(c, today)}" for c in campaigns]
    hints = [closing.close_overdue(c, today, close_command) for c in campaigns] if close_command else []
    return lines + [hint for hint in hints if hint]


def grade_text(grades: dict[str, int], closed: bool = False) -> str:
    """Grade counts, best first, leaving out grades nobody got; "none yet" while the campaign is open, "none" once
    it is closed (trial 26: a closed campaign's report still said "none yet", as if grades were to come)."""
    shown = [f"{GRADE_LABELS[g]} {grades[g]}" for g in GRADE_ORDER if grades.get(g)]
    if grades.get("not_graded"):
        shown.append(f"not graded {grades['not_graded']}")
    return ", ".join(shown) or ("none" if closed else "none yet")


def own_teams_heading(campaign: Campaign, teams: int) -> str:
    """"Your team's cases in campaign 1 (audited by others):": a manager's teams' figures, told apart from the cases
    they are to audit themselves (trial 25: "North Assessment Team: 2 allocated" sat beside their task to audit a
    South case, and read as theirs). In a peer campaign nobody in a team audits its cases."""
    whose = "Your team's" if teams == 1 else "Your teams'"
    by = " (audited by others)" if campaign.auditors == "peer" else ""
    return bold(f"{whose} cases in campaign {campaign.id}{by}") + ":"


def progress_reply(report: CampaignReport, team_ids: list[str] | None, today: date | None = None,
                   close_command: str | None = None, auditor_ids: Collection[str] = ()) -> Reply:
    """`/audit campaign N`: the figures by team and by auditor (a manager sees their own teams only, and the auditors
    among their teams' members, `auditor_ids`: trial 22 found a manager shown no auditor at all); with `today`,
    whether it is overdue, and how to close it for whoever may (`close_command`)."""
    teams = [t for t in report.teams if team_ids is None or t.team_id in team_ids]
    hint = closing.close_overdue(report.campaign, today, close_command) if today and close_command else None
    lines = [campaign_heading(report.campaign, today), *([hint] if hint else []),
             f"Checklist: {report.checklist_title}"]
    if team_ids is None:
        lines.append(f"{bold('All teams')}: {progress_line(report.progress)}")
    if team_ids is not None and teams:
        lines.append(own_teams_heading(report.campaign, len(teams)))
    lines += [f"• {t.team_name}: {progress_line(t.progress)}" for t in teams]
    shown_teams = {t.team_id for t in teams}
    auditors = report.auditors if team_ids is None else tuple((who, p) for who, p in report.auditors
                                                                if who in auditor_ids)
    if auditors:
        lines.append(bold("By auditor"))
        lines += [f"• {mention(who)}: {progress_line(p)}" for who, p in auditors]
    if team_ids is not None and not shown_teams:
        lines.append("None of your teams is in this campaign.")
    return Reply(text="\n".join(lines))


def report_reply(report: CampaignReport, chart: bytes | None = None) -> Reply:
    """The report posted to the QA channel at close: what the practice improvement board reads."""
    c = report.campaign
    p = report.progress
    closed = not c.is_open
    early = report.closed_on is not None and report.closed_on < c.deadline  # trial 56: only the planned dates
    lines = [campaign_heading(c) + (f" early on {long_date(report.closed_on)}" if early and report.closed_on else ""),
             f"Checklist: {report.checklist_title}",
             f"{bold('Completion')}: {p.submitted} of {p.allocated} ({percent(p.submitted, p.allocated)})",
             f"{bold('Grades')}{' (after moderation, where moderated)' if p.moderated else ''}: "
             f"{grade_text(report.grades, closed)}"
             + (", no audit was submitted before it closed" if closed and not p.submitted else "")]
    lines += [report.cancelled] if report.cancelled else []  # fix79a: as `campaign N` says it
    for team in report.teams:
        tp = team.progress
        lines.append(f"• {team.team_name}: {tp.submitted} of {tp.allocated} submitted; "
                     f"{grade_text(team.grades, closed)}; actions {team.actions_raised} raised, "
                     f"{team.actions_overdue} overdue")
    lines += _question_lines(report)
    if report.weakest:
        lines.append(bold("Weakest questions, with guidance"))
        for q, guide in zip(report.weakest, report.guidance, strict=True):
            advice = f" — see “{guide.entry_question}” (`{guide.entry_id}`)" if guide.entry_id else ""
            lines.append(f"• {q.text}: flagged in {percent(q.flagged, q.answered)} of answers{advice}")
    lines.append(f"{bold('Actions')}: {report.actions_raised} raised, {report.actions_overdue} overdue")
    agreement = Agreement(report.moderation_agreed, report.moderation_decided, CAMPAIGN_BASIS)
    lines.append(f"{bold('Moderation')}: {sample_said(p.sampled, p.moderated)}; agreement {agreement.said()}")
    return Reply(title=f"Audit campaign report: {c.name}", text="\n".join(lines), image=chart,
                 image_name=f"campaign-{c.id}.png" if chart else None)


def sample_said(sampled: int, moderated: int) -> str:
    """'2 sampled, 1 moderated', or with no sample yet '1 moderated (none drawn as the sample yet)': trial 25 read
    "0 sampled, 1 moderated" as a contradiction (an audit may be moderated before the sample is drawn)."""
    if sampled:
        return f"{sampled} sampled, {moderated} moderated"
    return f"{moderated} moderated (none drawn as the sample yet)" if moderated else "none sampled or moderated yet"


def _question_lines(report: CampaignReport) -> list[str]:
    """Each question's yes rate and flags under their heading; with none to show, the heading says why instead of
    standing over nothing."""
    shown = [f"• {q.text}: {yes_share(q.yes, q.yes + q.no)} yes, {q.flagged} flagged" if q.yes_rate is not None
             else f"• {q.text}: {q.flagged} flagged" for q in report.questions if q.yes_rate is not None or q.flagged]
    heading = "Questions (yes rate, flags)"
    if shown:
        return [bold(heading), *shown]
    why = (f"{'none' if not report.campaign.is_open else 'none yet'}, no audit was submitted"
           if not report.progress.submitted
           else "none, the submitted audits have no yes or no answers and nothing flagged")
    return [f"{bold(heading)}: {why}"]


def report_json(report: CampaignReport) -> dict[str, Any]:
    """The report as plain data (`audit-bot campaign report N --format json`, and the exports)."""
    c = report.campaign

    def progress(p: Progress) -> dict[str, int]:
        return {"allocated": p.allocated, "started": p.started, "submitted": p.submitted, "moderated": p.moderated,
                "sampled": p.sampled}

    def questions(items: Any) -> list[dict[str, Any]]:
        return [{"question_id": q.question_id, "text": q.text, "yes": q.yes, "no": q.no, "flagged": q.flagged,
                 "answered": q.answered,
                 "yes_rate": None if q.yes_rate is None else round(q.yes_rate, 4)} for q in items]

    return {
        "campaign": {"id": c.id, "name": c.name, "theme": c.theme, "checklist_id": c.checklist_id,
                     "teams": list(c.teams), "starts_on": c.starts_on.isoformat(), "deadline": c.deadline.isoformat(),
                     "auditors": c.auditors, "moderation_share": c.moderation_share, "status": c.status},
        "progress": progress(report.progress),
        "completion": round(report.progress.completion, 4),
        "grades": report.grades,
        "teams": [{"team_id": t.team_id, "progress": progress(t.progress), "grades": t.grades,
                   "actions_raised": t.actions_raised, "actions_overdue": t.actions_overdue,
                   "questions": questions(t.questions)} for t in report.teams],
        "auditors": [{"auditor_id": who, **progress(p)} for who, p in report.auditors],
        "questions": questions(report.questions),
        "weakest": [{"question_id": g.question_id, "guidance_entry": g.entry_id, "guidance_question": g.entry_question}
                    for g in report.guidance],
        "actions": {"raised": report.actions_raised, "overdue": report.actions_overdue},
        "moderation": {"agreed": report.moderation_agreed, "decided": report.moderation_decided},
    }


def report_csv(report: CampaignReport) -> str:
    """One row per figure (section, team, item, value): what a spreadsheet pivot wants."""
    out = io.StringIO()
    writer = SafeWriter(csv.writer(out))
    writer.writerow(["section", "team", "item", "value"])
    p = report.progress
    for name in ("allocated", "started", "submitted", "moderated", "sampled"):
        writer.writerow(["progress", "all", name, getattr(p, name)])
    for grade, count in sorted(report.grades.items()):
        writer.writerow(["grades", "all", grade, count])
    for team in report.teams:
        for name in ("allocated", "started", "submitted", "moderated", "sampled"):
            writer.writerow(["progress", team.team_id, name, getattr(team.progress, name)])
        for grade, count in sorted(team.grades.items()):
            writer.writerow(["grades", team.team_id, grade, count])
        for q in team.questions:
            rate = "" if q.yes_rate is None else round(q.yes_rate, 4)
            writer.writerow(["yes_rate", team.team_id, q.question_id, rate])
            writer.writerow(["flagged", team.team_id, q.question_id, q.flagged])
        writer.writerow(["actions", team.team_id, "raised", team.actions_raised])
        writer.writerow(["actions", team.team_id, "overdue", team.actions_overdue])
    for q in report.questions:
        writer.writerow(["yes_rate", "all", q.question_id, "" if q.yes_rate is None else round(q.yes_rate, 4)])
    for g in report.guidance:
        writer.writerow(["weakest", "all", g.question_id, g.entry_id or ""])
    writer.writerow(["moderation", "all", "agreed", report.moderation_agreed])
    writer.writerow(["moderation", "all", "decided", report.moderation_decided])
    return out.getvalue()


def report_chart(report: CampaignReport) -> bytes:
    """Grades by team as stacked bars (the digest's chart code)."""
    from bot.digests.charts import grade_bars_png

    return grade_bars_png(f"{report.campaign.name}: grades by team", [t.team_name for t in report.teams],
                          [t.grades for t in report.teams], dict(GRADE_LABELS))
