def area_access(request) -> dict:
    """`access` and `area` for every staff page of an area (set by the `area_view`
    decorator), so that views do not pass them one by one."""
    access = getattr(request, "area_access", None)
    return {"access": access, "area": access.area} if access is not None else {}
