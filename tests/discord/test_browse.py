"""/programs, /program, /timeline, /sources, /sme, /about and /help."""

from __future__ import annotations

from tests.discord.conftest import World, custom_ids


def page_label(message: object) -> str:
    """The 'n/N' label of a paginator."""
    row = message.components[0]  # type: ignore[attr-defined]
    return row["components"][1]["label"]


async def test_programs_pages_with_buttons_only_the_invoker_can_press(world: World) -> None:
    """12 programs make 2 pages; the invoker pages, anyone else is told it is not theirs."""
    result = await world.alice.slash(world.channel, "programs")
    first = result.response
    assert first.embeds[0].title == "Programs (12)" and page_label(first) == "1/2"
    assert "Administrative visits" in first.embeds[0].description
    refused = await world.bob.click(first.message, custom_id=custom_ids(first)[2])
    assert refused.response.ephemeral and "Only the person" in refused.response.content
    assert page_label(result.response) == "1/2"
    await world.alice.click(first.message, custom_id=custom_ids(first)[2])
    second = result.response
    assert page_label(second) == "2/2"
    assert "Technology forum" in second.embeds[0].description


async def test_programs_filters_and_select_menu_opens_a_card(world: World) -> None:
    """Filters narrow the list; the menu opens the chosen program's card privately."""
    result = await world.alice.slash(world.channel, "programs", field="education",
                                     status="active")
    listing = result.response
    assert listing.embeds[0].title == "Programs (1)"
    assert "School exchange" in listing.embeds[0].description
    select = listing.components[1]["components"][0]
    assert [o["value"] for o in select["options"]] == ["school-exchange"]
    card = await world.alice.select(listing.message, ["school-exchange"])
    assert card.response.ephemeral
    assert card.response.embeds[0].title == "School exchange"
    year = await world.alice.slash(world.channel, "programs", year=2021)
    assert "Bandung Bridge" in year.response.embeds[0].description


async def test_anyone_opens_a_card_from_a_public_list_privately(
        world: World, locales: dict[int, str]) -> None:
    """Bob cannot page alice's list, but its menu opens a card for him, privately and in his
    language."""
    locales[world.bob.id] = "de"
    listing = (await world.alice.slash(world.channel, "programs")).response
    assert not listing.ephemeral
    card = await world.bob.select(listing.message, ["school-exchange"])
    assert card.response.ephemeral and card.response.embeds[0].title == "Schüleraustausch"
    assert page_label(listing) == "1/2"


async def test_programs_view_disables_itself_on_timeout(world: World) -> None:
    """After the timeout every control on the list is disabled."""
    result = await world.alice.slash(world.channel, "programs")
    await world.env.advance_time(181)
    rows = result.response.components
    assert all(child.get("disabled") for row in rows for child in row["components"])


async def test_program_autocomplete_is_typo_tolerant_and_multilingual(world: World) -> None:
    """Autocomplete offers ≤25 choices and finds names in any language despite typos."""
    everything = await world.alice.autocomplete(world.channel, "program", "name", "")
    assert 0 < len(everything) <= 25
    typo = await world.alice.autocomplete(world.channel, "program", "name", "Bandungbruke")
    assert typo[0]["value"] == "bandung-bridge"
    indonesian = await world.alice.autocomplete(world.channel, "program", "name",
                                                "pertukaran pelajar")
    assert indonesian[0]["value"] == "school-exchange"
    german = await world.alice.autocomplete(world.channel, "program", "name", "Schüleraustausch")
    assert german[0]["value"] == "school-exchange"
    assert all(len(choice["name"]) <= 100 for choice in everything)


async def test_program_card_shows_every_part(world: World) -> None:
    """The card has summary, fields, years, status, how to take part, partners, how well
    sourced in words, and the sources as 'publisher: title'."""
    result = await world.alice.slash(world.channel, "program", name="bandung-bridge")
    card = result.response.embeds[0]
    assert card.title == "Bandung Bridge" and "started in 2021" in card.description
    fields = {f.name: f.value for f in card.fields}
    assert fields["Fields"] == "culture" and fields["Years"] == "2021"
    assert fields["Status"] == "completed"
    assert "partnership office" in fields["How to take part"]
    assert "City of Braunschweig" in fields["Partners"]
    assert fields["How well sourced"] == "well sourced (two or more sources agree)"
    assert "[City of Braunschweig: City portal](https://example.org/city)" in fields["Sources"]
    assert "Bandungbrücke" in card.footer.text


async def test_program_typed_by_hand_or_unknown(world: World) -> None:
    """A typed name is matched fuzzily; an unknown one gets a private hint."""
    typed = await world.alice.slash(world.channel, "program", name="youth camp")
    assert typed.response.embeds[0].title == "Youth camp"
    unknown = await world.alice.slash(world.channel, "program", name="@everyone moon base")
    assert unknown.response.ephemeral and "/programs" in unknown.response.content
    assert "@\u200beveryone" in unknown.response.content


