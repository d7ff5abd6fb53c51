from __future__ import annotations

from django.contrib import admin

from solidata.web.accounts.models import Membership


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin[Membership]):
    list_display = ["user", "role"]
    list_filter = ["role"]
    filter_horizontal = ["organisations", "areas", "countries"]
    raw_id_fields = ["user"]
