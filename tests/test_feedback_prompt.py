"""en-feedback-prompt: a feedback widget's question goes; a story's own subheading in the
same words stays (rules/lang/en.yaml)."""
from __future__ import annotations

import pytest

from cleaner import clean

PARA = ("Young people under 22 will pay half the adult fare on every bus in the region from "
        "April, the transport authority said on Monday, after a trial in two towns.")


@pytest.mark.parametrize("heading", ["Did this help?", "Was this helpful?", "Was this useful?"])
def test_a_story_s_subheading_stays(heading: str) -> None:
    text = "\n\n".join(["Half-price buses for the young", PARA, heading, PARA.replace("April", "May"),
                        PARA.replace("Monday", "Tuesday")])
    assert heading in clean(text, lang="en").split("\n")


@pytest.mark.parametrize("widget", ["Was this helpful? Yes No", "Was this page helpful?",
                                    "Did this help? Please give feedback by clicking an icon below"])
def test_the_widget_goes(widget: str) -> None:
    text = "\n\n".join(["Half-price buses for the young", PARA, PARA.replace("April", "May"), widget])
    assert widget not in clean(text, lang="en")
