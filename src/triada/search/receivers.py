"""The index follows what the domain services tell (triada.events); connected in
SearchConfig.ready()."""

from triada import events

from . import services, tasks


def on_body_saved(sender, body, **kwargs) -> None:
    services.index_body(body)


def on_minutes_published(sender, minutes, **kwargs) -> None:
    # In the background with the PDF (at once in development).
    tasks.index_published_minutes.enqueue(minutes.pk)


def on_upload_read(sender, upload, **kwargs) -> None:
    services.index_upload(upload)


def on_plan_changed(sender, plan, **kwargs) -> None:
    services.index_plan(plan)


def on_need_changed(sender, need, **kwargs) -> None:
    services.index_need(need)


def connect() -> None:
    events.body_saved.connect(on_body_saved)
    events.minutes_published.connect(on_minutes_published)
    events.upload_read.connect(on_upload_read)
    events.plan_changed.connect(on_plan_changed)
    events.need_changed.connect(on_need_changed)
