"""Every reply in the user's language: refusals, clickable localized command mentions,
program partners, the SME rule, the reindex diff and admin texts."""

from __future__ import annotations

import discord

from bot.tree import Refusal
from tests.discord.conftest import World, error_types

OFF_TOPIC = {"en": "What is the price of rice on Mars today?",
             "id": "Berapa harga beras di Mars hari ini?",
             "de": "Was kostet Reis heute auf dem Mars?"}


async def test_gibberish_is_refused_in_the_users_language(
        world: World, locales: dict[int, str]) -> None:
    """Words of no language ('asdf qwerty') get the no-question line in the client's
    language, not corpus text."""
    locales[world.bob.id] = "de"
    english = await world.alice.slash(world.channel, "ask", question="asdf qwerty")
    assert english.response.content.startswith("I could not find any searchable words")
    german = await world.bob.slash(world.channel, "ask", question="asdf qwerty")
    assert german.response.content.startswith("In der Frage steht kein Wort")


async def test_refusals_name_commands_as_the_client_shows_them(
        world: World, locales: dict[int, str]) -> None:
    """The commands a refusal points to are clickable mentions with the localized names."""
    ids = world.bot.command_ids
    locales[world.alice.id] = "id"
    locales[world.bob.id] = "de"
    indonesian = await world.alice.slash(world.channel, "ask", question=OFF_TOPIC["id"])
    assert f"</daftar-program:{ids['programs']}>" in indonesian.response.content
    assert f"</umkm:{ids['sme']}>" in indonesian.response.content
    german = await world.bob.slash(world.channel, "ask", question=OFF_TOPIC["de"])
    assert f"</programme:{ids['programs']}>" in german.response.content
    assert f"</kmu:{ids['sme']}>" in german.response.content
    unknown = await world.alice.slash(world.channel, "program", name="moon base")
    assert f"</daftar-program:{ids['programs']}>" in unknown.response.content


async def test_program_partners_in_the_readers_language(
        world: World, locales: dict[int, str]) -> None:
    """'City of Braunschweig' is 'Kota Braunschweig' and 'Stadt Braunschweig'."""
    locales[world.alice.id] = "id"
    locales[world.bob.id] = "de"
    card = await world.alice.slash(world.channel, "program", name="youth-camp")
    partners = {f.name: f.value for f in card.response.embeds[0].fields}["Mitra"]
    assert partners == "• Kota Bandung\n• Kota Braunschweig"
    card = await world.bob.slash(world.channel, "program", name="youth-camp")
    partners = {f.name: f.value for f in card.response.embeds[0].fields}["Partner"]
    assert partners == "• Stadt Bandung\n• Stadt Braunschweig"


async def test_the_sme_rule_is_cited_in_the_readers_language(
        world: World, locales: dict[int, str]) -> None:
    """'Arts. 35–36' is 'Pasal 35–36' in Indonesian and 'Art. 35–36' in German."""
    locales[world.alice.id] = "id"
    locales[world.bob.id] = "de"
    for member, expected in ((world.alice, "PP 7/2021, Pasal 35–36"),
                             (world.bob, "PP 7/2021, Art. 35–36")):
        result = await member.slash(world.channel, "sme")
        rule = result.response.embeds[0].fields[-1].value
        assert rule.startswith(expected) and "Arts." not in rule


async def test_admin_texts_in_the_admins_language(world: World, locales: dict[int, str]) -> None:
    """The reindex diff and the /unanswered title of one day are German for a German admin."""
    locales[world.manager.id] = "de"
    guide = world.bot.settings.corpus_dir / "documents/en/charter-en.md"
    guide.write_text(guide.read_text() + "\nThe Nîmes partnership followed in 1962.\n")
    result = await world.manager.slash(world.channel, "reindex")
    embed = result.response.embeds[0]
    assert "Abschnitte: +1 −0 ~0" in embed.description and "passages" not in embed.description
    assert {f.name: f.value for f in embed.fields}["Index"].startswith("Dokumente: ")
    await world.alice.slash(world.channel, "ask", question=OFF_TOPIC["en"])
    one_day = await world.manager.slash(world.channel, "unanswered", days=1)
    assert one_day.response.embeds[0].title.startswith("Unbeantwortete oder 👎-Fragen, "
                                                       "letzter Tag")


async def test_the_admin_refusal_explains_the_integrations_step(
        world: World, locales: dict[int, str]) -> None:
    """Refused admin commands say where the server owner shows them to an admin role."""
    from tests.discord.test_admin import command_id

    locales[world.alice.id] = "id"
    world.guild.set_command_permissions(await command_id(world, "stats"),
                                        {world.guild.default_role: True})
    refused = await world.alice.slash(world.channel, "stats")
    assert refused.response.ephemeral
    assert "Integrasi → TestBot" in refused.response.content
    assert error_types(world.env) == [Refusal]


async def test_a_mention_refusal_follows_the_servers_language(world: World) -> None:
    """A mention carries no client locale; words of no language are refused in the server's
    preferred language."""
    server = world.bot.get_guild(world.guild.id)
    assert server is not None and server.preferred_locale == discord.Locale.american_english
    await world.alice.send(world.channel, f"{world.bot.user.mention} asdf qwerty")
    assert world.channel.last_message.content.startswith("I could not find any searchable")
