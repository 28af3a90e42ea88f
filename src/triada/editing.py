"""Changing a model instance inside a service."""

from contextlib import contextmanager


def locked(instance):
    """Lock the row for the rest of the transaction and read its current state, so that two
    clicks cannot both pass a check (e.g. put two versions in force)."""
    type(instance).objects.select_for_update().filter(pk=instance.pk).first()
    instance.refresh_from_db()
    return instance


@contextmanager
def changes_applied(instance, fields: dict, allowed: tuple):
    """Set `fields` on the instance for the service to validate and save. If the service
    refuses, the instance gets its old values back, so the caller's object stays true to the
    database (the transaction has rolled back the rest)."""
    old = {}
    for name, value in fields.items():
        if name not in allowed:
            raise TypeError(f"{type(instance).__name__}.{name} cannot be changed here")
        old[name] = getattr(instance, name)
        setattr(instance, name, value)
    try:
        yield instance
    except BaseException:
        for name, value in old.items():
            setattr(instance, name, value)
        raise
