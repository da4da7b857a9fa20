"""Where a new slip goes from the desk: answered at once, handling within authority, or up.

The seed's rule for every channel: answer at once if possible; within the clerk's authority,
notify the responsible department; beyond it, the person in charge confirms before the slip
goes up. The clerk's decision on authority is recorded beside Slipdesk's suggestion, and the
slip takes its first step through the one state machine (models.workflow).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from models import authority, workflow
from models.accounts import User
from models.authority import Decision
from models.catalog import Department
from models.i18n import t
from models.slips import Slip


@dataclass(frozen=True)
class Plan:
    """The clerk's authority decision and, within authority, the department that will handle it."""
    decision: Decision
    department_id: int | None


def handling_department(intake: Any) -> int | None:
    """The department the clerk chose, else the one the category's rule names (if active)."""
    if intake.department_id is not None:
        chosen = Department.get_or_none(Department.id == intake.department_id, Department.active)
        return chosen.id if chosen else None
    category = authority.category_facts(intake.category_id)
    return category.department_id if category else None


def plan(intake: Any) -> Plan:
    decision = authority.decide(intake, intake.within_authority, intake.override_reason, intake.answered_at_once)
    settle_here = decision.within and not intake.answered_at_once
    return Plan(decision, handling_department(intake) if settle_here else None)


def problems(intake: Any, planned: Plan | None = None) -> dict[str, str]:
    """What stops the slip from being routed: the override reason, amounts, the department."""
    errors = {key: message for key in ("compensation_amount", "repair_cost")
              if (message := authority.amount_problem(getattr(intake, key)))}
    if errors:
        return errors
    planned = planned or plan(intake)
    errors.update(planned.decision.problems())
    if not intake.answered_at_once and planned.decision.within and planned.department_id is None:
        errors["department_id"] = t("Choose the department that will handle it.")
    return errors


def authority_fields(planned: Plan) -> dict[str, Any]:
    """The slip's record of the suggestion and the clerk's decision."""
    decision = planned.decision
    return {"within_authority": decision.within, "authority_suggestion": decision.assessment.composed().stored(),
            "override_reason": decision.override_reason}


def route(slip: Slip, created: dict[str, Any], intake: Any, planned: Plan, user: User,
          attach: Callable[[Slip], None] | None = None) -> Slip:
    """The new slip's first step, after which it is written with its "created" event `created`;
    call inside the transaction that numbered it. `attach`: stores its scans (changes.change_new_slip)."""
    if intake.answered_at_once:
        return workflow.first_step(slip, created, "answer_at_once", user, attach, answer_note=intake.answer_note)
    if planned.decision.within:
        return workflow.first_step(slip, created, "assign", user, attach, department=planned.department_id,
                                   assignee=intake.assignee)
    decision = planned.decision
    reason = decision.override_reason or decision.assessment.composed()  # the clerk's words, else the rules' in both
    return workflow.first_step(slip, created, "request_escalation", user, attach, reason=reason)
