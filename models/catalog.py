"""The estate's configurable lists: complaint categories and responsible departments."""
from __future__ import annotations

import re

import peewee

from models import audit
from models.accounts import User, require_role
from models.db import BaseModel, write_transaction
from models.errors import ValidationFailed
from models.i18n import pick, t
from models.vocab import Role

# Seeded property-management categories: (code, Chinese, English).
DEFAULT_CATEGORIES = [
    ("noise", "噪音扰民", "Noise"),
    ("leak", "漏水维修", "Leaks and repairs"),
    ("cleaning", "环境卫生", "Cleaning"),
    ("security", "安全秩序", "Security"),
    ("parking", "停车管理", "Parking"),
    ("fees", "物业收费", "Fees"),
    ("greenery", "绿化养护", "Greenery"),
    ("attitude", "服务态度", "Staff attitude"),
    ("lift", "电梯故障", "Lifts"),
    ("lighting", "公共照明", "Lighting"),
    ("other", "其他", "Other"),
]

# Responsible people and departments; `upper` marks the upper service-management department.
DEFAULT_DEPARTMENTS = [
    ("engineering", "工程部", "Engineering", False),
    ("cleaning", "保洁部", "Cleaning", False),
    ("security", "安保部", "Security", False),
    ("service", "客服部", "Customer service", False),
    ("greenery", "绿化部", "Greenery", False),
    ("finance", "财务部", "Finance", False),
    ("upper", "上级服务管理部门", "Upper service-management department", True),
]


class Category(BaseModel):
    code = peewee.CharField(max_length=32, unique=True)
    name_zh = peewee.CharField(max_length=64)
    name_en = peewee.CharField(max_length=64)
    sort = peewee.IntegerField(default=0)
    active = peewee.BooleanField(default=True)
    # words in a complaint that suggest this category at intake (models.categorize)
    keywords = peewee.TextField(default="", constraints=[peewee.SQL("DEFAULT ''")])

    def name(self, lang: str | None = None) -> str:
        return pick(self.name_en, self.name_zh, lang)


class Department(BaseModel):
    code = peewee.CharField(max_length=32, unique=True)
    name_zh = peewee.CharField(max_length=64)
    name_en = peewee.CharField(max_length=64)
    upper = peewee.BooleanField(default=False)
    contact = peewee.CharField(max_length=128, default="")
    active = peewee.BooleanField(default=True)

    def name(self, lang: str | None = None) -> str:
        return pick(self.name_en, self.name_zh, lang)


class ResponsiblePerson(BaseModel):
    """A person a slip can be assigned to (维修师傅, 保洁主管 …); with an account, they see the
    department's notices in the app."""
    department = peewee.ForeignKeyField(Department, backref="people", on_delete="CASCADE")
    name = peewee.CharField(max_length=64)
    phone = peewee.CharField(max_length=32, default="")
    user = peewee.ForeignKeyField(User, null=True, backref="responsibilities", on_delete="SET NULL")
    active = peewee.BooleanField(default=True)


def seed_catalog() -> None:
    """Fill the lists on a new database; existing entries are left as the estate set them."""
    for sort, (code, zh, en) in enumerate(DEFAULT_CATEGORIES):
        Category.get_or_create(code=code, defaults={"name_zh": zh, "name_en": en, "sort": sort})
    for code, zh, en, upper in DEFAULT_DEPARTMENTS:
        Department.get_or_create(code=code, defaults={"name_zh": zh, "name_en": en, "upper": upper})


def categories() -> list[Category]:
    return list(Category.select().where(Category.active).order_by(Category.sort, Category.id))


def departments() -> list[Department]:
    return list(Department.select().where(Department.active).order_by(Department.id))


def upper_department() -> Department | None:
    return Department.select().where(Department.upper, Department.active).first()


