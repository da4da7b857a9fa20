"""Every table Slipdesk keeps, in the order they can be created."""
from __future__ import annotations

from models.accounts import User
from models.answers import AnswerVersion, StandardAnswer
from models.audit import AuditEvent, ChainHead
from models.authority import AuthorityLimit, CategoryRule, EscalationSignal
from models.catalog import Category, Department, ResponsiblePerson
from models.commentbook import BookCheck, BookEntry
from models.directory import Resident, Unit
from models.estates import Estate
from models.moved_ids import MovedBlock
from models.drafts import Draft
from models.facts import FactColumns
from models.handover import HandoverNote, HandoverRead
from models.history import SlipEvent
from models.motives import MotiveDecision, MotiveRule, MotiveRuleHit
from models.notices import Notice, NoticeRead
from models.phrases import ForbiddenPhrase
from models.replies import Letter, Reply, ThanksFollowUp
from models.rule_stamp import RuleStamp
from models.satisfaction import ReturnVisit, SuggestionReward
from models.search import SearchDoc
from models.settings import Setting
from models.slips import Attachment, Slip, SlipCounter
from models.transmittals import Transmittal
from models.workcalendar import CalendarDay, CalendarYear

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
    ResponsiblePerson,
    CategoryRule,
    AuthorityLimit,
    EscalationSignal,
    Transmittal,
    Notice,
    NoticeRead,
    BookCheck,
    BookEntry,
    HandoverNote,
    HandoverRead,
    AuditEvent,
    # understanding the customer, rules and rewards
    MotiveRule,
    MotiveDecision,
    MotiveRuleHit,
    ForbiddenPhrase,
    StandardAnswer,
    AnswerVersion,
    ReturnVisit,
    SuggestionReward,
    # letters and what follows them
    Letter,
    Reply,
    ThanksFollowUp,
    # kept current by triggers (models.migrations)
    RuleStamp,
    # the working calendar
    CalendarYear,
    CalendarDay,
    # the integrity of the chains
    FactColumns,
    ChainHead,
    # estates of a company
    Estate,
    MovedBlock,
]
