"""Every fixed text the bot shows, in English, Indonesian and German.

Corpus text is never translated here; these are labels, hints and error messages only.
"""

from __future__ import annotations

LANGUAGE_NAMES = {
    "en": {"en": "English", "id": "Indonesian", "de": "German"},
    "id": {"en": "bahasa Inggris", "id": "bahasa Indonesia", "de": "bahasa Jerman"},
    "de": {"en": "Englisch", "id": "Indonesisch", "de": "Deutsch"},
}

_TEXT: dict[str, dict[str, str]] = {
    "answer": {"en": "Answer", "id": "Jawaban", "de": "Antwort"},
    "sources": {"en": "Sources", "id": "Sumber", "de": "Quellen"},
    "corpus_date": {"en": "Corpus as of {date}", "id": "Korpus per {date}",
                    "de": "Korpus, Stand {date}"},
    "no_url": {"en": "article address not recorded", "id": "alamat artikel tidak tercatat",
               "de": "Adresse des Artikels nicht erfasst"},
    # how far a source can be trusted (sources.yaml `confidence`)
    "reliability.high": {"en": "reliable source", "id": "sumber tepercaya",
                         "de": "verlässliche Quelle"},
    "reliability.medium": {"en": "fairly reliable source", "id": "sumber cukup tepercaya",
                           "de": "recht verlässliche Quelle"},
    "reliability.low": {"en": "less reliable source", "id": "sumber kurang tepercaya",
                        "de": "weniger verlässliche Quelle"},
    # how well a fact is supported (programs and timeline `confidence`)
    "confidence.C2": {"en": "well sourced (two or more sources agree)",
                      "id": "didukung dua sumber atau lebih",
                      "de": "gut belegt (zwei oder mehr Quellen stimmen überein)"},
    "confidence.S1": {"en": "single source", "id": "hanya satu sumber",
                      "de": "nur eine Quelle"},
    "confidence.U": {"en": "uncertain or disputed", "id": "belum pasti atau diperdebatkan",
                     "de": "unsicher oder umstritten"},
    "sourcing": {"en": "How well sourced", "id": "Dukungan sumber", "de": "Quellenlage"},
    "hedged": {
        "en": "Part of this rests on a single source or on sources that disagree.",
        "id": "Sebagian jawaban ini hanya bersandar pada satu sumber atau sumber yang berbeda "
              "pendapat.",
        "de": "Ein Teil davon stützt sich auf nur eine Quelle oder auf widersprüchliche Quellen.",
    },
    "fallback": {
        "en": "The corpus has no {wanted} text on this; quoted in {got}.",
        "id": "Korpus belum punya teks {wanted} tentang ini; dikutip dalam {got}.",
        "de": "Der Korpus hat dazu keinen Text auf {wanted}; zitiert auf {got}.",
    },
    "abstain": {
        "en": "The corpus does not cover this question, so I won't guess.",
        "id": "Pertanyaan ini tidak tercakup dalam korpus, jadi saya tidak akan menebak.",
        "de": "Dazu enthält der Korpus nichts, also rate ich nicht.",
    },
    "stale": {
        "en": "The corpus only says who held this role at earlier dates, not who holds it now, "
              "so I won't guess.",
        "id": "Korpus hanya mencatat siapa yang memegang jabatan ini pada waktu lalu, bukan "
              "siapa yang menjabat sekarang, jadi saya tidak akan menebak.",
        "de": "Der Korpus nennt nur, wer dieses Amt früher innehatte, nicht wer es heute hat, "
              "also rate ich nicht.",
    },
    "abstain_hint": {
        "en": "Try /programs, /sme, or ask about: {topics}",
        "id": "Coba /programs, /sme, atau tanyakan tentang: {topics}",
        "de": "Versuchen Sie /programs, /sme oder fragen Sie nach: {topics}",
    },
    "empty": {
        "en": "Please type a question.",
        "id": "Silakan ketik pertanyaan.",
        "de": "Bitte geben Sie eine Frage ein.",
    },
    "too_long": {
        "en": "That question is longer than {limit} characters; please shorten it.",
        "id": "Pertanyaan itu lebih dari {limit} karakter; mohon dipersingkat.",
        "de": "Die Frage ist länger als {limit} Zeichen; bitte kürzen Sie sie.",
    },
    "no_content": {
        "en": "I could not find any searchable words in that question.",
        "id": "Saya tidak menemukan kata yang bisa dicari dalam pertanyaan itu.",
        "de": "In der Frage steht kein Wort, nach dem ich suchen kann.",
    },
    # -- small talk and helpful declines (answer engine) --
    "talk.greeting": {
        "en": "Hello! I answer questions about the Bandung–Braunschweig sister-city partnership "
              "(since 1960) and how small businesses can take part, quoting my sources.",
        "id": "Halo! Saya menjawab pertanyaan tentang kota kembar Bandung–Braunschweig (sejak "
              "1960) dan cara UMKM ikut serta, dengan mengutip sumbernya.",
        "de": "Hallo! Ich beantworte Fragen zur Städtepartnerschaft Bandung–Braunschweig (seit "
              "1960) und dazu, wie kleine Unternehmen mitmachen können – mit Quellen.",
    },
    "talk.thanks": {
        "en": "You're welcome! Ask me anything else about the partnership.",
        "id": "Sama-sama! Silakan tanya hal lain tentang kemitraan ini.",
        "de": "Gern geschehen! Fragen Sie gern weiter zur Partnerschaft.",
    },
    "talk.closing": {
        "en": "Goodbye! Come back with any question about Bandung and Braunschweig.",
        "id": "Sampai jumpa! Silakan kembali kalau ada pertanyaan tentang Bandung dan "
              "Braunschweig.",
        "de": "Auf Wiedersehen! Fragen Sie jederzeit wieder zu Bandung und Braunschweig.",
    },
    "talk.help": {
        "en": "Ask me a question in English, Indonesian or German about the Bandung–Braunschweig "
              "partnership, its programs or how an SME can take part; every answer quotes the "
              "corpus and names its sources.",
        "id": "Ajukan pertanyaan dalam bahasa Indonesia, Inggris atau Jerman tentang kemitraan "
              "Bandung–Braunschweig, programnya, atau cara UMKM ikut serta; setiap jawaban "
              "mengutip korpus dan menyebut sumbernya.",
        "de": "Stellen Sie mir eine Frage auf Deutsch, Englisch oder Indonesisch zur Partnerschaft "
              "Bandung–Braunschweig, ihren Programmen oder dazu, wie ein KMU mitmachen kann; jede "
              "Antwort zitiert den Korpus und nennt ihre Quellen.",
    },
    "talk.identity": {
        "en": "I'm the Bandung–Braunschweig sister-city bot: I search a small, sourced corpus "
              "about the partnership and quote it. I don't guess.",
        "id": "Saya bot kota kembar Bandung–Braunschweig: saya mencari di korpus kecil bersumber "
              "tentang kemitraan ini dan mengutipnya. Saya tidak menebak.",
        "de": "Ich bin der Bot der Städtepartnerschaft Bandung–Braunschweig: Ich durchsuche einen "
              "kleinen Korpus mit Quellen zur Partnerschaft und zitiere ihn. Ich rate nicht.",
    },
    "talk.examples": {"en": "For example:", "id": "Misalnya:", "de": "Zum Beispiel:"},
    "did_you_mean_list": {"en": "Did you mean:", "id": "Mungkin maksud Anda:",
                          "de": "Meinten Sie:"},
    "ask_cli": {
        "en": "Ask one of them with: python -m bot ask \"…\"; list programs with: "
              "python -m bot programs",
        "id": "Tanyakan salah satunya dengan: python -m bot ask \"…\"; daftar program: "
              "python -m bot programs",
        "de": "Fragen Sie eine davon mit: python -m bot ask \"…\"; Programme: "
              "python -m bot programs",
    },
}

