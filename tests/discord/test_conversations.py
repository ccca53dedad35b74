"""Conversations: follow-ups that keep the topic, the Follow up button, threads, answering
another member's message, suggested questions, small talk and refusals in channels."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from bot.answers import Answer
from tests.discord.conftest import World, custom_ids

QUESTION = "When was the partnership charter signed?"
ASSUMED = f"↪ Read as a follow-up to “{QUESTION}”"
OFF_TOPIC = "What is the price of rice on Mars today?"


def description(message: Any) -> str:
    return message.embeds[0].description


async def test_a_slash_follow_up_keeps_the_topic_and_says_so(world: World) -> None:
    """'/ask And where?' right after a question about the charter answers where it was
    signed and names the question whose topic it assumed."""
    await world.alice.slash(world.channel, "ask", question=QUESTION)
    follow = await world.alice.slash(world.channel, "ask", question="And where?")
    assert not follow.response.ephemeral
    text = description(follow.response)
    assert "> ❓ And where?" in text and ASSUMED in text
    assert "in Braunschweig" in text


async def test_a_follow_up_belongs_to_its_asker_channel_and_a_few_minutes(
        world: World) -> None:
    """Another member, another channel, or five minutes later: 'And where?' is on its own;
    a clear new topic starts afresh."""
    other = world.guild.create_text_channel("other")
    await world.alice.slash(world.channel, "ask", question=QUESTION)
    bob = await world.bob.slash(world.channel, "ask", question="And where?")
    elsewhere = await world.alice.slash(other, "ask", question="And where?")
    assert bob.response.ephemeral and elsewhere.response.ephemeral
    own = await world.alice.slash(world.channel, "ask", question="And where?")
    assert ASSUMED in description(own.response)
    fresh = await world.alice.slash(world.channel, "ask",
                                    question="When did the youth centre open?")
    assert "1976" in description(fresh.response) and "↪" not in description(fresh.response)
    await world.alice.slash(world.channel, "ask", question=QUESTION)
    await world.env.advance_time(301)
    late = await world.alice.slash(world.channel, "ask", question="And where?")
    assert late.response.ephemeral


async def test_a_mention_follow_up_keeps_the_topic(world: World) -> None:
    """The same by mention: '@bot Und wo?' after a German question about the charter."""
    me = world.bot.user.mention
    await world.alice.send(world.channel,
                           f"{me} Wann wurde die Partnerschaftsurkunde unterzeichnet?")
    await world.alice.send(world.channel, f"{me} Und wo?")
    reply = world.channel.last_message
    assert reply.author.id == world.bot.user.id
    assert "Als Nachfrage zu „Wann wurde die Partnerschaftsurkunde" in description(reply)
    assert "Braunschweig" in description(reply)


async def test_a_reply_to_a_mention_answer_follows_up(world: World) -> None:
    """Replying 'And when was that?' to the bot's answer continues the asker's topic (it
    used to get 'I could not find any searchable words')."""
    await world.alice.send(world.channel, f"{world.bot.user.mention} Where was the "
                           "partnership charter signed?")
    answer = world.channel.last_message
    await world.alice.send(world.channel, "And when was that?", reply_to=answer)
    reply = world.channel.last_message
    assert reply.author.id == world.bot.user.id and reply.reference is not None
    assert "24 May 1960" in description(reply) and "↪" in description(reply)


async def test_a_reply_to_a_slash_answer_says_how_to_follow_up(world: World) -> None:
    """Discord hides replies to interaction answers from the bot: it says once (not on every
    reply) to use the Follow up button or a mention."""
    answer = (await world.alice.slash(world.channel, "ask", question=QUESTION)).response
    await world.bob.send(world.channel, "And where?", reply_to=answer.message)
    hint = world.channel.last_message
    assert hint.author.id == world.bot.user.id and "*Follow up*" in hint.content
    await world.bob.send(world.channel, "Hello?", reply_to=answer.message)
    assert world.channel.last_message.author.id == world.bob.id


async def test_the_follow_up_button_opens_a_modal_that_keeps_the_topic(world: World) -> None:
    """Anyone can click Follow up under an answer; the modal's question is read with the
    answer's topic and answered publicly."""
    answer = (await world.alice.slash(world.channel, "ask", question=QUESTION)).response
    assert any(cid.startswith("ans:more:en:") for cid in custom_ids(answer))
    shown = await world.bob.click(answer.message, label="Follow up")
    assert shown.modal is not None and shown.modal["title"] == "Follow-up question"
    submitted = await world.bob.submit_modal(shown, {"question": "And where?"})
    assert not submitted.response.ephemeral
    assert ASSUMED in description(submitted.response)
    assert "in Braunschweig" in description(submitted.response)


