from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import AreaRole, User


class AreaRoleInline(admin.TabularInline):
    model = AreaRole
    extra = 0


@admin.register(User)
class TriadaUserAdmin(UserAdmin):
    inlines = [AreaRoleInline]
