"""/ask, mentions, replies and DMs: cited answers, buttons, votes, limits and no pings."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from bot.exts.answers import _respond
from tests.discord.conftest import World, custom_ids, pings, reactions

QUESTION = "When was the partnership charter signed?"


async def test_ask_answers_with_cited_embed_sources_date_and_buttons(world: World) -> None:
    """An answer is a public embed: text with [n], linked sources, corpus date, 3 buttons."""
    result = await world.alice.slash(world.channel, "ask", question=QUESTION)
    message = result.response
    assert message is not None and not message.ephemeral
    embed = message.embeds[0]
    assert "24 May 1960" in embed.description and "[1]" in embed.description
    assert ("[City of Braunschweig: City portal](https://example.org/city) · reliable source"
            in embed.fields[0].value)
    assert embed.footer.text == "Corpus as of 2026-11-28"
    ids = custom_ids(message)
    assert ids[0].startswith("ans:src:en:") and ids[1].startswith("ans:vote:up:")
    assert ids[2].startswith("ans:vote:down:")


async def test_show_passages_is_ephemeral_evidence(world: World) -> None:
    """'Show passages' shows the supporting passage text only to the one who clicks."""
    answer = (await world.alice.slash(world.channel, "ask", question=QUESTION)).response
    shown = await world.bob.click(answer.message, label="Show passages")
    assert shown.response.ephemeral
    assert "signed on 24 May 1960" in shown.response.embeds[0].fields[0].value


async def test_votes_are_recorded_with_hashed_users_and_can_be_changed(world: World) -> None:
    """One vote per user per answer; clicking the other button changes it."""
    answer = (await world.alice.slash(world.channel, "ask", question=QUESTION)).response
    up, down = custom_ids(answer)[1:3]
    answer_id = up.rsplit(":", 1)[1]
    reply = await world.bob.click(answer.message, custom_id=up)
    assert reply.response.ephemeral and "👍" in reply.response.content
    await world.alice.click(answer.message, custom_id=up)
    assert world.bot.db.votes_for(answer_id) == (2, 0)
    await world.bob.click(answer.message, custom_id=down)
    await world.bob.click(answer.message, custom_id=down)
    assert world.bot.db.votes_for(answer_id) == (1, 1)
    exported = world.bot.db.export()
    assert str(world.bob.id) not in exported and str(world.alice.id) not in exported


async def test_abstention_is_ephemeral_recorded_and_suggests_commands(world: World) -> None:
    """A question the corpus cannot answer gets a private refusal with suggestions."""
    result = await world.alice.slash(world.channel, "ask",
                                     question="What is the price of rice on Mars today?")
    assert result.response.ephemeral
    assert "won't guess" in result.response.content
    assert "/programs" in result.response.content and "/sme" in result.response.content
    assert world.bot.db.activity(1)["abstained"] == 1
    assert world.bot.db.unanswered(1)[0]["question"].startswith("What is the price of rice")


async def test_empty_and_over_long_questions_get_clear_messages(world: World) -> None:
    """Blank (or mention-only) and over-500-character questions are refused privately."""
    empty = await world.alice.slash(world.channel, "ask", question="  <@123456789012345678> ")
    assert empty.response.ephemeral and empty.response.content == "Please type a question."
    long = await world.alice.slash(world.channel, "ask", question="charter " * 80)
    assert long.response.ephemeral and "longer than 500 characters" in long.response.content


async def test_private_answers_are_ephemeral(world: World) -> None:
    """private=True shows the answer only to the asker (and offers no thread: none can be
    started on a message only one member sees)."""
    result = await world.alice.slash(world.channel, "ask", question=QUESTION, private=True)
    assert result.response.ephemeral and result.response.embeds
    assert not any(cid.startswith("ans:thread:") for cid in custom_ids(result.response))


async def test_replies_in_the_question_language_or_the_chosen_one(world: World) -> None:
    """German and Indonesian questions get labels in their language; `language` is obeyed."""
    german = await world.alice.slash(world.channel, "ask",
                                     question="Wann wurde die Partnerschaftsurkunde unterzeichnet?")
    assert german.response.embeds[0].title == "Antwort"
    assert "1960" in german.response.embeds[0].description
    indonesian = await world.alice.slash(world.channel, "ask",
                                         question="Kapan piagam persahabatan ditandatangani?")
    assert indonesian.response.embeds[0].title == "Jawaban"
    assert "Mei 1960" in indonesian.response.embeds[0].description
    forced = await world.alice.slash(world.channel, "ask", question="Braunschweig piagam 1960",
                                     language="id")
    assert forced.response.embeds[0].title == "Jawaban"


async def test_everyone_in_a_question_pings_nobody(world: World) -> None:
    """@everyone, role and user mentions in a question are shown harmlessly, never pinged."""
    role = world.guild.create_role("Fans", mentionable=True)
    question = f"@everyone {role.mention} {world.bob.mention} **when** was the charter signed?"
    result = await world.alice.slash(world.channel, "ask", question=question)
    sent = result.response.message
    assert pings(world.env, sent) == ([], [], False)
    assert "\\*\\*when\\*\\*" in sent.embeds[0].description
    callback = [r for r in world.env.http_requests if r.path.endswith("/callback")][-1]
    assert callback.json["data"]["allowed_mentions"] == {"parse": []}
    await world.alice.send(world.channel, f"{world.bot.user.mention} @everyone {role.mention} "
                           "when was the charter signed?")
    reply = world.channel.last_message
    assert reply.author.id == world.bot.user.id
    assert pings(world.env, reply) == ([], [], False)
    sent_json = [r for r in world.env.http_requests if r.path.endswith("/messages")][-1].json
    assert sent_json["allowed_mentions"] == {"parse": []}  # replied_user off: no reply ping


async def test_the_user_locale_decides_when_the_question_does_not(
        world: World, locales: dict[int, str]) -> None:
    """Interface text follows the Discord locale; an unclear question is answered in it."""
    locales[world.alice.id] = "id"
    locales[world.bob.id] = "de"
    listing = await world.alice.slash(world.channel, "programs")
    assert listing.response.embeds[0].title == "Program (12)"
    help_ = await world.bob.slash(world.channel, "help")
    assert "</frage:" in help_.response.embeds[0].description
    unclear = await world.alice.slash(world.channel, "ask", question="1960?")
    assert unclear.response.ephemeral  # a bare number is no question: said in her language
    assert unclear.response.content.startswith("Saya tidak menemukan kata yang bisa dicari")


async def test_a_mention_is_answered_in_the_channel(world: World) -> None:
    """Mentioning the bot with a question gets a public reply with the answer."""
    await world.alice.send(world.channel, f"{world.bot.user.mention} {QUESTION}")
    reply = world.channel.last_message
    assert reply.author.id == world.bot.user.id
    assert "24 May 1960" in reply.embeds[0].description
    assert "<@" not in reply.embeds[0].description


async def test_a_reply_to_an_answer_is_answered(world: World) -> None:
    """Replying to the bot's answer asks a follow-up question."""
    await world.alice.send(world.channel, f"{world.bot.user.mention} {QUESTION}")
    answer = world.channel.last_message
    await world.bob.send(world.channel, "Who signed it for the German side?", reply_to=answer)
    reply = world.channel.last_message
    assert reply.author.id == world.bot.user.id and reply.reference is not None
    assert "mayor of Braunschweig" in reply.embeds[0].description


