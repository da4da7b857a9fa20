"""Every table Slipdesk keeps, in the order they can be created."""
from __future__ import annotations

from models.accounts import User
from models.answers import AnswerVersion, StandardAnswer
from models.catalog import Category, Department
from models.directory import Resident, Unit
from models.drafts import Draft
from models.history import SlipEvent
from models.motives import MotiveDecision, MotiveRule, MotiveRuleHit
from models.phrases import ForbiddenPhrase
from models.satisfaction import ReturnVisit, SuggestionReward
from models.search import SearchDoc
from models.settings import Setting
from models.slips import Attachment, Slip, SlipCounter

MODELS = [
    User,
    Category,
    Department,
    Unit,
    Resident,
    Setting,
    SlipCounter,
    Slip,
    Attachment,
    SlipEvent,
    SearchDoc,
    Draft,
    # schema step 2 (models.migrations.step_2_models)
    MotiveRule,
    MotiveDecision,
    MotiveRuleHit,
    ForbiddenPhrase,
    StandardAnswer,
    AnswerVersion,
    ReturnVisit,
    SuggestionReward,
]
