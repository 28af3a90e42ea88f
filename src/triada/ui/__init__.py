"""The staff UI's toolkit, shared by every app's views: the `area_view` decorator, form
fields and the helpers that run a service and put its errors on a form. No models, no
pages; it sits in the core layer, so any app may use it."""
