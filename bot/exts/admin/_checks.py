"""Who counts as an admin: Manage Server permission, or a configured admin role id.

Role *ids* are compared, never role names, so a member who creates a role called "Admin"
gains nothing. Admin commands are also hidden by default permissions; this check is the
one that counts, because server owners can change command visibility.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import discord
from discord import app_commands

from bot.messages import t
from bot.tree import Refusal
from bot.ui.language import interaction_language

T = TypeVar("T")


def is_admin(interaction: discord.Interaction, admin_role_ids: list[int]) -> bool:
    """True for a server member with Manage Server (or Administrator) or an admin role."""
    member = interaction.user
    if interaction.guild is None or not isinstance(member, discord.Member):
        return False
    permissions = interaction.permissions
    if permissions.administrator or permissions.manage_guild:
        return True
    return any(role.id in admin_role_ids for role in member.roles)


async def _check(interaction: discord.Interaction) -> bool:
    lang = interaction_language(interaction)
    if interaction.guild is None:
        raise Refusal(t("guild_only", lang))
    settings = interaction.client.settings  # type: ignore[attr-defined]
    if not is_admin(interaction, settings.admin_role_ids):
        me = interaction.client.user
        raise Refusal(t("admin_only", lang, bot=me.name if me else "…"))
    return True


def admin_only() -> Callable[[T], T]:
    """Decorator: hide the command from non-admins and refuse it at run time."""
    def decorate(command: Any) -> Any:
        command = app_commands.check(_check)(command)
        command = app_commands.guild_only()(command)
        return app_commands.default_permissions(manage_guild=True)(command)
    return decorate
