"""Two published demo checklists: Russia for construction work, Kazakhstan for other work.

The texts are short, in Tajik, Russian and English, and follow the demo information sheets (which
are marked as sample text to be checked by the centre's lawyers). Items link to those sheets by
code when they exist and to Rohnamo's public tools. Loading again updates the same rows.
"""

from django.db import transaction

from rohnamo.core.models import Country
from rohnamo.departure.choices import ChecklistPurpose, ChecklistTool
from rohnamo.departure.models import ChecklistItem, ChecklistTemplate
from rohnamo.knowledge.models import Sheet

PASSPORT = {
    "text": (
        "Шиносномаи хориҷии шумо барои тамоми муддати сафар эътибор дорад",
        "Заграничный паспорт действителен на весь срок поездки",
        "Your passport for travel abroad is valid for the whole trip",
    ),
    "hint": (
        "Нусхаи шиносномаро дар коғаз ва дар телефон нигоҳ доред.",
        "Сделайте копии паспорта на бумаге и в телефоне.",
        "Keep copies of your passport on paper and on your phone.",
    ),
    "sheet": "passport-and-documents",
}
CONTRACT = {
    "text": (
        "Шартномаи меҳнатиро ба забоне, ки мефаҳмед, гиред ва пеш аз имзо хонед",
        "Получите трудовой договор на понятном вам языке и прочитайте его до подписания",
        "Get your work contract in a language you read, and read it before you sign",
    ),
    "hint": (
        "Музд, соатҳои корӣ, ҷои зист ва кӣ барои ҳуҷҷатҳо пардохт мекунад — бояд навишта шавад.",
        "В нём должны быть зарплата, часы работы, жильё и кто платит за документы.",
        "It must state the wage, working hours, housing and who pays for the documents.",
    ),
    "sheet": "employment-contract",
}
AGENCY = {
    "text": (
        "Агар тавассути агентӣ равед, иҷозатномаи онро санҷед",
        "Если едете через агентство, проверьте его лицензию",
        "If an agency sends you, check its licence",
    ),
    "hint": (
        "Агентии бе иҷозатнома метавонад шуморо фиреб диҳад. Ба миёнаравҳо шиноснома надиҳед.",
        "Агентство без лицензии может вас обмануть. Не отдавайте паспорт посредникам.",
        "An agency without a licence may cheat you. Never hand your passport to a middleman.",
    ),
    "sheet": "recruitment-agencies",
    "tool": ChecklistTool.AGENCIES,
}

RUSSIA_CONSTRUCTION = [
    PASSPORT,
    {
        "text": (
            "Санҷед, ки ба Русия манъи вуруд надоред",
            "Проверьте, нет ли у вас запрета на въезд в Россию",
            "Check that you are not banned from entering Russia",
        ),
        "hint": (
            "Пеш аз харидани чипта дар Роҳнамо санҷед.",
            "Проверьте на Рохнамо до покупки билета.",
            "Check on Rohnamo before you buy a ticket.",
        ),
        "sheet": "entry-ban-check",
        "tool": ChecklistTool.TRAVEL_CHECK,
    },
    AGENCY,
    CONTRACT,
    {
        "text": (
            "Дар давоми 15 рӯзи пас аз омадан дар қайди муҳоҷиратӣ гиред",
            "Встаньте на миграционный учёт в течение 15 дней после приезда",
            "Register with the migration authorities within 15 days of arrival",
        ),
        "hint": (
            "Бе қайд будубоши шумо ғайриқонунӣ мешавад. Варақаи қайдро бо шиноснома нигоҳ доред.",
            "Без учёта пребывание становится незаконным. Храните отрывной талон с паспортом.",
            "Without registration your stay becomes illegal. Keep the slip with your passport.",
        ),
        "sheet": "registration-russia",
    },
    {
        "text": (
            "Патент ё иҷозати корӣ гиред ва патентро ҳар моҳ сари вақт пардохт кунед",
            "Оформите патент или разрешение на работу и оплачивайте патент каждый месяц вовремя",
            "Get a patent or work permit, and pay for the patent every month on time",
        ),
        "hint": (
            "Агар пардохт ҳатто як рӯз дер шавад, патент беэътибор мешавад. "
            "Квитансияҳоро нигоҳ доред.",
            "Если опоздать с оплатой хотя бы на день, патент аннулируют. Храните квитанции.",
            "A payment even one day late cancels the patent. Keep the receipts.",
        ),
        "sheet": "work-permit-russia",
    },
    {
        "text": (
            "Ташхиси тиббӣ ва маълумотномаҳоро барои патент танҳо дар муассисаи расмӣ гузаред",
            "Пройдите медосмотр и получите справки для патента только в официальной клинике",
            "Have the medical check and tests for the patent, only at an official clinic",
        ),
        "hint": (
            "Барои патент маълумотнома дар бораи бемориҳои сироятӣ ва ВНМО лозим аст. "
            "Маълумотномаи қалбакӣ нахаред.",
            "Для патента нужны справки об инфекционных болезнях и ВИЧ. "
            "Не покупайте поддельные справки.",
            "The patent needs certificates on infectious diseases and HIV. Never buy a false one.",
        ),
        "sheet": "health-before-you-go",
    },
    {
        "text": (
            "Курси омодагӣ пеш аз сафарро гузаред",
            "Пройдите курс подготовки перед отъездом",
            "Take a pre-departure orientation course",
        ),
        "hint": (
            "Дар курс ҳуқуқҳо, қоидаҳо ва ҷойҳои ёриро меомӯзед.",
            "На курсе рассказывают о правах, правилах и о том, куда обращаться за помощью.",
            "It covers your rights, the rules and where to get help.",
        ),
        "tool": ChecklistTool.COURSES,
    },
    {
        "text": (
            "Рақамҳои сафорат ва консулгариҳои Тоҷикистон дар Русияро дар коғаз нависед",
            "Запишите на бумаге телефоны посольства и консульств Таджикистана в России",
            "Write down on paper the numbers of Tajikistan's embassy and consulates in Russia",
        ),
        "hint": (
            "Рақамҳо дар саҳифаи дафтарҳо ва хатҳои боварии Роҳнамо ҳастанд.",
            "Номера есть на странице офисов и горячих линий Рохнамо.",
            "The numbers are on Rohnamo's offices and hotlines page.",
        ),
        "sheet": "consulates-russia",
        "tool": ChecklistTool.OFFICES,
    },
]

