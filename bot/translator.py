"""Indonesian and German names and descriptions for the slash commands.

Discord shows these to users whose client is set to Indonesian or German. Names must be
lower case without spaces; every command, option and choice of the bot has an entry here
(a test checks that).
"""

from __future__ import annotations

from discord import Locale, app_commands
from discord.app_commands import TranslationContextLocation as Where

# English name → (Indonesian, German), for command and option names.
NAMES: dict[str, tuple[str, str]] = {
    "ask": ("tanya", "frage"),
    "programs": ("daftar-program", "programme"),
    "program": ("program", "programm"),
    "sme": ("umkm", "kmu"),
    "timeline": ("linimasa", "chronik"),
    "sources": ("sumber", "quellen"),
    "about": ("tentang", "info"),
    "help": ("bantuan", "hilfe"),
    "reindex": ("indeks-ulang", "neu-indizieren"),
    "stats": ("statistik", "statistik"),
    "unanswered": ("tak-terjawab", "unbeantwortet"),
    "question": ("pertanyaan", "frage"),
    "language": ("bahasa", "sprache"),
    "private": ("pribadi", "privat"),
    "field": ("bidang", "bereich"),
    "status": ("status", "status"),
    "year": ("tahun", "jahr"),
    "name": ("nama", "name"),
    "capital": ("modal", "kapital"),
    "annual_sales": ("omzet_tahunan", "jahresumsatz"),
    "mode": ("mode", "modus"),
    "days": ("hari", "tage"),
    # the message menu (context-menu names may have capitals and spaces)
    "Ask the bot about this": ("Tanya bot tentang ini", "Bot dazu fragen"),
}

