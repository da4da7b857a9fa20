"""Cause and corrective action (原因分析, 纠正预防措施) on a handled slip, so it does not happen again.

The etiquette seed asks “如何彻底解决发生的原因，避免重复再犯”; the motives seed teaches the
five-why method (5Why垂直法). Once a slip's handling is recorded, whoever knows the matter writes
down the chain of whys (up to five, one a line), the root cause it leads to, and what is done so
that it does not happen again. Slips beyond the clerk's authority and repeated complaints cannot
end without it: `missing(slip)` says so, and the close step refuses (models.replies
missing_for_complete). The review lists the repeats with their causes.

Every change is a slip change: the slip's version, a history event with what was there before.
"""
from __future__ import annotations

from dataclasses import dataclass

from models import clock, validation
from models.accounts import User, require_role
from models.changes import Change, change_slip
from models.errors import TransitionRefused, ValidationFailed
from models.i18n import language, t
from models.slips import Slip
from models.vocab import DESK_ROLES, Status, label

WHYS_MAX = 5
WHY_MAX_CHARS = 500
# Before these the handling is not yet recorded: there is nothing to analyse.
NOT_HANDLED = (Status.RECEIVED, Status.IN_HANDLING, Status.AWAITING_CONFIRMATION, Status.ESCALATED)


@dataclass(frozen=True)
class Analysis:
    whys: tuple[str, ...] = ()
    root_cause: str = ""
    corrective_action: str = ""

    @property
    def done(self) -> bool:
        return bool(self.root_cause.strip() and self.corrective_action.strip())


def analysis_of(slip: Slip) -> Analysis:
    whys = tuple(line for line in (slip.cause_whys or "").split("\n") if line.strip())
    return Analysis(whys, slip.root_cause or "", slip.corrective_action or "")


def required(slip: Slip) -> bool:
    """Beyond the clerk's authority, or a repeated complaint: the cause must be found."""
    return slip.within_authority is False or bool(slip.repeat_of)


def missing(slip: Slip) -> str | None:
    """Why the slip cannot end yet for want of its cause analysis; None when it can."""
    if not required(slip) or analysis_of(slip).done:
        return None
    if slip.repeat_of:
        return t("It repeats {earlier}: record the cause and the corrective action (原因分析、纠正预防措施) first.", earlier=slip.repeat_of)
    return t("It went beyond the clerk's authority: record the cause and the corrective action "
             "(原因分析、纠正预防措施) first.")


def _problems(analysis: Analysis) -> dict[str, str]:
    errors = {}
    if len(analysis.whys) > WHYS_MAX:
        errors["whys"] = t("At most five whys.")
    for why in analysis.whys:
        if message := validation.text(why, WHY_MAX_CHARS):
            errors["whys"] = message
    if message := validation.text(analysis.root_cause, 2000, required_message=t(
            "Write the root cause the whys lead to.")):
        errors["root_cause"] = message
    if message := validation.text(analysis.corrective_action, 2000, required_message=t(
            "Write what is done so that it does not happen again.")):
        errors["corrective_action"] = message
    return errors


def record(slip_id: int, user: User, analysis: Analysis, *, expected_version: int) -> Slip:
    """Record (or correct) the slip's cause and corrective action, on the version the form opened."""
    require_role(user, *DESK_ROLES, action=t("record a cause analysis"))
    analysis = Analysis(tuple(w.strip() for w in analysis.whys if w and w.strip()),
                        (analysis.root_cause or "").strip(), (analysis.corrective_action or "").strip())
    if errors := _problems(analysis):
        raise ValidationFailed(errors)

    def step(slip: Slip) -> Change:
        if slip.status in NOT_HANDLED:
            raise TransitionRefused(t("Slip {number} is {status}: the cause is analysed once the handling "
                                      "result is recorded.",
                                      number=slip.number, status=label(slip.status, language())))
        before = analysis_of(slip)
        slip.cause_whys = "\n".join(analysis.whys)
        slip.root_cause, slip.corrective_action = analysis.root_cause, analysis.corrective_action
        slip.cause_by, slip.cause_at = user.display_name, clock.now()
        data = {"whys": list(analysis.whys), "root_cause": analysis.root_cause,
                "corrective_action": analysis.corrective_action}
        if before.done:
            data["before"] = {"whys": list(before.whys), "root_cause": before.root_cause,
                              "corrective_action": before.corrective_action}
        return Change("cause_corrected" if before.done else "cause_recorded", note=analysis.root_cause,
                      data=data, transition=False)

    return change_slip(slip_id, user, expected_version, step)
