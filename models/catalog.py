"""The estate's configurable lists: complaint categories and responsible departments."""
from __future__ import annotations

import peewee

from models.db import BaseModel

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

    def name(self, lang: str = "zh") -> str:
        return self.name_zh if lang.startswith("zh") else self.name_en


class Department(BaseModel):
    code = peewee.CharField(max_length=32, unique=True)
    name_zh = peewee.CharField(max_length=64)
    name_en = peewee.CharField(max_length=64)
    upper = peewee.BooleanField(default=False)
    contact = peewee.CharField(max_length=128, default="")
    active = peewee.BooleanField(default=True)

    def name(self, lang: str = "zh") -> str:
        return self.name_zh if lang.startswith("zh") else self.name_en


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