KAZAKHSTAN_OTHER_WORK = [
    PASSPORT,
    {
        "text": (
            "Санҷед, ки ба Қазоқистон манъи вуруд надоред",
            "Проверьте, нет ли у вас запрета на въезд в Казахстан",
            "Check that you are not banned from entering Kazakhstan",
        ),
        "hint": (
            "Пеш аз харидани чипта дар Роҳнамо санҷед.",
            "Проверьте на Рохнамо до покупки билета.",
            "Check on Rohnamo before you buy a ticket.",
        ),
        "tool": ChecklistTool.TRAVEL_CHECK,
    },
    AGENCY,
    CONTRACT,
    {
        "text": (
            "Пеш аз сафар бифаҳмед, ки барои кор кадом ҳуҷҷат лозим аст, ва онро гиред",
            "До отъезда узнайте, какой документ даёт право на работу, и оформите его",
            "Before you leave, find out which document gives you the right to work, and get it",
        ),
        "hint": (
            "Бе ҳуҷҷат кор накунед: кори ғайриқонунӣ шуморо бе ҳимоя мегузорад.",
            "Не работайте без документа: незаконная работа оставляет вас без защиты.",
            "Do not work without it: illegal work leaves you without protection.",
        ),
    },
    {
        "text": (
            "Пас аз омадан фавран дар қайд гиред; мӯҳлати ҳозираро аз марказ пурсед",
            "Сразу после приезда встаньте на учёт; действующий срок уточните в центре",
            "Register right after you arrive; ask the centre for the deadline now in force",
        ),
        "hint": (
            "Ҳуҷҷати қайдро бо шиноснома нигоҳ доред ва аксашро ба оилаатон фиристед.",
            "Храните документ о регистрации с паспортом, отправьте его фото семье.",
            "Keep the registration document with your passport and send a photo to your family.",
        ),
        "sheet": "registration-kazakhstan",
    },
    {
        "text": (
            "Рақамҳои сафорати Тоҷикистон дар Қазоқистонро дар коғаз нависед",
            "Запишите на бумаге телефоны посольства Таджикистана в Казахстане",
            "Write down on paper the numbers of Tajikistan's embassy in Kazakhstan",
        ),
        "hint": (
            "Рақамҳо дар саҳифаи дафтарҳо ва хатҳои боварии Роҳнамо ҳастанд.",
            "Номера есть на странице офисов и горячих линий Рохнамо.",
            "The numbers are on Rohnamo's offices and hotlines page.",
        ),
        "tool": ChecklistTool.OFFICES,
    },
]

CHECKLISTS = [
    (
        "RU",
        ChecklistPurpose.WORK_CONSTRUCTION,
        (
            "Русия, кор дар сохтмон: пеш аз сафар",
            "Россия, работа на стройке: до отъезда",
            "Russia, construction work: before you leave",
        ),
        RUSSIA_CONSTRUCTION,
    ),
    (
        "KZ",
        ChecklistPurpose.WORK_OTHER,
        (
            "Қазоқистон, кори дигар: пеш аз сафар",
            "Казахстан, другая работа: до отъезда",
            "Kazakhstan, other work: before you leave",
        ),
        KAZAKHSTAN_OTHER_WORK,
    ),
]


def _tri(prefix, values):
    return dict(zip([f"{prefix}_tg", f"{prefix}_ru", f"{prefix}_en"], values, strict=True))


@transaction.atomic
def load_demo_checklists(users):
    """Create or update the two demo checklists, published; returns how many were loaded."""
    sheets = {sheet.code: sheet for sheet in Sheet.objects.all()}
    for order, (country_code, purpose, titles, items) in enumerate(CHECKLISTS):
        template, _created = ChecklistTemplate.objects.update_or_create(
            country=Country.objects.get(code=country_code),
            purpose=purpose,
            defaults={**_tri("title", titles), "is_published": True, "order": order},
        )
        for position, item in enumerate(items, 1):
            ChecklistItem.objects.update_or_create(
                template=template,
                position=position,
                defaults={
                    **_tri("text", item["text"]),
                    **_tri("hint", item["hint"]),
                    # Linked when the demo sheet exists; a demo without sheets simply has none.
                    "sheet": sheets.get(item.get("sheet", "")),
                    "tool": item.get("tool", ""),
                },
            )
    return len(CHECKLISTS)