async def test_continue_in_a_thread_named_after_the_question(world: World) -> None:
    """The thread button starts a thread on the answer, named after the question; follow-ups
    there keep the topic."""
    answer = (await world.alice.slash(world.channel, "ask", question=QUESTION)).response
    started = await world.alice.click(answer.message, label="Continue in a thread")
    assert started.response.ephemeral and "Continue here: <#" in started.response.content
    [thread] = world.channel.threads
    assert thread.name == QUESTION
    assert "Ask follow-up questions here" in thread.history()[0].content
    follow = await world.alice.slash(thread, "ask", question="And where?")
    assert ASSUMED in description(follow.response)
    again = await world.bob.click(answer.message, label="Continue in a thread")
    assert "already has a thread" in again.response.content
    in_thread = await world.alice.slash(thread, "ask", question=QUESTION)
    assert "ans:thread" not in " ".join(custom_ids(in_thread.response))


async def test_ask_the_bot_about_another_members_message(world: World) -> None:
    """Apps → 'Ask the bot about this' answers bob's message publicly, quoting it, though
    the bot cannot read unaddressed messages; a refusal goes only to the member who asked."""
    question = await world.bob.send(world.channel, QUESTION)
    result = await world.alice.context_menu(world.channel, "Ask the bot about this", question)
    assert not result.response.ephemeral
    embed = result.response.embeds[0]
    assert embed.author.name == "About bob's message" and embed.author.url.endswith(
        str(question.id))
    assert f"> 💬 {QUESTION}" in embed.description and "24 May 1960" in embed.description
    chatter = await world.bob.send(world.channel, OFF_TOPIC)
    refused = await world.alice.context_menu(world.channel, "Ask the bot about this", chatter)
    assert refused.response.ephemeral and "won't guess" in refused.response.content
    follow = await world.bob.slash(world.channel, "ask", question="And where?")
    assert "in Braunschweig" in description(follow.response)


def decline_with_suggestions(world: World, monkeypatch: pytest.MonkeyPatch,
                             suggestions: tuple[str, ...]) -> None:
    """Make every refusal offer `suggestions`, as the engine's "Did you mean …?" does."""
    live = world.bot.live
    real = live.engine.ask

    def ask(question: str, language: str | None = None, locale: str | None = None) -> Answer:
        answer = real(question, language, locale)
        return dataclasses.replace(answer, suggestions=suggestions) if answer.abstained \
            else answer

    monkeypatch.setattr(live.engine, "ask", ask)


async def test_suggested_questions_are_buttons_that_ask_them(
        world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """A refusal lists "Did you mean …?" questions as buttons; a click asks that question
    the way /ask does."""
    decline_with_suggestions(world, monkeypatch, (QUESTION, "Who opened the youth centre?"))
    refused = await world.alice.slash(world.channel, "ask", question=OFF_TOPIC)
    assert refused.response.ephemeral and "did you mean" in refused.response.content
    labels = [child["label"] for row in refused.response.components
              for child in row["components"]]
    assert labels == [QUESTION, "Who opened the youth centre?"]
    asked = await world.alice.click(refused.response.message, label=QUESTION)
    assert not asked.response.ephemeral and "24 May 1960" in description(asked.response)


async def test_topic_names_are_not_offered_as_questions(world: World) -> None:
    """Suggestions that are topic names (no question mark) stay a line of text."""
    refused = await world.alice.slash(world.channel, "ask", question=OFF_TOPIC)
    assert refused.response.components == []


def small_talk(world: World, monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    """Make the engine treat every question as small talk, replying `text`."""
    live = world.bot.live
    real = live.engine.ask

    def ask(question: str, language: str | None = None, locale: str | None = None) -> Answer:
        answer = dataclasses.replace(real(question, language, locale), abstained=False,
                                     reason="small_talk", quotes=(), sources=())
        object.__setattr__(answer, "reply", text)
        return answer

    monkeypatch.setattr(live.engine, "ask", ask)


async def test_small_talk_is_a_plain_reply(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """Small talk gets the engine's short reply as plain text, no sources or buttons;
    privately for /ask."""
    small_talk(world, monkeypatch, "Hi! Ask me about the partnership.")
    slash = await world.alice.slash(world.channel, "ask", question="hello there")
    assert slash.response.ephemeral and slash.response.content == \
        "Hi! Ask me about the partnership."
    assert not slash.response.embeds and not slash.response.components
    await world.alice.send(world.channel, f"{world.bot.user.mention} thanks!")
    reply = world.channel.last_message
    assert reply.content == "Hi! Ask me about the partnership." and not reply.embeds


async def test_a_refusal_to_a_mention_is_short_and_then_a_reaction(world: World) -> None:
    """A mention the corpus does not cover gets one short line (no list of topics); a second
    one within two minutes only a 🤷 reaction."""
    me = world.bot.user.mention
    await world.alice.send(world.channel, f"{me} {OFF_TOPIC}")
    refusal = world.channel.last_message
    assert refusal.author.id == world.bot.user.id
    assert refusal.content == "The corpus does not cover this question, so I won't guess."
    second = await world.alice.send(world.channel, f"{me} Is there a zoo on the moon?")
    assert world.channel.last_message.id == second.id
    assert [(str(r.emoji), r.count) for r in world.channel.last_message.reactions] == [("🤷", 1)]
