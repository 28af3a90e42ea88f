from django.contrib import admin

from .models import Area, Municipality


class MunicipalityInline(admin.TabularInline):
    model = Municipality
    extra = 0


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "kind"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MunicipalityInline]
