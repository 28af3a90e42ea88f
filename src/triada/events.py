"""What the domain apps tell the apps above them, in one place.

A domain service never imports search, exports or the portal, nor an app above its own
(docs/architecture.md). When something it did concerns a higher app, it sends one of these
signals, and the higher app connects a receiver in its `AppConfig.ready()`. Receivers run
inside the sending service's transaction: an exception refuses the whole write.

Each signal: who sends it, with which arguments, and who receives it today.
"""

from django.dispatch import Signal

# structure services; `body`. Search indexes the body.
body_saved = Signal()

# structure_change_record, after the former bodies are dissolved and the new ones made;
# `actor`, `area`, `predecessors`, `successors`, `last_day`, `carry_over_members`.
# People end the former bodies' memberships and carry the members over.
bodies_succeeded = Signal()

# minutes services (a version published) and minutes' refresh of names; `minutes`.
# Search indexes the published text.
minutes_published = Signal()

# minutes uploads, when the text of an uploaded file was read; `upload`. Search indexes it.
upload_read = Signal()

# planning services, when what the portal shows of a plan changed; `plan`. Search indexes it.
plan_changed = Signal()

# needs services; `need`. Search indexes a published need and drops one taken back.
need_changed = Signal()

# people services, when a person's public name changed (consent, name); `person`.
# Minutes write the new name into every version published with it.
public_name_changed = Signal()