def people(department: Department | int | None = None) -> list[ResponsiblePerson]:
    query = ResponsiblePerson.select().where(ResponsiblePerson.active)
    if department is not None:
        query = query.where(ResponsiblePerson.department == department)
    return list(query.order_by(ResponsiblePerson.department, ResponsiblePerson.name))


def _names(code: str, name_zh: str, name_en: str) -> dict[str, str]:
    errors = {}
    if not code.strip() or len(code) > 32 or not code.replace("_", "").isalnum():
        errors["code"] = t("A short code of letters, digits or _ is required.")
    if not name_zh.strip() or len(name_zh) > 64:
        errors["name_zh"] = t("A Chinese name (up to 64 characters) is required.")
    if not name_en.strip() or len(name_en) > 64:
        errors["name_en"] = t("An English name (up to 64 characters) is required.")
    return errors


def save_category(user: User, code: str, name_zh: str, name_en: str, active: bool = True,
                  sort: int | None = None, keywords: str | None = None) -> Category:
    """Add or change a category (by code); only a manager keeps the estate's lists."""
    require_role(user, Role.MANAGER, action=t("change the categories"))
    errors = _names(code, name_zh, name_en)
    if keywords is not None and len(keywords) > 2000:
        errors["keywords"] = t("At most 2,000 characters.")
    if errors:
        raise ValidationFailed(errors)
    with write_transaction():
        row = Category.get_or_none(Category.code == code.strip())
        if row is None:
            last = Category.select(peewee.fn.MAX(Category.sort)).scalar() or 0
            row = Category(code=code.strip(), sort=last + 1 if sort is None else sort)
        elif sort is not None:
            row.sort = sort
        row.name_zh, row.name_en, row.active = name_zh.strip(), name_en.strip(), active
        if keywords is not None:  # None: as they were
            row.keywords = "、".join(w for w in re.split(r"[,，、;；\s]+", keywords) if w)
        row.save()
        audit.log(user, "category_saved", code=row.code, name_zh=row.name_zh, name_en=row.name_en, active=active,
                  keywords=row.keywords)
    return row


def save_department(user: User, code: str, name_zh: str, name_en: str, contact: str = "",
                    active: bool = True, upper: bool = False) -> Department:
    """Add or change a department (by code); only a manager keeps the estate's lists."""
    require_role(user, Role.MANAGER, action=t("change the departments"))
    errors = _names(code, name_zh, name_en)
    if len(contact) > 128:
        errors["contact"] = t("At most 128 characters.")
    if errors:
        raise ValidationFailed(errors)
    with write_transaction():
        row = Department.get_or_none(Department.code == code.strip()) or Department(code=code.strip())
        row.name_zh, row.name_en, row.contact = name_zh.strip(), name_en.strip(), contact.strip()
        row.active, row.upper = active, upper
        row.save()
        audit.log(user, "department_saved", code=row.code, name_zh=row.name_zh, contact=row.contact, active=active,
                  upper=upper)
    return row


def save_person(user: User, department_id: int, name: str, phone: str = "", account: User | None = None,
                active: bool = True, person_id: int | None = None) -> ResponsiblePerson:
    """Add or change a responsible person; only a manager keeps the estate's lists."""
    require_role(user, Role.MANAGER, action=t("change the responsible people"))
    errors = {}
    if not Department.select().where(Department.id == department_id).exists():
        errors["department"] = t("Choose a department.")
    if not (name or "").strip() or len(name) > 64:
        errors["name"] = t("A name (up to 64 characters) is required.")
    if len(phone or "") > 32:
        errors["phone"] = t("At most 32 characters.")
    if errors:
        raise ValidationFailed(errors)
    with write_transaction():
        row = ResponsiblePerson.get_by_id(person_id) if person_id else ResponsiblePerson()
        row.department, row.name, row.phone = department_id, name.strip(), (phone or "").strip()
        row.user, row.active = account, active
        row.save()
        audit.log(user, "person_saved", person=row.id, department=department_id, name=row.name,
                  account=account.username if account else None, active=active)
    return row
