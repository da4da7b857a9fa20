"""Understanding the customer, as actions on the slip view (a desktop.slips.actions provider):
the customer's motive, a progress update while the slip is open, the cause and corrective action
once it is handled, satisfaction and return visit at closing, recording a return visit."""
from __future__ import annotations

from PySide6.QtGui import QAction

from desktop.understanding.motive_dialog import MotiveDialog
from desktop.understanding.satisfaction_dialog import ReturnVisitDialog, SatisfactionDialog
from desktop.understanding.progress_dialogs import CauseDialog, ProgressDialog
from desktop.slips.actions import VIEW, SlipContext, open_dialog, slip_action
from models import causes, satisfaction
from models.vocab import DESK_ROLES
from forms.translation import translator


_tr = translator("UnderstandingActions")


def _action(context: SlipContext, name: str, text: str, make_dialog) -> QAction:
    return slip_action(context, name, text, lambda: open_dialog(make_dialog()))


def slip_actions(context: SlipContext) -> list[QAction]:
    slip, session, parent = context.slip, context.session, context.parent
    if context.place != VIEW or not session.has_role(*DESK_ROLES):  # the estate desk's understanding
        return []
    actions = [_action(context, "motive", _tr("Customer's motive…"), lambda: MotiveDialog(session, slip.id, parent))]
    if slip.is_open:
        actions.append(_action(context, "progress", _tr("Progress told…"),
                               lambda: ProgressDialog(session, slip.id, parent)))
    if slip.status not in causes.NOT_HANDLED:
        actions.append(_action(context, "cause", _tr("Cause and corrective action…"),
                               lambda: CauseDialog(session, slip.id, parent)))
    if slip.status in satisfaction.MEASURABLE:
        actions.append(_action(context, "satisfaction", _tr("Satisfaction and return visit…"),
                               lambda: SatisfactionDialog(session, slip.id, parent)))
    visit = satisfaction.next_visit(slip.id)
    if visit is not None:
        actions.append(_action(context, "return-visit", _tr("Record the return visit…"),
                               lambda: ReturnVisitDialog(session, visit.id, parent)))
    return actions
