"""The actions a team marked done in the digest's week, named with their done notes (fix 37).

The digest said only "3 actions marked done in week 48": a manager could not see what was done without opening each
audit. Now the actions part names up to five (bot.digests.digest.DONE_NAMED), those with a note first, each by its
number and case reference with its note, short: "Done in week 48: 3 — #105 CR-123456 “visit done with the family”;
#106 CR-654321 …; and 1 more". A team channel's post says only how many cases (fix 41: channels are read by more
than the managers), unless `case_references_in_channels` is set. The notes were screened for identifiers when
typed (bot.audits.done_note).
"""

from __future__ import annotations

from bot.core.cut_short import clip_at_word
from bot.core.replies import count_of
from bot.digests.digest import TeamDigest

NOTE_CHARS = 60  # a note is up to 280 characters; the digest shows its start


def done_line(digest: TeamDigest, week: str, cases_named: bool = True) -> str | None:
    """'   Done in week 48: 3 — #105 CR-123456 “visit done with the family”; #106 CR-654321; and 1 more', or None
    when none was marked done in the week (`week` as the digest labels its counts). Not `cases_named` (a team
    channel's post, by the `case_references_in_channels` setting): only how many cases, '   Done in week 48: 3
    actions, on 2 cases (named in the managers' own digest)', since a channel is read by more than the managers."""
    if not digest.actions_done_week or not digest.done_named:
        return None
    if not cases_named:
        return (f"   Done {week}: {count_of(digest.actions_done_week, 'action')}, on "
                f"{count_of(digest.cases_done_week, 'case')} (named in the managers' own digest)")
    named = [f"#{done.id} {done.case_ref}"
             + (f" “{clip_at_word(done.note, NOTE_CHARS, one_line=True)}”" if done.note else "")
             for done in digest.done_named]
    more = digest.actions_done_week - len(named)
    if more > 0:
        named.append(f"and {more} more")
    return f"   Done {week}: {digest.actions_done_week} — {'; '.join(named)}"