# -- the Discord front end -------------------------------------------------------------------
_TEXT.update({
    "note": {"en": "Note", "id": "Catatan", "de": "Hinweis"},
    "passages": {"en": "Supporting passages", "id": "Kutipan pendukung",
                 "de": "Belegstellen"},
    "no_passages": {"en": "No passages to show.", "id": "Tidak ada kutipan untuk ditampilkan.",
                    "de": "Keine Belegstellen vorhanden."},
    "show_passages": {"en": "Show passages", "id": "Lihat kutipan", "de": "Belegstellen"},
    "topics_default": {"en": "the partnership's history, programs, the SME guide",
                       "id": "sejarah kemitraan, program, panduan UMKM",
                       "de": "Geschichte der Partnerschaft, Programme, KMU-Leitfaden"},
    "cooldown": {
        "en": "You're asking quickly! Please try again in {seconds} s.",
        "id": "Anda bertanya terlalu cepat. Silakan coba lagi dalam {seconds} detik.",
        "de": "Sie fragen sehr schnell. Bitte versuchen Sie es in {seconds} s erneut.",
    },
    "vote_thanks": {
        "en": "Thanks, your vote {emoji} is recorded. Click the other button to change it.",
        "id": "Terima kasih, suara {emoji} Anda tercatat. Klik tombol lain untuk mengubahnya.",
        "de": "Danke, Ihre Bewertung {emoji} ist gespeichert. Mit dem anderen Knopf ändern "
              "Sie sie.",
    },
    "vote_failed": {"en": "Sorry, I could not record your vote just now.",
                    "id": "Maaf, suara Anda belum bisa dicatat saat ini.",
                    "de": "Ihre Bewertung konnte gerade nicht gespeichert werden."},
    "expired": {
        "en": "This button has expired (the bot has restarted or the answer is too old). "
              "Please ask again with {ask}.",
        "id": "Tombol ini sudah kedaluwarsa (bot dimulai ulang atau jawabannya sudah lama). "
              "Silakan bertanya lagi dengan {ask}.",
        "de": "Dieser Knopf ist abgelaufen (Neustart des Bots oder alte Antwort). Bitte "
              "fragen Sie erneut mit {ask}.",
    },
    "not_your_menu": {"en": "Only the person who ran this command can use these buttons.",
                      "id": "Hanya orang yang menjalankan perintah ini yang bisa memakai "
                            "tombol ini.",
                      "de": "Nur wer den Befehl aufgerufen hat, kann diese Knöpfe benutzen."},
    "error": {"en": "Something went wrong on my side. Please try again later.",
              "id": "Terjadi kesalahan di pihak saya. Silakan coba lagi nanti.",
              "de": "Bei mir ist etwas schiefgegangen. Bitte später erneut versuchen."},
    "bad_option": {"en": "One of the options could not be read; please check it.",
                   "id": "Salah satu opsi tidak dapat dibaca; mohon periksa.",
                   "de": "Eine Option war nicht lesbar; bitte prüfen Sie sie."},
    "not_allowed": {"en": "You can't use this command here.",
                    "id": "Anda tidak bisa memakai perintah ini di sini.",
                    "de": "Diesen Befehl können Sie hier nicht benutzen."},
    "guild_only": {"en": "This command only works in a server, not in direct messages.",
                   "id": "Perintah ini hanya berfungsi di server, bukan di pesan langsung.",
                   "de": "Dieser Befehl funktioniert nur auf einem Server, nicht in "
                         "Direktnachrichten."},
    "admin_only": {
        "en": "This command is for admins (Manage Server permission or an admin role). Admin "
              "commands are hidden from everyone else: if you hold an admin role and do not see "
              "them, the server owner has to allow that role under Server Settings → "
              "Integrations → {bot}.",
        "id": "Perintah ini khusus admin (izin Kelola Server atau peran admin). Perintah admin "
              "disembunyikan dari anggota lain: jika Anda punya peran admin tetapi tidak "
              "melihatnya, pemilik server harus mengizinkan peran itu di Pengaturan Server → "
              "Integrasi → {bot}.",
        "de": "Dieser Befehl ist für Admins (Berechtigung „Server verwalten“ oder Admin-Rolle). "
              "Admin-Befehle sind für alle anderen ausgeblendet: Wer eine Admin-Rolle hat und "
              "sie nicht sieht, braucht die Freigabe des Serverbesitzers unter "
              "Servereinstellungen → Integrationen → {bot}.",
    },
    "wrong_channel": {"en": "I answer in these channels: {channels}",
                      "id": "Saya menjawab di kanal berikut: {channels}",
                      "de": "Ich antworte in diesen Kanälen: {channels}"},
    # programs
    "programs_title": {"en": "Programs ({count})", "id": "Program ({count})",
                       "de": "Programme ({count})"},
    "programs_none": {"en": "No program matches these filters.",
                      "id": "Tidak ada program yang cocok dengan filter ini.",
                      "de": "Kein Programm passt zu diesen Filtern."},
    "open_program": {"en": "Open a program…", "id": "Buka program…",
                     "de": "Programm öffnen…"},
    "program_unknown": {
        "en": "I don't know a program called “{name}”. Try {programs} for the list.",
        "id": "Saya tidak mengenal program bernama “{name}”. Coba {programs} untuk daftarnya.",
        "de": "Ein Programm „{name}“ kenne ich nicht. {programs} zeigt die Liste.",
    },
    "fields": {"en": "Fields", "id": "Bidang", "de": "Bereiche"},
    "years": {"en": "Years", "id": "Tahun", "de": "Jahre"},
    "status": {"en": "Status", "id": "Status", "de": "Status"},
    "take_part": {"en": "How to take part", "id": "Cara ikut serta",
                  "de": "So machen Sie mit"},
    "partners": {"en": "Partners", "id": "Mitra", "de": "Partner"},
    "status.active": {"en": "active", "id": "aktif", "de": "aktiv"},
    "status.completed": {"en": "completed", "id": "selesai", "de": "abgeschlossen"},
    "status.proposed": {"en": "proposed", "id": "diusulkan", "de": "geplant"},
    "status.unknown": {"en": "status unknown", "id": "status tidak diketahui",
                       "de": "Status unbekannt"},
    "field.culture": {"en": "culture", "id": "budaya", "de": "Kultur"},
    "field.education": {"en": "education", "id": "pendidikan", "de": "Bildung"},
    "field.technology": {"en": "technology", "id": "teknologi", "de": "Technik"},
    "field.economy": {"en": "economy", "id": "ekonomi", "de": "Wirtschaft"},
    "field.trade": {"en": "trade", "id": "perdagangan", "de": "Handel"},
    "field.tourism": {"en": "tourism", "id": "pariwisata", "de": "Tourismus"},
    "field.youth": {"en": "youth", "id": "pemuda", "de": "Jugend"},
    "field.sport": {"en": "sport", "id": "olahraga", "de": "Sport"},
    "field.administration": {"en": "administration", "id": "pemerintahan",
                             "de": "Verwaltung"},
    "field.environment": {"en": "environment", "id": "lingkungan", "de": "Umwelt"},
    "field.science": {"en": "science", "id": "ilmu pengetahuan", "de": "Wissenschaft"},
    "field.social": {"en": "social", "id": "sosial", "de": "Soziales"},
    # timeline, sources, about, help
    "timeline_title": {"en": "Timeline of the partnership", "id": "Linimasa kemitraan",
                       "de": "Zeittafel der Partnerschaft"},
    "empty_list": {"en": "Nothing here yet.", "id": "Belum ada isi.", "de": "Noch leer."},
    "sources_title": {"en": "Sources ({count})", "id": "Sumber ({count})",
                      "de": "Quellen ({count})"},
    "accessed": {"en": "accessed {date}", "id": "diakses {date}", "de": "abgerufen {date}"},
    "about_title": {"en": "About this bot", "id": "Tentang bot ini", "de": "Über diesen Bot"},
    "about_text": {
        "en": "I answer questions about the sister-city partnership of Bandung and "
              "Braunschweig (since 1960) by quoting a curated corpus, with numbered sources. "
              "When the corpus does not cover a question, I say so instead of guessing.",
        "id": "Saya menjawab pertanyaan tentang kemitraan kota kembar Bandung dan "
              "Braunschweig (sejak 1960) dengan mengutip korpus terkurasi, lengkap dengan "
              "sumber bernomor. Jika korpus tidak mencakup pertanyaan, saya mengatakannya "
              "alih-alih menebak.",
        "de": "Ich beantworte Fragen zur Städtepartnerschaft Bandung–Braunschweig (seit 1960) "
              "mit Zitaten aus einem geprüften Korpus und nummerierten Quellen. Deckt der "
              "Korpus eine Frage nicht ab, sage ich das, statt zu raten.",
    },
    "corpus": {"en": "Corpus", "id": "Korpus", "de": "Korpus"},
    "corpus_size": {
        "en": "{documents} documents, {passages} passages, {programs} programs, "
              "{sources} sources",
        "id": "{documents} dokumen, {passages} bagian, {programs} program, {sources} sumber",
        "de": "{documents} Dokumente, {passages} Abschnitte, {programs} Programme, "
              "{sources} Quellen",
    },
    "corpus_date_label": {"en": "As of", "id": "Per tanggal", "de": "Stand"},
    "languages": {"en": "Languages", "id": "Bahasa", "de": "Sprachen"},
    "help_title": {"en": "How to use this bot", "id": "Cara memakai bot ini",
                   "de": "So benutzen Sie diesen Bot"},
    "help_mention": {
        "en": "You can also mention me with a question, reply to one of my answers, or write "
              "to me directly. A question like “And where?” right after another keeps its "
              "topic. To answer someone else's message: right-click it → Apps → *Ask the bot "
              "about this*.",
        "id": "Anda juga bisa menyebut saya dengan pertanyaan, membalas jawaban saya, atau "
              "mengirim pesan langsung. Pertanyaan seperti “Dan di mana?” tepat setelah "
              "pertanyaan lain melanjutkan topiknya. Untuk menjawab pesan orang lain: klik "
              "kanan pesannya → Aplikasi → *Tanya bot tentang ini*.",
        "de": "Sie können mich auch mit einer Frage erwähnen, auf eine Antwort von mir "
              "antworten oder mir direkt schreiben. Eine Frage wie „Und wo?“ direkt nach einer "
              "anderen behält deren Thema. Um die Nachricht eines anderen zu beantworten: "
              "Rechtsklick darauf → Apps → *Bot dazu fragen*.",
    },
    "help_ask_channels": {
        "en": "In {channels} I answer every new message or post without a mention.",
        "id": "Di {channels} saya menjawab setiap pesan atau postingan baru tanpa perlu disebut.",
        "de": "In {channels} beantworte ich jede neue Nachricht oder jeden Beitrag ohne "
              "Erwähnung.",
    },
    "help_admin_note": {
        "en": "Members with an admin role (ADMIN_ROLE_IDS) see these commands only after the "
              "server owner allows that role: Server Settings → Integrations → {bot} → the "
              "command → Add roles or members.",
        "id": "Anggota dengan peran admin (ADMIN_ROLE_IDS) baru melihat perintah ini setelah "
              "pemilik server mengizinkan peran itu: Pengaturan Server → Integrasi → {bot} → "
              "perintahnya → Tambah peran atau anggota.",
        "de": "Mitglieder mit einer Admin-Rolle (ADMIN_ROLE_IDS) sehen diese Befehle erst, "
              "wenn der Serverbesitzer die Rolle freigibt: Servereinstellungen → Integrationen "
              "→ {bot} → der Befehl → Rollen oder Mitglieder hinzufügen.",
    },
    "help_admin": {"en": "For admins", "id": "Untuk admin", "de": "Für Admins"},
    "help.ask": {"en": "ask a question; the answer quotes the corpus and cites sources",
                 "id": "ajukan pertanyaan; jawaban mengutip korpus dan menyebut sumber",
                 "de": "eine Frage stellen; die Antwort zitiert den Korpus mit Quellen"},
    "help.programs": {"en": "list programs, filtered by field, status or year",
                      "id": "daftar program, disaring menurut bidang, status, atau tahun",
                      "de": "Programme auflisten, nach Bereich, Status oder Jahr gefiltert"},
    "help.program": {"en": "one program in detail, and how to take part",
                     "id": "satu program secara rinci, dan cara ikut serta",
                     "de": "ein Programm im Detail und wie man mitmacht"},
    "help.sme": {"en": "the SME (UMKM) guide and your business's size class",
                 "id": "panduan UMKM dan kelas usaha Anda",
                 "de": "der KMU-Leitfaden (UMKM) und die Größenklasse Ihres Betriebs"},
    "help.timeline": {"en": "the partnership's history", "id": "sejarah kemitraan",
                      "de": "die Geschichte der Partnerschaft"},
    "help.sources": {"en": "the bibliography", "id": "daftar pustaka",
                     "de": "das Quellenverzeichnis"},
    "help.about": {"en": "what this bot is", "id": "tentang bot ini",
                   "de": "was dieser Bot ist"},
    "help.reindex": {"en": "rebuild the index after the corpus changed",
                     "id": "bangun ulang indeks setelah korpus berubah",
                     "de": "den Index nach Änderungen am Korpus neu aufbauen"},
    "help.stats": {"en": "index size, questions and feedback",
                   "id": "ukuran indeks, pertanyaan, dan umpan balik",
                   "de": "Indexgröße, Fragen und Rückmeldungen"},
    "help.unanswered": {"en": "questions the corpus could not answer",
                        "id": "pertanyaan yang belum bisa dijawab korpus",
                        "de": "Fragen, die der Korpus nicht beantworten konnte"},
    # SME
    "sme_class_title": {"en": "Business size (UMKM)", "id": "Kelas usaha (UMKM)",
                        "de": "Betriebsgröße (UMKM)"},
    "sme_class_intro": {
        "en": "Under {rule}, a new business is classed by its capital (without land and "
              "buildings), an existing one by its annual sales.",
        "id": "Menurut {rule}, usaha baru digolongkan menurut modal usaha (tanpa tanah dan "
              "bangunan), usaha yang sudah berjalan menurut hasil penjualan tahunan.",
        "de": "Nach {rule} wird ein neuer Betrieb nach seinem Kapital (ohne Grundstücke und "
              "Gebäude) eingestuft, ein bestehender nach seinem Jahresumsatz.",
    },
    "sme_guide": {"en": "SME guide", "id": "Panduan UMKM", "de": "KMU-Leitfaden"},
    "capital": {"en": "Business capital", "id": "Modal usaha", "de": "Geschäftskapital"},
    "annual_sales": {"en": "Annual sales", "id": "Hasil penjualan tahunan",
                     "de": "Jahresumsatz"},
    "by_capital": {"en": "New businesses, by capital", "id": "Usaha baru, menurut modal",
                   "de": "Neue Betriebe, nach Kapital"},
    "by_sales": {"en": "Existing businesses, by annual sales",
                 "id": "Usaha berjalan, menurut penjualan tahunan",
                 "de": "Bestehende Betriebe, nach Jahresumsatz"},
    "class_range": {"en": "{cls}: above {low} up to {high}",
                    "id": "{cls}: di atas {low} sampai {high}",
                    "de": "{cls}: über {low} bis {high}"},
    "classified": {"en": "{amount} → **{cls}**", "id": "{amount} → **{cls}**",
                   "de": "{amount} → **{cls}**"},
    "class.micro": {"en": "micro", "id": "mikro", "de": "Kleinstbetrieb"},
    "class.small": {"en": "small", "id": "kecil", "de": "Kleinbetrieb"},
    "class.medium": {"en": "medium", "id": "menengah", "de": "mittlerer Betrieb"},
    "class.large": {"en": "large (not an UMKM)", "id": "besar (bukan UMKM)",
                    "de": "Großbetrieb (kein UMKM)"},
    "rule": {"en": "Rule and sources", "id": "Aturan dan sumber", "de": "Regel und Quellen"},
    "bad_amount": {
        "en": "“{value}” is not an amount of rupiah I can read. Write e.g. 750 juta, "
              "1.5 miliar or 2,000,000,000.",
        "id": "“{value}” bukan jumlah rupiah yang bisa saya baca. Tulis mis. 750 juta, "
              "1,5 miliar, atau 2.000.000.000.",
        "de": "„{value}“ kann ich nicht als Rupiah-Betrag lesen. Schreiben Sie z. B. "
              "750 juta, 1,5 miliar oder 2.000.000.000.",
    },
    # admin
    "reindex_busy": {"en": "A reindex is already running; please wait for it to finish.",
                     "id": "Indeks sedang dibangun ulang; mohon tunggu hingga selesai.",
                     "de": "Ein Neuaufbau läuft bereits; bitte warten Sie, bis er fertig ist."},
    "reindex_ok": {"en": "Index rebuilt", "id": "Indeks dibangun ulang",
                   "de": "Index neu aufgebaut"},
    "no_changes": {"en": "No changes.", "id": "Tidak ada perubahan.",
                   "de": "Keine Änderungen."},
    "reindex_failed": {"en": "The corpus has {count} problem(s); nothing was changed",
                       "id": "Korpus punya {count} masalah; tidak ada yang diubah",
                       "de": "Der Korpus hat {count} Problem(e); nichts wurde geändert"},
    "index_unchanged": {"en": "The bot keeps answering from the previous index.",
                        "id": "Bot tetap menjawab dari indeks sebelumnya.",
                        "de": "Der Bot antwortet weiter aus dem bisherigen Index."},
    "and_more": {"en": "… and {count} more", "id": "… dan {count} lagi",
                 "de": "… und {count} weitere"},
    "build_time": {"en": "Build time", "id": "Waktu pembangunan", "de": "Bauzeit"},
    "index_size": {"en": "Index", "id": "Indeks", "de": "Index"},
    "index": {"en": "Index", "id": "Indeks", "de": "Index"},
    "index_stats": {
        "en": "{documents} documents, {passages} passages, {programs} programs, "
              "{glossary} glossary terms; built {built}",
        "id": "{documents} dokumen, {passages} bagian, {programs} program, {glossary} istilah "
              "glosarium; dibangun {built}",
        "de": "{documents} Dokumente, {passages} Abschnitte, {programs} Programme, "
              "{glossary} Glossarbegriffe; gebaut {built}",
    },
    "stats_title": {"en": "Statistics", "id": "Statistik", "de": "Statistik"},
    "last_24h": {"en": "Last 24 hours", "id": "24 jam terakhir", "de": "Letzte 24 Stunden"},
    "last_7d": {"en": "Last 7 days", "id": "7 hari terakhir", "de": "Letzte 7 Tage"},
    "activity": {
        "en": "{asked} asked · {answered} answered · {abstained} abstained · "
              "👍 {up} 👎 {down}",
        "id": "{asked} ditanyakan · {answered} dijawab · {abstained} tidak dijawab · "
              "👍 {up} 👎 {down}",
        "de": "{asked} gestellt · {answered} beantwortet · {abstained} offen · "
              "👍 {up} 👎 {down}",
    },
    "feedback_ratio": {"en": "Feedback (7 days)", "id": "Umpan balik (7 hari)",
                       "de": "Rückmeldungen (7 Tage)"},
    "no_votes": {"en": "no votes yet", "id": "belum ada suara", "de": "noch keine Bewertungen"},
    "top_questions": {"en": "Top questions (7 days)", "id": "Pertanyaan teratas (7 hari)",
                      "de": "Häufigste Fragen (7 Tage)"},
    "unanswered_title": {"en": "Unanswered or 👎 questions, last {days} days ({count} groups)",
                         "id": "Pertanyaan tak terjawab atau 👎, {days} hari terakhir "
                               "({count} kelompok)",
                         "de": "Unbeantwortete oder 👎-Fragen, letzte {days} Tage "
                               "({count} Gruppen)"},
    "unanswered_title_one": {"en": "Unanswered or 👎 questions, last day ({count} groups)",
                             "id": "Pertanyaan tak terjawab atau 👎, 1 hari terakhir "
                                   "({count} kelompok)",
                             "de": "Unbeantwortete oder 👎-Fragen, letzter Tag ({count} Gruppen)"},
    "unanswered_none": {"en": "Nothing to do: every recent question got an answer.",
                        "id": "Tidak ada: semua pertanyaan terbaru sudah terjawab.",
                        "de": "Nichts zu tun: Alle neuen Fragen wurden beantwortet."},
})