# English description or choice label → (Indonesian, German).
TEXTS: dict[str, tuple[str, str]] = {
    "Ask about the Bandung–Braunschweig partnership":
        ("Tanya tentang kemitraan Bandung–Braunschweig",
         "Fragen zur Partnerschaft Bandung–Braunschweig"),
    "Your question, in English, Indonesian or German":
        ("Pertanyaan Anda, dalam bahasa Inggris, Indonesia, atau Jerman",
         "Ihre Frage, auf Englisch, Indonesisch oder Deutsch"),
    "The language of your question and the answer (default: detected)":
        ("Bahasa pertanyaan dan jawaban Anda (bawaan: dikenali otomatis)",
         "Sprache von Frage und Antwort (sonst automatisch erkannt)"),
    "Only you see the answer": ("Hanya Anda yang melihat jawabannya",
                                "Nur Sie sehen die Antwort"),
    "Only you see the result (default: yes)": ("Hanya Anda yang melihat hasilnya (bawaan: ya)",
                                               "Nur Sie sehen das Ergebnis (Standard: ja)"),
    "List the partnership's programs": ("Daftar program kemitraan",
                                        "Die Programme der Partnerschaft"),
    "Only programs in this field": ("Hanya program di bidang ini",
                                    "Nur Programme in diesem Bereich"),
    "Only programs with this status": ("Hanya program dengan status ini",
                                       "Nur Programme mit diesem Status"),
    "Only programs running in this year": ("Hanya program yang berjalan pada tahun ini",
                                           "Nur Programme, die in diesem Jahr liefen"),
    "Show one program in detail": ("Tampilkan satu program secara rinci",
                                   "Ein Programm im Detail"),
    "The program's name, in English, Indonesian or German":
        ("Nama program, dalam bahasa Inggris, Indonesia, atau Jerman",
         "Name des Programms, auf Englisch, Indonesisch oder Deutsch"),
    "Guide for SMEs (UMKM) and your business's size class":
        ("Panduan UMKM dan kelas usaha Anda", "KMU-Leitfaden (UMKM) und Größenklasse"),
    "Business capital in rupiah, e.g. 750 juta (new businesses)":
        ("Modal usaha dalam rupiah, mis. 750 juta (usaha baru)",
         "Geschäftskapital in Rupiah, z. B. 750 juta (neue Betriebe)"),
    "Annual sales in rupiah, e.g. 1.5 miliar (existing businesses)":
        ("Hasil penjualan tahunan dalam rupiah, mis. 1,5 miliar (usaha yang sudah berjalan)",
         "Jahresumsatz in Rupiah, z. B. 1,5 miliar (bestehende Betriebe)"),
    "The partnership's history, year by year": ("Sejarah kemitraan, tahun demi tahun",
                                                "Geschichte der Partnerschaft, Jahr für Jahr"),
    "The bibliography the answers cite": ("Daftar pustaka yang dikutip jawaban",
                                          "Die Quellen, die die Antworten zitieren"),
    "What this bot is and what it knows": ("Tentang bot ini dan apa yang diketahuinya",
                                           "Was dieser Bot ist und was er weiß"),
    "How to use this bot": ("Cara memakai bot ini", "So benutzen Sie diesen Bot"),
    "Rebuild the index from the corpus (admins only)":
        ("Bangun ulang indeks dari korpus (khusus admin)",
         "Index aus dem Korpus neu aufbauen (nur Admins)"),
    "rebuild: validate the corpus and rebuild; reload: use an index already built with the "
    "command line": ("rebuild: periksa korpus lalu bangun ulang; reload: pakai indeks dari "
                     "baris perintah",
                     "rebuild: Korpus prüfen und neu aufbauen; reload: einen per "
                     "Kommandozeile gebauten Index übernehmen"),
    "Index size, questions and feedback (admins only)":
        ("Ukuran indeks, pertanyaan, dan umpan balik (khusus admin)",
         "Indexgröße, Fragen und Rückmeldungen (nur Admins)"),
    "Recent questions without a good answer (admins only)":
        ("Pertanyaan terbaru tanpa jawaban yang baik (khusus admin)",
         "Neue Fragen ohne gute Antwort (nur Admins)"),
    "How many days back to look (default 7)": ("Berapa hari ke belakang (bawaan 7)",
                                               "Wie viele Tage zurück (Standard 7)"),
    # choices
    "rebuild": ("bangun ulang", "neu aufbauen"),
    "reload": ("muat ulang", "neu laden"),
    "active": ("aktif", "aktiv"),
    "completed": ("selesai", "abgeschlossen"),
    "proposed": ("diusulkan", "geplant"),
    "unknown": ("tidak diketahui", "unbekannt"),
    "Culture": ("Budaya", "Kultur"),
    "Education": ("Pendidikan", "Bildung"),
    "Technology": ("Teknologi", "Technik"),
    "Economy": ("Ekonomi", "Wirtschaft"),
    "Trade": ("Perdagangan", "Handel"),
    "Tourism": ("Pariwisata", "Tourismus"),
    "Youth": ("Pemuda", "Jugend"),
    "Sport": ("Olahraga", "Sport"),
    "Administration": ("Pemerintahan", "Verwaltung"),
    "Environment": ("Lingkungan", "Umwelt"),
    "Science": ("Ilmu pengetahuan", "Wissenschaft"),
    "Social": ("Sosial", "Soziales"),
}
# Language names are shown in their own language everywhere.
UNTRANSLATED = frozenset({"English", "Bahasa Indonesia", "Deutsch"})
_COLUMN = {Locale.indonesian: 0, Locale.german: 1}
_NAME_LOCATIONS = {Where.command_name, Where.group_name, Where.parameter_name}


def localized_name(name: str, lang: str) -> str:
    """A command's name as a user with client language `lang` ('en', 'id', 'de') sees it."""
    column = {"id": 0, "de": 1}.get(lang)
    return name if column is None or name not in NAMES else NAMES[name][column]


class SisterTranslator(app_commands.Translator):
    """Looks names and descriptions up in the tables above; other locales stay English."""

    async def translate(self, string: app_commands.locale_str, locale: Locale,
                        context: app_commands.TranslationContext) -> str | None:
        column = _COLUMN.get(locale)
        if column is None or string.message in UNTRANSLATED:
            return None
        table = NAMES if context.location in _NAME_LOCATIONS else TEXTS
        entry = table.get(string.message)
        return entry[column] if entry else None
