"""Who may see which case-level data (sagsdata): the only place that decides.

Economists, heads of department and superusers see every child; a team leader sees the
children of the team with the team's name; a caseworker (rådgiver) sees the children whose
``caseworker`` is their username. Anyone else sees nothing. Views fetch case data only
through these helpers; each read, and each refused measure, is written to the audit log.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import QuerySet
from django.http import Http404

from ramme.web.accounts.audit import record_access
from ramme.web.accounts.models import AuditEvent, Role, User
from ramme.web.data.models import Child, Measure

KEY_LENGTH = AuditEvent._meta.get_field("object_key").max_length or 200


def _child_filter(user: User) -> dict[str, str] | None:
    """Field lookups limiting children to ``user``'s cases; ``None`` means no access."""
    if not user.is_authenticated or not user.is_active:
        return None
    if user.sees_all_cases:
        return {}
    if user.role == Role.TEAM_LEADER and user.team is not None:
        return {"team": user.team.name}
    if user.role == Role.CASEWORKER:
        return {"caseworker": user.username}
    return None


def case_scope(user: User) -> dict[str, str] | None:
    """The child fields (team, caseworker) limiting ``user``'s cases: ``{}`` for every
    case, ``None`` for none; for counts cached per scope instead of per user."""
    return _child_filter(user)


def visible_children(user: User) -> QuerySet[Child]:
    """The children ``user`` may see (logged as one read of the list)."""
    lookups = _child_filter(user)
    if lookups is None:
        return Child.objects.none()
    record_access(user, AuditEvent.Action.READ, "child", detail="liste")
    return Child.objects.filter(**lookups)


def visible_child_keys(user: User) -> frozenset[str] | None:
    """The keys of the children ``user`` may see; ``None`` when she may see every child.
    For deciding which aggregates to show her: nothing case-level is shown, so no log row."""
    if user.is_authenticated and user.is_active and user.sees_all_cases:
        return None
    lookups = _child_filter(user)
    if lookups is None:
        return frozenset()
    return frozenset(Child.objects.filter(**lookups).values_list("key", flat=True))


def visible_measures(user: User) -> QuerySet[Measure]:
    """The measures of the children ``user`` may see (logged as one read of the list)."""
    lookups = _child_filter(user)
    if lookups is None:
        return Measure.objects.none()
    record_access(user, AuditEvent.Action.READ, "measure", detail="liste")
    related = {f"child__{field}": value for field, value in lookups.items()}
    return Measure.objects.filter(**related).select_related("child", "measure_type")


def visible_measure_ids(user: User) -> frozenset[str] | None:
    """The ids of the measures ``user`` may see, ``None`` when she may see every measure
    (logged as one read of the list, like ``visible_measures``): a list over every case
    then needs no filter, and no request reads every measure id."""
    lookups = _child_filter(user)
    if lookups == {}:
        record_access(user, AuditEvent.Action.READ, "measure", detail="liste")
        return None
    return frozenset(visible_measures(user).values_list("measure_id", flat=True))


def record_shown(user: User, object_type: str, keys: Iterable[str], where: str) -> None:
    """One access-log row naming every case a page or list showed (``where``: the page)."""
    shown = sorted(set(keys))
    if shown:
        detail = f"viste {len(shown)}: " + ", ".join(shown)
        record_access(user, AuditEvent.Action.READ, object_type, where[:KEY_LENGTH], detail)


def get_measure_for_user(user: User, measure_id: str) -> Measure:
    """One measure by its ``measure_id``, or 404 when it does not exist or is not visible
    (logged as a refusal, ``denied``, not as a read)."""
    lookups = _child_filter(user)
    measure = None
    if lookups is not None:
        related = {f"child__{field}": value for field, value in lookups.items()}
        measure = (
            Measure.objects.filter(measure_id=measure_id, **related)
            .select_related("child", "measure_type", "provider")
            .first()
        )
    if measure is None:
        # A refusal is logged too: asking for other people's cases is worth seeing.
        record_access(user, AuditEvent.Action.DENIED, "measure", measure_id[:KEY_LENGTH])
        raise Http404("Indsatsen findes ikke.")
    record_access(user, AuditEvent.Action.READ, "measure", measure.measure_id)
    return measure
