"""The fixed people of the test suite, one per role (create with ``personas()`` inside a db test).

- ``admin``: superuser, sees everything.
- ``researcher``: researcher for Mongolia (reviews, imports, analyses MN surveys).
- ``foreign_researcher``: researcher for Thailand only; must see nothing individual in Mongolia.
- ``committee``: Mongolian advisory committee member; aggregates only, small cells hidden.
- ``enumerator``: fills in for organisations in Arkhangai (MN-073) only.
- ``entity``: represents one organisation (``own``) and nothing else.
- ``anonymous``: nobody signed in.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser, User

from solidata.web.accounts.models import Membership, Role
from solidata.web.registry.models import Organisation

PASSWORD = "a-long-test-password-1"


@dataclass
class Personas:
    admin: User
    researcher: User
    foreign_researcher: User
    committee: User
    enumerator: User
    entity: User
    anonymous: AnonymousUser
    own: Organisation

    def all(self) -> dict[str, User | AnonymousUser]:
        return {
            "admin": self.admin,
            "researcher": self.researcher,
            "foreign_researcher": self.foreign_researcher,
            "committee": self.committee,
            "enumerator": self.enumerator,
            "entity": self.entity,
            "anonymous": self.anonymous,
        }


def _member(username: str, role: Role, **scope: list[object]) -> User:
    user = User.objects.create_user(username, password=PASSWORD)
    membership = Membership.objects.create(user=user, role=role)
    for field, values in scope.items():
        getattr(membership, field).set(values)
    return user


def personas(own: Organisation | None = None) -> Personas:
    """Create the personas; ``own`` is the entity representative's organisation (default: first)."""
    own = own or Organisation.objects.order_by("pk").first()
    assert own is not None, "load organisations first (e.g. the demo_db fixture)"
    return Personas(
        admin=User.objects.create_superuser("admin-persona", password=PASSWORD),
        researcher=_member("researcher", Role.RESEARCHER, countries=["MN"]),
        foreign_researcher=_member("foreign-researcher", Role.RESEARCHER, countries=["TH"]),
        committee=_member("committee", Role.COMMITTEE, countries=["MN"]),
        enumerator=_member("enumerator", Role.ENUMERATOR, areas=["MN-073"]),
        entity=_member("entity", Role.ENTITY, organisations=[own]),
        anonymous=AnonymousUser(),
        own=own,
    )
