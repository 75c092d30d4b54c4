"""fix74b (B1): a held message keeps a chart (a held digest's trend) as it keeps words and buttons, and a chart is
not counted as a message of its own."""

from __future__ import annotations

from bot.audits.held_dms import as_json, from_json, is_chart
from bot.core.replies import Choice, Reply

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256))


def test_a_chart_held_comes_back_byte_for_byte_with_its_name_and_title() -> None:
    chart = Reply(text="North Assessment Team: audits completed by grade over 12 weeks", image=PNG,
                  image_name="audit-trend-north-assessment-2026-W52.png", title="North Assessment Team: 12-week trend",
                  to_user="U0MGRN001")
    kept = as_json(chart)
    assert from_json("U0MGRN001", kept) == chart
    assert is_chart(kept)


def test_words_and_buttons_held_are_no_chart() -> None:
    digest = Reply(text="**Audits completed**: 0 in week 52", title="North Assessment Team: week 52",
                   choices=(Choice("Open", "audit.view", "12"),), to_user="U0MGRN001")
    kept = as_json(digest)
    assert from_json("U0MGRN001", kept) == digest and from_json("U0MGRN001", kept).image is None
    assert not is_chart(kept) and not is_chart("")