async def test_a_direct_message_is_answered(world: World) -> None:
    """A DM to the bot is a question."""
    user = world.env.create_user("carol")
    await user.send_dm(QUESTION)
    reply = user.dm_channel.last_message
    assert reply.author.id == world.bot.user.id
    assert "24 May 1960" in reply.embeds[0].description


async def test_messages_not_addressed_to_the_bot_are_ignored(world: World) -> None:
    """Ordinary channel chatter gets no reply."""
    await world.alice.send(world.channel, QUESTION)
    assert world.channel.last_message.author.id == world.alice.id


async def test_cooldown_applies_to_slash_and_mentions(world: World) -> None:
    """Past the per-user rate, /ask and mentions say when to try again; others are free."""
    world.bot.get_cog("Ask").service.cooldown.rate = 2
    await world.alice.slash(world.channel, "ask", question=QUESTION)
    await world.alice.send(world.channel, f"{world.bot.user.mention} {QUESTION}")
    limited = await world.alice.slash(world.channel, "ask", question=QUESTION)
    assert limited.response.ephemeral
    assert limited.response.content == "You're asking quickly! Please try again in 60 s."
    spam = await world.alice.send(world.channel, f"{world.bot.user.mention} {QUESTION}")
    assert world.channel.last_message.id == spam.id  # no public reply …
    assert reactions(world.env, spam) == ["⏳"]  # … a reaction instead
    other = await world.bob.slash(world.channel, "ask", question=QUESTION)
    assert other.response.embeds
    await world.env.advance_time(61)
    again = await world.alice.slash(world.channel, "ask", question=QUESTION)
    assert again.response.embeds


async def test_a_slow_answer_is_deferred_privately_then_posted(
        world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """When answering takes longer than the fast-reply budget the interaction is deferred
    privately (Discord allows 3 s; a deferral fixes the visibility); the answer is then posted
    publicly and the private note removed."""
    monkeypatch.setattr(_respond, "FAST_REPLY_SECONDS", 0.05)
    slow_down(world, monkeypatch)
    result = await world.alice.slash(world.channel, "ask", question=QUESTION)
    assert result.deferred and result.ephemeral
    await world.env.advance_time(60)
    posted = result.followups[-1]
    assert not posted.ephemeral and "24 May 1960" in posted.embeds[0].description
    assert world.channel.last_message.embeds[0].description == posted.embeds[0].description
    assert not [m for m in world.channel.history(viewer=world.bob) if m.flags.ephemeral]


async def test_a_slow_refusal_stays_private(world: World,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A slow question the corpus does not cover is refused only to the asker (it used to
    replace a public 'thinking…' message)."""
    monkeypatch.setattr(_respond, "FAST_REPLY_SECONDS", 0.05)
    slow_down(world, monkeypatch)
    result = await world.alice.slash(world.channel, "ask",
                                     question="What is the price of rice on Mars today?")
    await world.env.advance_time(60)
    assert result.ephemeral and "won't guess" in result.response.content
    assert world.channel.history(viewer=world.bob) == []


def slow_down(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every answer take 60 s of virtual time."""
    service = world.bot.get_cog("Ask").service
    real = service.answer

    async def slow(*args: Any, **kwargs: Any) -> Any:
        await asyncio.sleep(60)  # virtual time: only advance_time moves it
        return await real(*args, **kwargs)

    monkeypatch.setattr(service, "answer", slow)
