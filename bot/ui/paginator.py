"""Embeds shown one page at a time: only the person who asked can turn the pages, anyone can
use what a page offers (a menu that opens a program privately, say).

When the view times out its buttons are disabled in place, so nobody clicks a dead control.
Method names must not shadow discord.py's View internals (`_refresh`, `_dispatch_item`, …):
discord.py calls those itself, e.g. on every gateway update of the message.
"""

from __future__ import annotations

import logging
from typing import Any

import discord

from bot.messages import t
from bot.ui.embeds import NO_MENTIONS, send
from bot.ui.limits import fit_embed

log = logging.getLogger(__name__)

TIMEOUT_SECONDS = 180.0


class Paginator(discord.ui.View):
    """A list of embeds with ◀ n/N ▶ buttons. Subclasses may add items per page."""

    def __init__(self, pages: list[discord.Embed], *, owner_id: int, language: str,
                 timeout: float = TIMEOUT_SECONDS) -> None:
        super().__init__(timeout=timeout)
        self.pages = [fit_embed(page) for page in pages] or [discord.Embed(description="—")]
        self.owner_id = owner_id
        self.language = language
        self.page = 0
        self.message: discord.Message | discord.InteractionMessage | None = None
        self._show_page_controls()

    def page_items(self) -> list[discord.ui.Item[Any]]:
        """Extra items for the current page (e.g. a select menu); none by default."""
        return []

    def _show_page_controls(self) -> None:
        for item in list(self.children):
            if item not in (self.back, self.position, self.forward):
                self.remove_item(item)
        self.back.disabled = self.page == 0
        self.forward.disabled = self.page >= len(self.pages) - 1
        self.position.label = f"{self.page + 1}/{len(self.pages)}"
        for item in self.page_items():
            self.add_item(item)

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        paging = {self.back.custom_id, self.forward.custom_id}
        custom_id = (interaction.data or {}).get("custom_id")
        if interaction.user.id == self.owner_id or custom_id not in paging:
            return True
        await interaction.response.send_message(t("not_your_menu", self.language),
                                                ephemeral=True)
        return False

    async def _show(self, interaction: discord.Interaction) -> None:
        self._show_page_controls()
        await interaction.response.edit_message(embed=self.pages[self.page], view=self)

    @discord.ui.button(emoji="◀️", style=discord.ButtonStyle.secondary, row=0)
    async def back(self, interaction: discord.Interaction,
                       button: discord.ui.Button[Paginator]) -> None:
        self.page = max(self.page - 1, 0)
        await self._show(interaction)

    @discord.ui.button(label="1/1", style=discord.ButtonStyle.secondary, disabled=True, row=0)
    async def position(self, interaction: discord.Interaction,
                       button: discord.ui.Button[Paginator]) -> None:
        """A label only: shows the page number."""

    @discord.ui.button(emoji="▶️", style=discord.ButtonStyle.secondary, row=0)
    async def forward(self, interaction: discord.Interaction,
                   button: discord.ui.Button[Paginator]) -> None:
        self.page = min(self.page + 1, len(self.pages) - 1)
        await self._show(interaction)

    async def start(self, interaction: discord.Interaction, *, ephemeral: bool = False) -> None:
        """Send the first page as the reply to `interaction` and remember the message.
        A single page with nothing to select is sent without controls."""
        if len(self.pages) == 1 and not self.page_items():
            self.stop()
            await send(interaction, embed=self.pages[0], ephemeral=ephemeral)
            return
        if interaction.response.is_done():
            self.message = await interaction.followup.send(
                embed=self.pages[0], view=self, ephemeral=ephemeral, wait=True,
                allowed_mentions=NO_MENTIONS)
        else:
            await interaction.response.send_message(embed=self.pages[0], view=self,
                                                    ephemeral=ephemeral,
                                                    allowed_mentions=NO_MENTIONS)
            self.message = await interaction.original_response()

    async def on_timeout(self) -> None:
        """Disable every control on the message, so it visibly stops working."""
        for item in self.children:
            if isinstance(item, discord.ui.Button | discord.ui.Select):
                item.disabled = True
        if self.message is None:
            return
        try:
            await self.message.edit(view=self)
        except discord.HTTPException as exc:
            log.info("could not disable an expired menu: %s", exc)

    async def on_error(self, interaction: discord.Interaction, error: Exception,
                       item: discord.ui.Item[Any]) -> None:
        log.error("menu item %r failed", item, exc_info=error)
        try:
            if interaction.response.is_done():
                await interaction.followup.send(t("error", self.language), ephemeral=True)
            else:
                await interaction.response.send_message(t("error", self.language),
                                                        ephemeral=True)
        except discord.HTTPException:
            log.warning("could not tell the user about a menu error")
