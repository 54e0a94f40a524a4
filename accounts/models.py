"""Staff, their teams or localities, and their roles."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models


class Team(models.Model):
    class Kind(models.TextChoices):
        TEAM = "team", "Team"
        LOCALITY = "locality", "Locality"

    name = models.CharField(max_length=100, unique=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.TEAM)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    PERSONAL_ADVISER = "personal_adviser", "Personal adviser"
    SOCIAL_WORKER = "social_worker", "Social worker"
    TEAM_MANAGER = "team_manager", "Team manager"
    HEAD_OF_SERVICE = "head_of_service", "Head of service"
    QA_AUDITOR = "qa_auditor", "Quality assurance auditor"
    ADMINISTRATOR = "administrator", "Administrator"


# Roles whose holders carry a caseload of young people.
CASEWORK_ROLES = frozenset({Role.PERSONAL_ADVISER, Role.SOCIAL_WORKER})
# Roles that see every young person in the service.
SERVICE_WIDE_ROLES = frozenset({Role.HEAD_OF_SERVICE, Role.QA_AUDITOR, Role.ADMINISTRATOR})


class User(AbstractUser):
    """A member of staff. A user with no role can sign in but sees no records."""

    role = models.CharField(max_length=20, choices=Role.choices, blank=True)
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.PROTECT, related_name="members"
    )

    class Meta:
        ordering = ["first_name", "last_name", "username"]

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username

    @property
    def carries_caseload(self) -> bool:
        return self.role in CASEWORK_ROLES

    def __str__(self) -> str:
        return self.display_name