async def test_a_name_that_matches_no_program_opens_none(world: World) -> None:
    """One letter, or words no program is called, get the 'no program called …' reply
    instead of some program's public card; whole words of a name still find it."""
    for typed in ("a", "ab", "moon base", "culture"):
        result = await world.alice.slash(world.channel, "program", name=typed)
        assert result.response.ephemeral and not result.response.embeds, typed
        assert result.response.content.startswith("I don't know a program called"), typed
    found = await world.alice.slash(world.channel, "program", name="exchange")
    assert found.response.embeds[0].title == "School exchange"


async def test_timeline_is_paginated(world: World) -> None:
    """Ten events make two pages, oldest first; uncertain events are marked in words."""
    result = await world.alice.slash(world.channel, "timeline")
    page = result.response
    assert page_label(page) == "1/2"
    assert page.embeds[0].description.startswith("**1960** — Event 0")
    assert "Event 3 of the partnership. *(uncertain or disputed)*" in page.embeds[0].description


async def test_sources_list_the_bibliography(world: World) -> None:
    """Every source shows as 'publisher: title (date)' with its reliability in words, a link
    only where the cited page's address is known, and its access date."""
    result = await world.alice.slash(world.channel, "sources")
    text = result.response.embeds[0].description
    assert result.response.embeds[0].title == "Sources (5)"
    assert ("• [City of Braunschweig: City portal](https://example.org/city) · reliable source"
            " · accessed 2026-11-28") in text
    assert ("• A blog: Post on the youth centre (June 2019) · less reliable source · article "
            "address not recorded · accessed 2026-11-28") in text


async def test_sme_without_amounts_shows_classes_and_the_guide(world: World) -> None:
    """The first page lists the PP 7/2021 classes, with sources; then the corpus guide."""
    result = await world.alice.slash(world.channel, "sme")
    first = result.response.embeds[0]
    fields = {f.name: f.value for f in first.fields}
    assert "micro: above Rp 0 up to Rp 1,000,000,000" in fields["New businesses, by capital"]
    assert "PP 7/2021, Arts. 35–36" in fields["Rule and sources"]
    assert "https://example.org/ddtc" in fields["Rule and sources"]
    assert page_label(result.response) == "1/3"
    await world.alice.click(result.response.message, custom_id=custom_ids(result.response)[2])
    assert result.response.embeds[0].title == "Step 1: Check your size class"


async def test_sme_classifies_amounts(world: World) -> None:
    """750 juta capital is micro; 20 miliar annual sales is medium."""
    result = await world.alice.slash(world.channel, "sme", capital="750 juta",
                                     annual_sales="20 miliar")
    fields = {f.name: f.value for f in result.response.embeds[0].fields}
    assert fields["Business capital"] == "Rp 750,000,000 → **micro**"
    assert fields["Annual sales"] == "Rp 20,000,000,000 → **medium**"


async def test_sme_is_private_by_default(world: World) -> None:
    """The member's business figures are shown only to them unless they choose otherwise."""
    result = await world.alice.slash(world.channel, "sme", capital="750 juta")
    assert result.response.ephemeral
    assert world.channel.history(viewer=world.bob) == []
    public = await world.alice.slash(world.channel, "sme", private=False)
    assert not public.response.ephemeral


async def test_sme_refuses_nonsense_amounts_privately(world: World) -> None:
    """An amount that is not rupiah gets a clear private message."""
    result = await world.alice.slash(world.channel, "sme", capital="lots of money")
    assert result.response.ephemeral
    assert "is not an amount of rupiah I can read" in result.response.content


async def test_about_and_help(world: World) -> None:
    """/about tells what the bot knows; /help lists every command as a clickable mention,
    the admin commands only for admins, with the Integrations step for admin roles."""
    about = await world.alice.slash(world.channel, "about")
    fields = {f.name: f.value for f in about.response.embeds[0].fields}
    assert fields["Corpus"].startswith("4 documents") and "12 programs" in fields["Corpus"]
    ids = world.bot.command_ids
    help_ = await world.alice.slash(world.channel, "help")
    text = help_.response.embeds[0].description
    for name in ("ask", "programs", "program", "sme", "timeline", "sources", "about"):
        assert f"</{name}:{ids[name]}>" in text
    assert "Ask the bot about this" in text
    assert help_.response.embeds[0].fields == [] and "reindex" not in text
    admin = await world.manager.slash(world.channel, "help")
    section = admin.response.embeds[0].fields[0]
    assert section.name == "For admins" and f"</reindex:{ids['reindex']}>" in section.value
    assert "Integrations" in section.value and "ADMIN_ROLE_IDS" in section.value
