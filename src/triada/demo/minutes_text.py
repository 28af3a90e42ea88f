"""Fictional but realistic minutes for the demo meetings."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.text import slugify
from weasyprint import HTML

from triada.meetings.models import Meeting
from triada.meetings.selectors import attendance_summary
from triada.minutes import services as minutes
from triada.minutes.uploads import uploaded_minutes_add
from triada.people.models import Membership

DISCUSSION = [
    "Koordinátorka informovala o plnění akčního plánu za uplynulé čtvrtletí. Členové skupiny "
    "doplnili aktuální údaje o kapacitách služeb a o čekatelích.",
    "Zástupci poskytovatelů upozornili na nedostatek pracovníků v sociálních službách a na "
    "rostoucí zájem o terénní formu služeb. Diskuse se týkala i dostupnosti služeb v okolních "
    "obcích.",
    "Zástupci uživatelů popsali zkušenosti s dostupností služeb o víkendech a s dopravou do "
    "ambulantních služeb. Skupina se shodla, že jde o potřebu, kterou je třeba zapsat do "
    "registru potřeb.",
    "Projednány byly podněty z veřejnosti. Skupina se shodla na jejich zapracování do "
    "připravovaného akčního plánu a na předání řídící skupině.",
    "Členové skupiny se seznámili s výsledky dotazníkového šetření mezi uživateli služeb a "
    "diskutovali o prioritách pro další období.",
]
RESOLUTIONS = [
    "Pracovní skupina bere na vědomí informaci o plnění akčního plánu.",
    "Pracovní skupina doporučuje řídící skupině zařadit potřebu do akčního plánu na další rok.",
    "Pracovní skupina schvaluje harmonogram svých jednání na příští rok.",
]
TASKS = [
    "Zjistit počet volných míst v odlehčovacích službách",
    "Připravit podklady o kapacitách služeb pro akční plán",
    "Oslovit okolní obce s nabídkou účasti na jednáních",
    "Zpracovat přehled podnětů z veřejnosti",
]


def write_minutes(builder, meeting: Meeting, *, publish: bool) -> None:
    """Minutes with a discussion per agenda item, a resolution and a task; then approved and,
    with `publish`, published as a PDF."""
    rng = builder.rng
    record = minutes.minutes_start(actor=builder.actor, meeting=meeting)
    sections = list(record.sections.all())
    minutes.minutes_update(
        actor=builder.actor,
        minutes=record,
        edit_count=record.edit_count,
        opening="Jednání zahájila vedoucí skupiny, přivítala přítomné a konstatovala "
        "usnášeníschopnost. Program byl schválen bez připomínek.",
        closing="Vedoucí poděkovala přítomným za účast a jednání ukončila.",
        discussions={s.pk: rng.choice(DISCUSSION) for s in sections},
    )
    main = sections[min(1, len(sections) - 1)]
    votes = rng.random() < 0.4
    present = attendance_summary(meeting).present_voting
    minutes.resolution_add(
        actor=builder.actor,
        section=main,
        text=rng.choice(RESOLUTIONS),
        adoption="vote" if votes else "consensus",
        votes_for=present if votes else None,
        votes_against=0 if votes else None,
        votes_abstained=0 if votes else None,
    )
    members = [
        m.person
        for m in meeting.body.memberships.active_on(meeting.date)
        if m.function != Membership.Function.GUEST
    ]
    minutes.task_add(
        actor=builder.actor,
        minutes=record,
        section=main,
        text=rng.choice(TASKS),
        responsible=rng.choice(members) if members else None,
        due_on=meeting.date + datetime.timedelta(days=90),
    )
    minutes.minutes_approve(actor=builder.actor, minutes=record)
    if publish:
        minutes.minutes_publish(actor=builder.actor, minutes=record)


def upload_archive(
    builder, *, body, title: str, date: datetime.date, period: str, scan: bool = False
) -> None:
    """A PDF from the town's archive, made here: minutes with text, or a scan (no text layer,
    the page only drawn)."""
    if scan:
        html = (
            "<html><body><div style='margin:2cm;height:20cm;border:2px solid #555;"
            "background:repeating-linear-gradient(#fff 0 14px,#bbb 14px 16px)'>"
            "</div></body></html>"
        )
    else:
        paragraphs = "".join(f"<p>{builder.rng.choice(DISCUSSION)}</p>" for _ in range(12))
        html = (
            f"<html lang='cs'><head><title>{title}</title></head><body><h1>{title}</h1>"
            f"{paragraphs}<h2>Usnesení</h2><p>{builder.rng.choice(RESOLUTIONS)}</p>"
            "</body></html>"
        )
    data = HTML(string=html).write_pdf()
    upload = SimpleUploadedFile(f"{slugify(title)}.pdf", data, content_type="application/pdf")
    uploaded_minutes_add(
        actor=builder.actor,
        area=body.area,
        upload=upload,
        body=body,
        date=date,
        period=period,
        title=title,
    )