# -- Discord conversations: follow-ups, threads, suggestions, answering for others ---------------
_TEXT.update({
    "assumed_topic": {
        "en": "↪ Read as a follow-up to “{about}”. Name the topic to start afresh.",
        "id": "↪ Dibaca sebagai lanjutan dari “{about}”. Sebutkan topiknya untuk mulai baru.",
        "de": "↪ Als Nachfrage zu „{about}“ verstanden. Nennen Sie das Thema, um neu "
              "anzufangen.",
    },
    "follow_up": {"en": "Follow up", "id": "Tanya lanjut", "de": "Nachfragen"},
    "follow_up_title": {"en": "Follow-up question", "id": "Pertanyaan lanjutan",
                        "de": "Nachfrage"},
    "follow_up_label": {"en": "Your question (the topic carries over)",
                        "id": "Pertanyaan Anda (topiknya dilanjutkan)",
                        "de": "Ihre Frage (das Thema bleibt)"},
    "follow_up_placeholder": {"en": "e.g. And where was that?", "id": "mis. Dan di mana itu?",
                              "de": "z. B. Und wo war das?"},
    "thread": {"en": "Continue in a thread", "id": "Lanjut di utas", "de": "Im Thread weiter"},
    "thread_intro": {
        "en": "Ask follow-up questions here: mention me, use {ask}, or the *Follow up* button "
              "under my answers. For a few minutes I keep the topic.",
        "id": "Ajukan pertanyaan lanjutan di sini: sebut saya, pakai {ask}, atau tombol "
              "*Tanya lanjut* di bawah jawaban saya. Selama beberapa menit topiknya saya ingat.",
        "de": "Stellen Sie hier Nachfragen: erwähnen Sie mich, nutzen Sie {ask} oder den Knopf "
              "*Nachfragen* unter meinen Antworten. Einige Minuten lang behalte ich das Thema.",
    },
    "thread_started": {"en": "Continue here: {thread}", "id": "Lanjutkan di sini: {thread}",
                       "de": "Hier geht es weiter: {thread}"},
    "thread_exists": {"en": "This answer already has a thread: {thread}",
                      "id": "Jawaban ini sudah punya utas: {thread}",
                      "de": "Zu dieser Antwort gibt es schon einen Thread: {thread}"},
    "thread_failed": {
        "en": "I could not start a thread here (I may lack the Create Public Threads "
              "permission).",
        "id": "Saya tidak bisa membuat utas di sini (mungkin saya tidak punya izin Buat Utas "
              "Publik).",
        "de": "Ich konnte hier keinen Thread starten (vielleicht fehlt mir die Berechtigung "
              "„Öffentliche Threads erstellen“).",
    },
    "thread_default": {"en": "Questions about the partnership",
                       "id": "Pertanyaan tentang kemitraan",
                       "de": "Fragen zur Partnerschaft"},
    "abstain_commands": {
        "en": "Try {programs} or {sme}, or ask about: {topics}",
        "id": "Coba {programs} atau {sme}, atau tanyakan tentang: {topics}",
        "de": "Versuchen Sie {programs} oder {sme}, oder fragen Sie nach: {topics}",
    },
    "did_you_mean": {
        "en": "Try {programs} or {sme}, or did you mean one of these?",
        "id": "Coba {programs} atau {sme}, atau maksud Anda salah satu dari ini?",
        "de": "Versuchen Sie {programs} oder {sme} – oder meinten Sie eine dieser Fragen?",
    },
    "reply_unreadable": {
        "en": "I can't read that reply: Discord shows me a reply only when it pings me, and "
              "never one to my {ask} answers. Use the *Follow up* button under the answer, or "
              "mention me with your question.",
        "id": "Saya tidak bisa membaca balasan itu: Discord hanya menunjukkan balasan yang "
              "menyebut saya, dan tidak pernah balasan untuk jawaban {ask}. Pakai tombol "
              "*Tanya lanjut* di bawah jawaban, atau sebut saya dengan pertanyaan Anda.",
        "de": "Diese Antwort kann ich nicht lesen: Discord zeigt mir Antworten nur, wenn sie "
              "mich erwähnen, und nie Antworten auf meine {ask}-Antworten. Nutzen Sie den Knopf "
              "*Nachfragen* unter der Antwort oder erwähnen Sie mich mit Ihrer Frage.",
    },
    "about_message": {"en": "About {name}'s message", "id": "Tentang pesan {name}",
                      "de": "Zur Nachricht von {name}"},
    "nothing_to_ask": {
        "en": "That message has no text I could look up.",
        "id": "Pesan itu tidak berisi teks yang bisa saya cari.",
        "de": "Diese Nachricht enthält keinen Text, nach dem ich suchen kann.",
    },
    "small_talk": {
        "en": "Hello! Ask me anything about the Bandung–Braunschweig partnership.",
        "id": "Halo! Tanyakan apa saja tentang kemitraan Bandung–Braunschweig.",
        "de": "Hallo! Fragen Sie mich alles zur Partnerschaft Bandung–Braunschweig.",
    },
    "answer_posted": {"en": "Your answer is posted in the channel.",
                      "id": "Jawaban Anda sudah dikirim ke kanal.",
                      "de": "Ihre Antwort steht im Kanal."},
    "sme_rule": {"en": "PP 7/2021, Arts. 35–36", "id": "PP 7/2021, Pasal 35–36",
                 "de": "PP 7/2021, Art. 35–36"},
    "diff_line": {"en": "{kind}: +{added} −{removed} ~{changed}",
                  "id": "{kind}: +{added} −{removed} ~{changed}",
                  "de": "{kind}: +{added} −{removed} ~{changed}"},
    "attach_pick_question": {"en": "Attach a question to the passage that answers it…",
                             "id": "Kaitkan pertanyaan ke bagian yang menjawabnya…",
                             "de": "Frage dem Abschnitt zuordnen, der sie beantwortet…"},
    "attach_title": {"en": "Attach to a passage", "id": "Kaitkan ke bagian",
                     "de": "Einem Abschnitt zuordnen"},
    "attach_which": {"en": "Which passage answers “{question}”? Pick one, or search other "
                           "words.",
                     "id": "Bagian mana yang menjawab “{question}”? Pilih satu, atau cari "
                           "dengan kata lain.",
                     "de": "Welcher Abschnitt beantwortet „{question}“? Wählen Sie einen oder "
                           "suchen Sie mit anderen Wörtern."},
    "attach_pick_passage": {"en": "Pick the passage…", "id": "Pilih bagian…",
                            "de": "Abschnitt wählen…"},
    "attach_search": {"en": "Search other words", "id": "Cari kata lain",
                      "de": "Andere Wörter suchen"},
    "attach_words": {"en": "Words to search the passages for",
                     "id": "Kata untuk mencari bagian", "de": "Wörter für die Suche"},
    "attach_question": {"en": "Question", "id": "Pertanyaan", "de": "Frage"},
    "attach_confirm": {"en": "Attach and reindex", "id": "Kaitkan dan indeks ulang",
                       "de": "Zuordnen und neu indizieren"},
    "attach_cancel": {"en": "Cancel", "id": "Batal", "de": "Abbrechen"},
    "attach_cancelled": {"en": "Nothing was changed.", "id": "Tidak ada yang diubah.",
                         "de": "Nichts wurde geändert."},
    "attach_too_long": {"en": "The question bank takes questions of up to {limit} characters.",
                        "id": "Bank pertanyaan menerima pertanyaan hingga {limit} karakter.",
                        "de": "Die Fragensammlung nimmt Fragen bis {limit} Zeichen auf."},
    "attach_done": {"en": "Question attached, index rebuilt",
                    "id": "Pertanyaan dikaitkan, indeks dibangun ulang",
                    "de": "Frage zugeordnet, Index neu aufgebaut"},
    "attach_written": {"en": "Written to `{file}`.", "id": "Ditulis ke `{file}`.",
                       "de": "Geschrieben in `{file}`."},
    "attach_now": {"en": "The question now gets", "id": "Pertanyaan itu sekarang dijawab",
                   "de": "Die Frage bekommt jetzt"},
    "attach_still_declined": {
        "en": "still no answer: the passage alone does not cover the question well enough.",
        "id": "masih belum ada jawaban: bagian itu saja belum cukup mencakup pertanyaannya.",
        "de": "noch keine Antwort: der Abschnitt allein deckt die Frage nicht genug ab.",
    },
    "attach_gap": {"en": "Not covered: file as a known gap",
                   "id": "Tidak tercakup: catat sebagai celah",
                   "de": "Nicht abgedeckt: als bekannte Lücke ablegen"},
    "attach_gap_done": {"en": "Filed as a known gap, index rebuilt",
                        "id": "Dicatat sebagai celah, indeks dibangun ulang",
                        "de": "Als bekannte Lücke abgelegt, Index neu aufgebaut"},
    "attach_gap_declined": {
        "en": "a decline: the corpus does not answer it, and questions like it are declined "
              "rather than answered with a neighbouring fact.",
        "id": "penolakan: korpus tidak menjawabnya, dan pertanyaan serupa ditolak alih-alih "
              "dijawab dengan fakta di sebelahnya.",
        "de": "eine Absage: der Korpus beantwortet sie nicht, und ähnliche Fragen werden "
              "abgelehnt statt mit einer benachbarten Tatsache beantwortet.",
    },
    "kind.documents": {"en": "documents", "id": "dokumen", "de": "Dokumente"},
    "kind.passages": {"en": "passages", "id": "bagian", "de": "Abschnitte"},
    "kind.programs": {"en": "programs", "id": "program", "de": "Programme"},
    "kind.glossary": {"en": "glossary", "id": "glosarium", "de": "Glossar"},
})


def t(key: str, language: str, **values: object) -> str:
    """The text `key` in `language` (English if missing), with `values` filled in."""
    texts = _TEXT[key]
    return texts.get(language, texts["en"]).format(**values)


def language_name(code: str, in_language: str) -> str:
    return LANGUAGE_NAMES.get(in_language, LANGUAGE_NAMES["en"]).get(code, code)
