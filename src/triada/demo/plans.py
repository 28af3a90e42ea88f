"""The community plans of the demo towns, built through the planning services so that the
plan's rules apply to the demo as they do to real data (and fill the audit log).

Český Těšín: the 4th plan 2017–2020. Version 1 went out for comments in autumn 2016, was
settled and approved by the working groups, the steering group, the council and the assembly,
and came into force on 1 January 2017. After the working group for the disabled and seniors
split in April 2018, version 2 hands its two support areas to the two new groups; it went
through its own short comment period and approval and came into force on 1 January 2019
(version 1 is archived). The needs raised at the groups' meetings, two needs from the public
form and the evaluations of 2018 and 2019 complete the picture.

Nový Jičín: the draft of the 3rd plan 2020–2023, built around the four discussion forums and
the needs they defined, in its comment period now: open since a week before the day the demo
is loaded and for three weeks after it.

Some services check "today": comments_open refuses a period that has already ended,
comment_submit takes comments only while the period is open today, version_settle waits for the
period to end. A plan of 2016 therefore opens its period today, takes its comments and then has
the period moved into the past with a queryset update, as `tests/factories.advance_plan` does;
every such update is marked below. Nothing depends on the day the demo runs."""

import datetime
import random
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone
from django.utils.text import slugify

from triada.accounts.models import User
from triada.areas.models import Area
from triada.meetings import services as meetings
from triada.meetings.models import Meeting
from triada.needs import services as needs_services
from triada.needs.models import Need
from triada.people.models import Membership, Organization, Person
from triada.planning import services as planning
from triada.planning.models import (
    Comment,
    Evaluation,
    FundingSource,
    Plan,
    PlanItem,
    PlanVersion,
)
from triada.planning.selectors import plan_tree, runs_in
from triada.structure.models import Body

D = datetime.date
E = Evaluation.Status
CITY, REGION, STATE, EU, PROVIDER, OTHER = (
    FundingSource.CITY,
    FundingSource.REGION,
    FundingSource.STATE,
    FundingSource.EU,
    FundingSource.PROVIDER,
    FundingSource.OTHER,
)


# The shape of the content


@dataclass
class Action:
    """A measure (with activities) or an activity. `person` is "" (nobody), "member" (one of
    the owning group's members, drawn at random) or the username of a demo account; `costs`
    maps a funding source to a yearly amount (growing 3 % a year) or to {year: amount};
    `evaluation` maps a year to (status, narrative) where the story needs a particular one."""

    title: str
    years: tuple[int, int]
    description: str = ""
    key: str = ""
    org: str = ""
    body: str = ""
    person: str = ""
    indicators: tuple = ()  # (name, unit, baseline, targets in the timeline's years)
    costs: dict = field(default_factory=dict)
    activities: tuple = ()
    evaluation: dict = field(default_factory=dict)


@dataclass
class Goal:
    title: str
    measures: tuple


@dataclass
class Priority:
    title: str
    description: str
    goals: tuple


@dataclass
class SupportArea:
    key: str
    title: str
    owner: str
    target_group: str
    profile: str
    problems: tuple
    priorities: tuple


@dataclass
class NeedSpec:
    body: str
    day: datetime.date  # the day of the body's meeting that raised it
    text: str
    target_group: str
    status: str = Need.Status.ACCEPTED
    reason: str = ""
    answered_by: str = ""  # the key of the measure that answers it


@dataclass
class CommentSpec:
    key: str  # the commented item's key; "" for the vision or the introduction
    text: str
    received: datetime.date | None = None
    section: str = ""  # for a comment on no item
    author: tuple = ()  # (name, e-mail) of a member of the public
    member_of: str = ""  # a member of this body comments, signed in
    decision: str = ""
    reason: str = ""
    settled_by: str = ""
    settled_on: datetime.date | None = None


# Český Těšín

FAMILIES = "Děti-mládež-rodina a osoby ohrožené sociálním vyloučením"
MIXED = "Osoby se zdravotním znevýhodněním a senioři"
DISABLED = "Osoby se zdravotním znevýhodněním"
SENIORS = "Senioři"
STEERING = "Řídící skupina komunitního plánování"
COUNCIL = "Rada města Český Těšín"
ASSEMBLY = "Zastupitelstvo města Český Těšín"
DEPARTMENT = "Odbor sociální"
COMMITTEE = "Komise sociální"

ROVINA = "Centrum pro rodinu Rovina, z. ú."
KOTVA = "Nízkoprahový klub Kotva, z. s."
PRISTAV = "Azylový dům Přístav, z. s."
CESTA = "Poradna Cesta, z. s."
KROK = "Terénní programy Krok, z. s."
CHARITA = "Charitní služby Těšínsko, o. p. s."
LIPY = "Domov pro seniory Pod Lipami, p. o."
OLSE = "Pečovatelská služba Olše, p. o."
ASISTENCE = "Asistence Beskydy, o. p. s."
SLUNECNICE = "Denní stacionář Slunečnice, o. p. s."
MOST = "Sociálně terapeutická dílna Most, z. ú."
LABOUR = "Kontaktní pracoviště úřadu práce Těšínsko"
SENIOR_CLUB = "Klub seniorů Olše, z. s."
SZP = "Sdružení zdravotně postižených Těšínska, z. s."

TESIN_TITLE = "4. komunitní plán sociálních služeb města Český Těšín na období 2017–2020"

TESIN_VISION_DRAFT = (
    "Český Těšín je město, ve kterém lidé v nepříznivé sociální situaci včas najdou "
    "dostupnou, kvalitní a vzájemně provázanou pomoc blízko svého domova. Sociální služby "
    "vznikají a mění se podle skutečných potřeb obyvatel, na kterých se shodnou uživatelé, "
    "poskytovatelé i město, a jsou financovány stabilně a spravedlivě."
)
TESIN_VISION = (
    "Český Těšín je město, ve kterém senioři, lidé se zdravotním postižením, rodiny s dětmi "
    "i lidé ohrožení sociálním vyloučením včas najdou dostupnou, kvalitní a vzájemně "
    "provázanou pomoc blízko svého domova. Sociální služby vznikají a mění se podle "
    "skutečných potřeb obyvatel, na kterých se shodnou uživatelé, poskytovatelé i město, a "
    "jsou financovány stabilně a spravedlivě."
)
TESIN_INTRODUCTION = (
    "Čtvrtý komunitní plán navazuje na tři předchozí plány (2006–2008, 2009–2012 a "
    "2014–2016). Připravovaly ho od června 2015 dvě pracovní skupiny – Děti-mládež-rodina a "
    "osoby ohrožené sociálním vyloučením a Osoby se zdravotním znevýhodněním a senioři – pod "
    "vedením řídící skupiny; proces koordinoval odbor sociální.\n\n"
    "Podkladem byla sociodemografická analýza města, dotazníkové šetření mezi 612 obyvateli a "
    "uživateli služeb (jaro 2016), přehled kapacit sociálních služeb podle registru "
    "poskytovatelů a analýza SWOT, kterou zpracovala každá pracovní skupina pro své cílové "
    "skupiny. Pracovní skupiny popsaly profil cílových skupin, pojmenovaly problémové oblasti "
    "a navrhly priority, cíle, opatření a aktivity; každý člen odpovídá za plnění cílů, které "
    "sám navrhl.\n\n"
    "Návrh plánu byl zveřejněn k připomínkám od 19. září do 21. října 2016; veřejné "
    "projednání se konalo 5. října 2016 v zasedací místnosti městského úřadu. Vypořádání "
    "připomínek je přílohou plánu."
)
TESIN_INTRODUCTION_EVALUATION = (
    "\n\nVyhodnocení 3. komunitního plánu: ze 34 opatření bylo 25 splněno, 6 splněno "
    "částečně a 3 se nepodařilo naplnit (chráněné bydlení, noclehárna a rozšíření "
    "odlehčovacích služeb). Nesplněná opatření převzal tento plán, s výjimkou noclehárny, "
    "kterou nahrazuje zimní režim azylového domu."
)
TESIN_INTRODUCTION_V2 = (
    "\n\nVerze 2 (2018): v dubnu 2018 se pracovní skupina Osoby se zdravotním znevýhodněním "
    "a senioři rozdělila na dvě skupiny. Oblast podpory seniorů převzala skupina Senioři, "
    "oblast podpory osob se zdravotním postižením a duševním onemocněním skupina Osoby se "
    "zdravotním znevýhodněním. Verze 2 zároveň odpovídá na potřeby, které skupiny "
    "pojmenovaly v letech 2017 a 2018, a doplňuje kontaktní místo pro pečující osoby."
)

TESIN_AREAS = (
    SupportArea(
        key="rodiny",
        title="Rodiny s dětmi",
        owner=FAMILIES,
        target_group="rodiny s dětmi, děti a mládež",
        profile=(
            "V Českém Těšíně žije přibližně 24 900 obyvatel, z toho kolem 4 000 dětí do "
            "15 let a 2 300 mladých lidí ve věku 15–24 let. Přibývá neúplných rodin a rodin, "
            "které se kvůli dluhům a nejistému bydlení ocitají v krizi; orgán sociálně-právní "
            "ochrany dětí má v evidenci kolem 390 rodin. Rodinám pomáhají sociálně "
            "aktivizační služby, nízkoprahové zařízení pro děti a mládež, odborné sociální "
            "poradenství a azylový dům. V dotazníkovém šetření rodiče nejčastěji postrádali "
            "poradenství v odpoledních hodinách, dostupné aktivity pro děti ze sídlišť a pomoc "
            "při hledání bydlení."
        ),
        problems=(
            "Rodiny s dětmi v bytové nouzi a bez stabilního bydlení",
            "Zadluženost rodin a exekuce",
            "Málo nízkoprahových a volnočasových aktivit pro děti a mládež ze sídlišť",
            "Nedostatečná spolupráce škol, OSPOD a poskytovatelů služeb",
        ),
        priorities=(
            Priority(
                "Podpora rodin v obtížné životní situaci",
                "Rodiny v krizi dostanou včas pomoc v domácnosti i v poradně, aby děti mohly "
                "zůstat ve své rodině.",
                (
                    Goal(
                        "Zachovat a rozvíjet sociálně aktivizační služby pro rodiny s dětmi",
                        (
                            Action(
                                "Sociálně aktivizační služby pro rodiny s dětmi",
                                (2017, 2020),
                                "Terénní a ambulantní podpora rodin, kterým hrozí odebrání "
                                "dětí nebo jejichž situaci ohrožují dluhy, ztráta bydlení či "
                                "nízké rodičovské kompetence.",
                                key="sas_rodiny",
                                org=ROVINA,
                                body=FAMILIES,
                                person="member",
                                indicators=(
                                    ("Počet podpořených rodin", "rodin", 45, (50, 55, 60, 60)),
                                    (
                                        "Hodiny přímé práce s rodinami",
                                        "hodin",
                                        2600,
                                        (2800, 3000, 3200, 3200),
                                    ),
                                ),
                                costs={CITY: 380_000, REGION: 950_000, PROVIDER: 60_000},
                                activities=(
                                    Action(
                                        "Terénní práce s rodinami v jejich domácnostech",
                                        (2017, 2020),
                                        org=ROVINA,
                                    ),
                                    Action(
                                        "Skupinový program posilování rodičovských kompetencí",
                                        (2018, 2020),
                                        "Deset setkání pro rodiče doporučené OSPOD, "
                                        "s hlídáním dětí.",
                                        org=ROVINA,
                                        indicators=(
                                            ("Absolventi programu", "osob", 0, (12, 15, 15)),
                                        ),
                                    ),
                                ),
                            ),
                        ),
                    ),
                    Goal(
                        "Zajistit dostupné dluhové a odborné poradenství",
                        (
                            Action(
                                "Dluhové poradenství pro rodiny a jednotlivce",
                                (2017, 2020),
                                "Odborné sociální poradenství zaměřené na řešení dluhů, "
                                "oddlužení a prevenci exekucí.",
                                key="dluhy",
                                org=CESTA,
                                person="member",
                                indicators=(
                                    (
                                        "Počet klientů dluhové poradny",
                                        "osob",
                                        120,
                                        (140, 160, 170, 180),
                                    ),
                                    (
                                        "Podané návrhy na oddlužení",
                                        "návrhů",
                                        18,
                                        (20, 25, 30, 30),
                                    ),
                                ),
                                costs={CITY: 160_000, STATE: 420_000, PROVIDER: 30_000},
                                activities=(
                                    Action(
                                        "Konzultační hodiny do 18:00 dvakrát týdně",
                                        (2018, 2020),
                                        org=CESTA,
                                    ),
                                    Action(
                                        "Besedy o finanční gramotnosti na středních školách",
                                        (2017, 2019),
                                        org=CESTA,
                                    ),
                                ),
                            ),
                        ),
                    ),
                ),
            ),
            Priority(
                "Děti a mládež v bezpečném prostředí",
                "Děti a mladí lidé mají kam jít, když je doma nebo ve škole těžko, a služby "
                "kolem nich spolu spolupracují.",
                (
                    Goal(
                        "Nabídnout dětem a mládeži nízkoprahové a preventivní programy",
                        (
                            Action(
                                "Nízkoprahové zařízení pro děti a mládež Kotva",
                                (2017, 2020),
                                "Bezpečný prostor pro děti a mládež ve věku 6–20 let, sociální "
                                "poradenství, prevence rizikového chování a doprovázení.",
                                key="nzdm",
                                org=KOTVA,
                                body=FAMILIES,
                                indicators=(
                                    ("Počet uživatelů NZDM", "osob", 80, (85, 90, 95, 100)),
                                    (
                                        "Počet kontaktů za rok",
                                        "kontaktů",
                                        3900,
                                        (4000, 4200, 4400, 4500),
                                    ),
                                ),
                                costs={CITY: 300_000, REGION: 1_100_000, PROVIDER: 40_000},
                                activities=(
                                    Action(
                                        "Terénní program NZDM na sídlišti Svibice",
                                        (2018, 2020),
                                        key="nzdm_teren",
                                        org=KOTVA,
                                    ),
                                    Action(
                                        "Letní program pro děti z rodin v obtížné situaci",
                                        (2017, 2019),
                                        org=KOTVA,
                                    ),
                                ),
                            ),
                        ),
                    ),
                    Goal(
                        "Propojit školy, OSPOD a poskytovatele služeb",
                        (
                            Action(
                                "Síť služeb pro rodiny a případové konference",
                                (2017, 2019),
                                "Pravidelná spolupráce OSPOD, škol, poskytovatelů a úřadu "
                                "práce; případové konference k rodinám, se kterými pracuje "
                                "více služeb.",
                                body=DEPARTMENT,
                                person="member",
                                indicators=(
                                    ("Počet případových konferencí", "konferencí", 6, (8, 10, 12)),
                                ),
                                costs={CITY: 40_000, REGION: 25_000},
                                activities=(
                                    Action(
                                        "Setkání sítě služeb pro rodiny dvakrát ročně",
                                        (2017, 2019),
                                        body=DEPARTMENT,
                                    ),
                                    Action(
                                        "Katalog služeb pro rodiny s dětmi v tištěné i "
                                        "elektronické podobě",
                                        (2018, 2019),
                                        body=FAMILIES,
                                        evaluation={
                                            2018: (
                                                E.NOT_STARTED,
                                                "Zatím nezahájeno: podklady od poskytovatelů "
                                                "se sbírají od ledna 2019, tisk je v rozpočtu "
                                                "na rok 2019.",
                                            ),
                                            2019: (
                                                E.DONE,
                                                "Katalog vyšel v září 2019 v nákladu 2 000 "
                                                "výtisků a je ke stažení na webu města; "
                                                "rozdávají ho školy, lékaři a OSPOD.",
                                            ),
                                        },
                                    ),
                                ),
                            ),
                        ),
                    ),
                ),
            ),
        ),
    ),
    SupportArea(
        key="vylouceni",
        title="Osoby ohrožené sociálním vyloučením",
        owner=FAMILIES,
        target_group="osoby bez přístřeší, osoby v bytové nouzi, osoby ohrožené závislostmi "
        "a osoby po výkonu trestu",
        profile=(
            "Ve městě se podle sčítání terénních pracovníků pohybuje 50–70 osob bez "
            "přístřeší, v zimě jejich počet roste. Dalších zhruba 300 domácností žije v "
            "nevyhovujícím nebo nejistém bydlení, často na ubytovnách. Typické jsou kombinované "
            "problémy: dluhy a exekuce, dlouhodobá nezaměstnanost, závislost na alkoholu či "
            "jiných návykových látkách a zhoršené zdraví. Ve městě působí azylový dům, terénní "
            "programy a poradenské služby; noclehárnu využívají lidé v sousedním Třinci."
        ),
        problems=(
            "Nedostatek dostupného a sociálního bydlení",
            "Osoby bez přístřeší v zimním období",
            "Dlouhodobá nezaměstnanost a zadluženost",
            "Užívání návykových látek a rizikové chování",
        ),
        priorities=(
            Priority(
                "Bydlení a řešení bytové nouze",
                "Lidé, kteří přišli o bydlení, mají kde přečkat krizi a reálnou cestu zpět do "
                "běžného nájemního bydlení.",
                (
                    Goal(
                        "Zajistit krizové a azylové ubytování",
                        (
                            Action(
                                "Azylový dům Přístav pro muže a ženy",
                                (2017, 2020),
                                "Přechodné ubytování s podporou sociálního pracovníka pro "
                                "osoby bez přístřeší a individuální plán cesty do vlastního "
                                "bydlení.",
                                key="azyl",
                                org=PRISTAV,
                                person="member",
                                indicators=(
                                    ("Počet ubytovaných osob", "osob", 62, (65, 65, 70, 70)),
                                    ("Průměrná obložnost", "%", 88, (90, 90, 90, 90)),
                                ),
                                costs={CITY: 520_000, REGION: 1_850_000, PROVIDER: 140_000},
                                activities=(
                                    Action(
                                        "Zimní režim: o šest lůžek více od listopadu do března",
                                        (2017, 2020),
                                        org=PRISTAV,
                                    ),
                                    Action(
                                        "Přechod klientů do nájemního bydlení ve spolupráci "
                                        "s bytovou správou města",
                                        (2018, 2020),
                                        body=DEPARTMENT,
                                    ),
                                ),
                            ),
                        ),
                    ),
                    Goal(
                        "Rozvíjet prostupné a sociální bydlení",
                        (
                            Action(
                                "Systém prostupného bydlení se startovacími byty",
                                (2018, 2020),
                                "Město vyčlení byty pro domácnosti, které zvládly pobyt v "
                                "azylovém domě nebo na ubytovně; nájemníky doprovází sociální "
                                "pracovník.",
                                key="startbyty",
                                body=DEPARTMENT,
                                org=KROK,
                                indicators=(("Počet startovacích bytů", "bytů", 0, (4, 8, 10)),),
                                costs={CITY: 250_000, EU: {2018: 900_000, 2019: 1_200_000}},
                                activities=(
                                    Action(
                                        "Vyčlenění městských bytů pro prostupné bydlení",
                                        (2018, 2019),
                                        body=DEPARTMENT,
                                    ),
                                    Action(
                                        "Doprovodná sociální práce v bytech",
                                        (2018, 2020),
                                        org=KROK,
                                    ),
                                ),
                            ),
                        ),
                    ),
                ),
            ),
            Priority(
                "Sociální začleňování a prevence",
                "Lidé na okraji společnosti mají kontakt se službami, které jim pomohou s "
                "doklady, dluhy, prací i zdravím.",
                (
                    Goal(
                        "Udržet terénní sociální práci v lokalitách",
                        (
                            Action(
                                "Terénní sociální práce",
                                (2017, 2020),
                                "Terénní pracovníci vyhledávají lidi v nepříznivé situaci na "
                                "ubytovnách, na ulici i v domácnostech a pomáhají jim s "
                                "doklady, dávkami, dluhy a hledáním práce.",
                                key="terenni",
                                org=KROK,
                                person="member",
                                indicators=(
                                    (
                                        "Počet klientů terénní sociální práce",
                                        "osob",
                                        150,
                                        (160, 170, 180, 180),
                                    ),
                                ),
                                costs={CITY: 280_000, REGION: 600_000, EU: 700_000},
                                activities=(
                                    Action(
                                        "Pravidelná terénní práce na ubytovnách a ve Svibicích",
                                        (2017, 2020),
                                        org=KROK,
                                    ),
                                    Action(
                                        "Poradenství při hledání zaměstnání",
                                        (2018, 2020),
                                        "Ve spolupráci s úřadem práce: příprava na pohovor, "
                                        "rekvalifikace, veřejně prospěšné práce.",
                                        org=LABOUR,
                                    ),
                                ),
                            ),
                        ),
                    ),
                    Goal(
                        "Snižovat rizika spojená s užíváním návykových látek",
                        (
                            Action(
                                "Kontaktní a terénní program pro uživatele návykových látek",
                                (2017, 2019),
                                "Výměnný program, poradenství, testování infekčních nemocí "
                                "a motivace k léčbě.",
                                key="drogy",
                                org=KROK,
                                indicators=(
                                    (
                                        "Počet kontaktovaných uživatelů drog",
                                        "osob",
                                        90,
                                        (95, 100, 100),
                                    ),
                                ),
                                costs={CITY: 120_000, REGION: 260_000, STATE: 310_000},
                                activities=(
                                    Action(
                                        "Výměnný program injekčního materiálu",
                                        (2017, 2019),
                                        org=KROK,
                                    ),
                                    Action(
                                        "Sběr pohozených injekčních stříkaček ve městě",
                                        (2017, 2019),
                                        org=KROK,
                                        evaluation={
                                            2019: (
                                                E.CANCELLED,
                                                "Od dubna 2019 sbírá pohozené stříkačky "
                                                "městská policie při svých obchůzkách; "
                                                "pracovní skupina aktivitu zrušila, aby se "
                                                "práce nezdvojovala.",
                                            ),
                                        },
                                    ),
                                ),
                            ),
                        ),
                    ),
                ),
            ),
        ),
    ),
    SupportArea(
        key="seniori",
        title="Senioři",
        owner=MIXED,
        target_group="senioři a osoby, které o ně pečují",
        profile=(
            "Ve městě žije přes 5 100 obyvatel starších 65 let a jejich podíl roste: z 16 % v "
            "roce 2011 na odhadovaných 21 % v roce 2020. Přibývá seniorů, kteří žijí sami, a "
            "lidí s demencí. Většina seniorů si přeje zůstat co nejdéle doma; pečuje o ně "
            "rodina, často vedle zaměstnání. Ve městě působí pečovatelská služba, domov pro "
            "seniory s domovem se zvláštním režimem, odlehčovací a sociálně aktivizační "
            "služby; pořadník do pobytových služeb je dlouhý."
        ),
        problems=(
            "Dlouhé čekání na pobytové služby, zejména pro lidi s demencí",
            "Péče v domácnosti chybí večer a o víkendech",
            "Přetížení pečující rodinní příslušníci",
            "Osamělost a sociální izolace seniorů",
        ),
        priorities=(
            Priority(
                "Péče v domácím prostředí",
                "Senioři mohou s podporou služeb zůstat doma co nejdéle; pečující rodina "
                "dostane pomoc a čas na odpočinek.",
                (
                    Goal(
                        "Rozšířit pečovatelskou službu",
                        (
                            Action(
                                "Pečovatelská služba i večer a o víkendech",
                                (2017, 2020),
                                "Pečovatelská služba rozšíří provoz do 20:00 a na víkendy, "
                                "včetně dovozu obědů.",
                                key="pecovatelska",
                                org=OLSE,
                                body=DEPARTMENT,
                                person="vedouci.seniori",
                                indicators=(
                                    (
                                        "Počet uživatelů pečovatelské služby",
                                        "osob",
                                        210,
                                        (220, 235, 245, 255),
                                    ),
                                    (
                                        "Hodiny péče večer a o víkendech",
                                        "hodin",
                                        0,
                                        (400, 1100, 1500, 1800),
                                    ),
                                ),
                                costs={CITY: 2_100_000, REGION: 1_450_000, PROVIDER: 950_000},
                                activities=(
                                    Action(
                                        "Večerní a víkendový provoz pečovatelské služby",
                                        (2017, 2020),
                                        org=OLSE,
                                    ),
                                    Action(
                                        "Nový automobil pro terénní péči",
                                        (2018, 2019),
                                        org=OLSE,
                                        evaluation={
                                            2018: (
                                                E.IN_PROGRESS,
                                                "Výběrové řízení na dodavatele proběhlo v "
                                                "listopadu 2018; dotace kraje je přiznána.",
                                            ),
                                            2019: (
                                                E.DONE,
                                                "Automobil převzat v březnu 2019, jezdí na "
                                                "víkendové a večerní trasy.",
                                            ),
                                        },
                                    ),
                                ),
                            ),
                        ),
                    ),
                    Goal(
                        "Podpořit pečující osoby",
                        (
                            Action(
                                "Odlehčovací služby pro pečující rodiny",
                                (2017, 2020),
                                "Pobytová i terénní odlehčovací služba, aby si pečující mohli "
                                "odpočinout, vyřídit své záležitosti nebo se léčit.",
                                key="odlehcovaci",
                                org=CHARITA,
                                person="clen.seniori",
                                indicators=(
                                    (
                                        "Lůžka pobytové odlehčovací služby",
                                        "lůžek",
                                        4,
                                        (4, 6, 6, 8),
                                    ),
                                    (
                                        "Počet podpořených pečujících",
                                        "osob",
                                        40,
                                        (45, 55, 60, 65),
                                    ),
                                ),
                                costs={CITY: 420_000, REGION: 880_000, PROVIDER: 180_000},
                                activities=(
                                    Action(
                                        "Terénní odlehčovací služba v domácnosti",
                                        (2018, 2020),
                                        org=CHARITA,
                                    ),
                                    Action(
                                        "Svépomocná skupina pro pečující",
                                        (2017, 2020),
                                        org=CHARITA,
                                    ),
                                ),
                            ),
                        ),
                    ),
                ),
            ),
            Priority(
                "Aktivní a bezpečné stáří",
                "Senioři žijí mezi lidmi, mají kam jít a v případě potřeby najdou místo v "
                "pobytové službě.",
                (
                    Goal(
                        "Předcházet osamělosti a izolaci seniorů",
                        (
                            Action(
                                "Sociálně aktivizační služby pro seniory",
                                (2017, 2020),
                                "Skupinové a individuální programy: trénování paměti, "
                                "pohybové aktivity, výlety a společenská setkání.",
                                key="aktivizace",
                                org=CHARITA,
                                person="member",
                                indicators=(
                                    (
                                        "Účastníci aktivizačních programů",
                                        "osob",
                                        120,
                                        (130, 140, 150, 150),
                                    ),
                                ),
                                costs={CITY: 180_000, REGION: 240_000, PROVIDER: 30_000},
                                activities=(
                                    Action(
                                        "Kurzy práce s počítačem a chytrým telefonem",
                                        (2018, 2020),
                                        org=SENIOR_CLUB,
                                    ),
                                    Action(
                                        "Dobrovolnické návštěvy u osamělých seniorů",
                                        (2017, 2020),
                                        org=CHARITA,
                                    ),
                                ),
                            ),
                        ),
                    ),
                    Goal(
                        "Zajistit dostatek pobytových služeb pro lidi s demencí",
                        (
                            Action(
                                "Rozšíření domova se zvláštním režimem",
                                (2018, 2020),
                                "Přestavba pavilonu B domova Pod Lipami: dvanáct nových lůžek "
                                "pro lidi s demencí.",
                                key="dzr",
                                org=LIPY,
                                body=DEPARTMENT,
                                indicators=(
                                    (
                                        "Lůžka domova se zvláštním režimem",
                                        "lůžek",
                                        24,
                                        (24, 30, 36),
                                    ),
                                ),
                                costs={
                                    CITY: {2018: 600_000, 2019: 1_400_000, 2020: 500_000},
                                    REGION: 2_400_000,
                                    EU: {2018: 2_000_000, 2019: 7_500_000},
                                },
                                activities=(
                                    Action(
                                        "Stavební úpravy pavilonu B",
                                        (2018, 2019),
                                        org=LIPY,
                                    ),
                                    Action(
                                        "Vzdělávání personálu v péči o lidi s demencí",
                                        (2018, 2020),
                                        org=LIPY,
                                    ),
                                ),
                            ),
                        ),
                    ),
                ),
            ),
        ),
    ),
    SupportArea(
        key="postizeni",
        title="Osoby se zdravotním postižením a duševním onemocněním",
        owner=MIXED,
        target_group="osoby se zdravotním postižením, osoby s duševním onemocněním a jejich blízcí",
        profile=(
            "Průkaz osoby se zdravotním postižením má ve městě přibližně 1 300 lidí. Služby "
            "využívají lidé s tělesným, mentálním, smyslovým i kombinovaným postižením a stále "
            "více lidé s duševním onemocněním, kteří po hospitalizaci potřebují podporu v "
            "běžném životě. Ve městě působí osobní asistence, denní stacionář a sociálně "
            "terapeutická dílna; chráněné bydlení ani podpora samostatného bydlení tu zatím "
            "nejsou."
        ),
        problems=(
            "Chybí chráněné bydlení a podpora samostatného bydlení",
            "Málo pracovních příležitostí pro lidi se zdravotním postižením",
            "Bariéry v dopravě a ve veřejných budovách",
            "Nedostatek informací o službách a kompenzačních pomůckách",
        ),
        priorities=(
            Priority(
                "Samostatný život v přirozeném prostředí",
                "Lidé s postižením žijí doma nebo v bydlení s podporou, ne v ústavu.",
                (
                    Goal(
                        "Rozvíjet osobní asistenci",
                        (
                            Action(
                                "Osobní asistence pro děti i dospělé",
                                (2017, 2020),
                                "Asistence při péči o sebe, v domácnosti, při vzdělávání, "
                                "práci a volném čase.",
                                key="asistence",
                                org=ASISTENCE,
                                person="member",
                                indicators=(
                                    (
                                        "Počet uživatelů osobní asistence",
                                        "osob",
                                        34,
                                        (36, 40, 42, 45),
                                    ),
                                    (
                                        "Hodiny osobní asistence",
                                        "hodin",
                                        21_000,
                                        (22_000, 24_000, 25_000, 26_000),
                                    ),
                                ),
                                costs={CITY: 650_000, REGION: 2_300_000, PROVIDER: 1_100_000},
                                activities=(
                                    Action(
                                        "Osobní asistence večer a o víkendech",
                                        (2017, 2020),
                                        org=ASISTENCE,
                                    ),
                                    Action(
                                        "Asistence dětem ve škole a při volnočasových aktivitách",
                                        (2018, 2020),
                                        org=ASISTENCE,
                                    ),
                                ),
                            ),
                        ),
                    ),
                    Goal(
                        "Zajistit bydlení s podporou pro lidi s duševním onemocněním",
                        (
                            Action(
                                "Chráněné bydlení a podpora samostatného bydlení",
                                (2018, 2020),
                                "Byt pro čtyři obyvatele s nepřetržitou podporou a terénní "
                                "podpora lidí, kteří bydlí sami.",
                                key="chranene",
                                org=MOST,
                                body=DEPARTMENT,
                                indicators=(
                                    ("Místa v chráněném bydlení", "míst", 0, (0, 4, 4)),
                                    (
                                        "Uživatelé podpory samostatného bydlení",
                                        "osob",
                                        0,
                                        (5, 10, 12),
                                    ),
                                ),
                                costs={
                                    CITY: 150_000,
                                    REGION: 500_000,
                                    EU: {2018: 300_000, 2019: 2_200_000},
                                },
                                activities=(
                                    Action(
                                        "Rekonstrukce městského bytu pro chráněné bydlení",
                                        (2018, 2019),
                                        body=DEPARTMENT,
                                        evaluation={
                                            2018: (
                                                E.POSTPONED,
                                                "Výzva IROP byla vyhlášena až v listopadu "
                                                "2018; rekonstrukce se odkládá na rok 2019.",
                                            ),
                                            2019: (
                                                E.DONE,
                                                "Rekonstrukce dokončena v říjnu 2019, první "
                                                "obyvatelé se nastěhovali v prosinci.",
                                            ),
                                        },
                                    ),
                                    Action(
                                        "Podpora samostatného bydlení v terénu",
                                        (2018, 2020),
                                        org=MOST,
                                    ),
                                ),
                            ),
                        ),
                    ),
                ),
            ),
            Priority(
                "Práce, denní aktivity a přístupné město",
                "Lidé s postižením mají smysluplnou práci a denní program a město je pro ně "
                "přístupné.",
                (
                    Goal(
                        "Nabídnout práci a denní aktivity",
                        (
                            Action(
                                "Sociálně terapeutická dílna a denní stacionář",
                                (2017, 2020),
                                "Pracovní návyky v dílně, denní program ve stacionáři a "
                                "přechod na chráněný nebo otevřený trh práce.",
                                key="dilna",
                                org=MOST,
                                person="member",
                                indicators=(
                                    (
                                        "Uživatelé dílny a stacionáře",
                                        "osob",
                                        38,
                                        (40, 42, 45, 45),
                                    ),
                                ),
                                costs={CITY: 350_000, REGION: 1_200_000, PROVIDER: 220_000},
                                activities=(
                                    Action(
                                        "Prodejní výstavy výrobků dílny",
                                        (2017, 2020),
                                        org=MOST,
                                    ),
                                    Action(
                                        "Přechodné zaměstnání u spolupracujících firem",
                                        (2018, 2020),
                                        org=LABOUR,
                                    ),
                                    Action(
                                        "Provoz denního stacionáře do 17:00",
                                        (2018, 2019),
                                        org=SLUNECNICE,
                                    ),
                                ),
                            ),
                        ),
                    ),
                    Goal(
                        "Odstraňovat bariéry a zlepšit informovanost",
                        (
                            Action(
                                "Přístupné město a informace o službách",
                                (2017, 2019),
                                "Mapování přístupnosti veřejných budov a informace o "
                                "službách a kompenzačních pomůckách na jednom místě.",
                                key="bariery",
                                body=COMMITTEE,
                                org=SZP,
                                indicators=(
                                    (
                                        "Zmapované veřejné budovy",
                                        "budov",
                                        12,
                                        (20, 30, 40),
                                    ),
                                ),
                                costs={CITY: 90_000, REGION: 40_000},
                                activities=(
                                    Action(
                                        "Mapa přístupnosti veřejných budov na webu města",
                                        (2017, 2019),
                                        org=SZP,
                                    ),
                                    Action(
                                        "Zkušební provoz přepravní služby pro lidi na vozíku",
                                        (2018, 2019),
                                        body=DEPARTMENT,
                                    ),
                                ),
                            ),
                        ),
                    ),
                ),
            ),
        ),
    ),
)

# Version 2 adds one activity under the respite care measure.
TESIN_NEW_ACTIVITY = Action(
    "Kontaktní místo pro pečující osoby",
    (2019, 2020),
    "Poradenství pro pečující, půjčovna kompenzačních pomůcek a informace o příspěvku na "
    "péči v jednom místě.",
    key="pecujici",
    org=CHARITA,
    person="clen.seniori",
    indicators=(("Konzultace pro pečující", "konzultací", 0, (150, 200)),),
)
TESIN_NEW_ACTIVITY_HOURS = (
    " Otevřeno v pondělí a ve čtvrtek, ve čtvrtek až do 18:00, aby mohli přijít i pečující, "
    "kteří chodí do práce."
)
TESIN_DISABLED_PROFILE_ADDITION = (
    " Průkaz ZTP/P, který opravňuje i k doprovodu, mělo k 31. 12. 2017 podle úřadu práce "
    "457 obyvatel města."
)

TESIN_COMMENTS_V1 = (
    CommentSpec(
        "pecovatelska",
        "Navrhuji, aby víkendová pečovatelská služba zahrnovala i dovoz obědů. Moje maminka o "
        "víkendu nemá teplé jídlo, když za ní nemůžu přijet.",
        D(2016, 9, 27),
        author=("Marta Sikorová", "marta.sikorova@example.cz"),
        decision=Comment.Decision.PARTLY,
        reason="Dovoz obědů o víkendech zajistí pečovatelská služba od roku 2018 v rámci "
        "víkendového provozu. O svátcích to kapacita služby zatím neumožňuje.",
        settled_by=MIXED,
        settled_on=D(2016, 10, 25),
    ),
    CommentSpec(
        "nzdm_teren",
        "Terénní program by měl pokrýt i sídliště Mosty. Děti se tam scházejí u obchodního "
        "centra a do klubu Kotva nechodí.",
        D(2016, 10, 3),
        member_of=FAMILIES,
        decision=Comment.Decision.ACCEPTED,
        reason="Aktivita upravena: terénní program bude působit na sídlištích Svibice a Mosty.",
        settled_by=FAMILIES,
        settled_on=D(2016, 10, 24),
    ),
    CommentSpec(
        "vylouceni",
        "Město by mělo zřídit vlastní noclehárnu. Lidé bez domova v zimě přespávají na nádraží.",
        D(2016, 10, 5),
        author=("Petr Wojnar", "petr.wojnar@example.cz"),
        decision=Comment.Decision.REJECTED,
        reason="Noclehárna v Třinci má volná místa a město hradí její využití lidem z Českého "
        "Těšína; v zimě navíc azylový dům navyšuje kapacitu o šest lůžek. Potřebu skupina "
        "znovu posoudí při vyhodnocení plánu.",
        settled_by=FAMILIES,
        settled_on=D(2016, 10, 24),
    ),
    CommentSpec(
        "chranene",
        "Čtyři místa v chráněném bydlení nestačí. Lidí s duševním onemocněním, kteří by "
        "takové bydlení potřebovali, je na Těšínsku mnohem víc.",
        D(2016, 10, 5),
        member_of=MIXED,
        decision=Comment.Decision.PARTLY,
        reason="Cílová hodnota pro rok 2020 zvýšena na šest míst. Další rozšíření závisí na "
        "dotaci z IROP; skupina se k němu vrátí v akčním plánu.",
        settled_by=MIXED,
        settled_on=D(2016, 10, 25),
    ),
    CommentSpec(
        "",
        "Ve vizi chybí rodiny s dětmi a lidé se zdravotním postižením, plán tak působí, jako "
        "by byl jen pro seniory a lidi bez domova.",
        D(2016, 10, 10),
        section="Vize",
        author=("Lenka Szturcová, Spolek rodičů Duha", "duha@example.cz"),
        decision=Comment.Decision.ACCEPTED,
        reason="Vize doplněna o výčet cílových skupin plánu.",
        settled_by=STEERING,
        settled_on=D(2016, 11, 3),
    ),
    CommentSpec(
        "",
        "V plánu chybí vyhodnocení 3. komunitního plánu. Není jasné, co se z něj splnilo a "
        "proč se některá opatření opakují.",
        D(2016, 10, 14),
        section="Jak plán vznikl",
        author=("Jiří Kaleta", "jiri.kaleta@example.cz"),
        decision=Comment.Decision.ACCEPTED,
        reason="Do úvodu doplněno shrnutí vyhodnocení 3. komunitního plánu; celé vyhodnocení "
        "je přílohou plánu.",
        settled_by=STEERING,
        settled_on=D(2016, 11, 3),
    ),
    CommentSpec(
        "dluhy",
        "Dluhovou poradnu by mělo celou platit město. Dotace ministerstva jsou každý rok "
        "nejisté a poradna pak na jaře nemá z čeho platit pracovníky.",
        D(2016, 10, 19),
        member_of=FAMILIES,
        decision=Comment.Decision.REJECTED,
        reason="Rozpočet města neumožňuje převzít celé financování. Město poradnu "
        "spolufinancuje a při výpadku dotace projedná rada města mimořádný příspěvek.",
        settled_by=STEERING,
        settled_on=D(2016, 11, 3),
    ),
)

TESIN_COMMENTS_V2 = (
    CommentSpec(
        "pecujici",
        "Kontaktní místo by mělo mít otevřeno aspoň jeden den v týdnu do večera. Pečující, "
        "kteří chodí do práce, jinak nemají šanci ho navštívit.",
        D(2018, 6, 7),
        author=("Helena Dudová", "helena.dudova@example.cz"),
        decision=Comment.Decision.ACCEPTED,
        reason="Doplněna provozní doba: ve čtvrtek do 18:00.",
        settled_by=SENIORS,
        settled_on=D(2018, 6, 26),
    ),
    CommentSpec(
        "postizeni",
        "Do profilu cílové skupiny prosím doplnit počet držitelů průkazu ZTP/P a rozdělení "
        "podle druhu postižení.",
        D(2018, 6, 12),
        member_of=DISABLED,
        decision=Comment.Decision.PARTLY,
        reason="Doplněn počet držitelů průkazu ZTP/P podle úřadu práce. Údaje podle druhu "
        "postižení úřad práce nevede.",
        settled_by=DISABLED,
        settled_on=D(2018, 6, 28),
    ),
)

TESIN_NEEDS = (
    NeedSpec(
        MIXED,
        D(2017, 2, 15),
        "Pobytových odlehčovacích lůžek je málo; pečující na ně čekají i několik měsíců a "
        "nemohou si naplánovat vlastní léčbu nebo dovolenou.",
        "pečující o seniory",
        Need.Status.ACCEPTED,
        answered_by="odlehcovaci",
    ),
    NeedSpec(
        FAMILIES,
        D(2017, 5, 16),
        "Matky s dětmi, které přijdou o bydlení, nemají ve městě kam jít; azylový dům je "
        "často plný a startovací byty chybí.",
        "rodiny s dětmi v bytové nouzi",
        Need.Status.ACCEPTED,
        answered_by="startbyty",
    ),
    NeedSpec(
        MIXED,
        D(2017, 9, 13),
        "Pečovatelská služba nepokrývá večery a víkendy; lidé po propuštění z nemocnice v pátek "
        "zůstávají do pondělí bez pomoci.",
        "senioři",
        Need.Status.ACCEPTED,
        answered_by="pecovatelska",
    ),
    NeedSpec(
        FAMILIES,
        D(2017, 11, 21),
        "Dluhová poradna má jen dopolední hodiny; pracující rodiče se do ní nedostanou.",
        "zadlužené rodiny",
        Need.Status.ACCEPTED,
        answered_by="dluhy",
    ),
    NeedSpec(
        FAMILIES,
        D(2018, 2, 14),
        "Mladší děti (6–12 let) ze Svibic nemají odpoledne kam jít; klub Kotva je pro ně "
        "daleko a pracuje hlavně s dospívajícími.",
        "děti 6–12 let",
    ),
    NeedSpec(
        DISABLED,
        D(2018, 5, 18),
        "Lidé s duševním onemocněním po propuštění z psychiatrické nemocnice nemají kde bydlet "
        "s podporou a vracejí se zpět do nemocnice.",
        "osoby s duševním onemocněním",
        Need.Status.ACCEPTED,
        answered_by="chranene",
    ),
    NeedSpec(
        SENIORS,
        D(2018, 5, 19),
        "Pečující nevědí, kam se obrátit pro radu, pomůcky a příspěvek na péči; informace "
        "jsou roztroušené mezi úřad, poskytovatele a lékaře.",
        "pečující o seniory",
        Need.Status.ACCEPTED,
        answered_by="odlehcovaci",
    ),
    NeedSpec(
        DISABLED,
        D(2019, 2, 16),
        "Přeprava lidí na vozíku k lékaři a na úřady: městská hromadná doprava nemá dost "
        "nízkopodlažních spojů a taxi je drahé.",
        "osoby s tělesným postižením",
    ),
    NeedSpec(
        FAMILIES,
        D(2019, 5, 16),
        "Rodiny v péči OSPOD potřebují dlouhodobější podporu, než jakou dnes sociálně "
        "aktivizační služba dokáže nabídnout (sanace rodiny).",
        "rodiny s dětmi v péči OSPOD",
    ),
    NeedSpec(
        FAMILIES,
        D(2019, 9, 12),
        "Zřídit vlastní městskou noclehárnu v Českém Těšíně.",
        "osoby bez přístřeší",
        Need.Status.REJECTED,
        reason="Noclehárna v Třinci má volnou kapacitu a město hradí její využití; v zimě "
        "azylový dům navyšuje kapacitu. Vlastní noclehárna by byla nevyužitá.",
    ),
    NeedSpec(
        SENIORS,
        D(2019, 11, 24),
        "Osamělí senioři v domácnostech, kteří už nevycházejí, potřebují pravidelný kontakt; "
        "dobrovolníků je málo.",
        "osamělí senioři",
    ),
    NeedSpec(
        SENIORS,
        D(2020, 5, 19),
        "Ve městě chybí denní stacionář pro lidi s demencí, kde by mohli trávit den, zatímco "
        "jejich blízcí pracují.",
        "lidé s demencí a jejich pečující",
    ),
    NeedSpec(
        FAMILIES,
        D(2020, 9, 12),
        "Mládež ze sídliště Mosty se večer schází v parku; chybí terénní práce s mládeží ve "
        "večerních hodinách.",
        "mládež 15–20 let",
        Need.Status.NEW,
    ),
)

TESIN_APPROVAL_V1 = (
    (FAMILIES, D(2016, 11, 8), "4/2016/PS1"),
    (MIXED, D(2016, 11, 10), "5/2016/PS2"),
    (STEERING, D(2016, 11, 24), "9/2016/ŘS"),
    (COUNCIL, D(2016, 12, 5), "1256/38/RM/2016"),
    (ASSEMBLY, D(2016, 12, 15), "12/2016/ZM"),
)
TESIN_APPROVAL_V2 = (
    (FAMILIES, D(2018, 9, 12), "6/2018/PS1"),
    (DISABLED, D(2018, 9, 14), "3/2018/PS2"),
    (SENIORS, D(2018, 9, 15), "3/2018/PS3"),
    (STEERING, D(2018, 11, 21), "7/2018/ŘS"),
    (COUNCIL, D(2018, 12, 3), "95/4/RM/2018"),
    (ASSEMBLY, D(2018, 12, 13), "27/2018/ZM"),
)


# Nový Jičín

FORUM_HANDICAP = "Diskusní fórum péče o handicapované"
FORUM_SENIORS = "Diskusní fórum péče o seniory"
FORUM_INCLUSION = "Diskusní fórum péče pro sociální začleňování"
FORUM_FAMILY = "Diskusní fórum péče o rodinu"

JICIN_TITLE = "Komunitní plán sociálních služeb Nový Jičín {first}–{last}"
JICIN_VISION = (
    "Nový Jičín a okolní obce nabízejí lidem v nepříznivé situaci dostupné, srozumitelné a "
    "navazující sociální služby, o jejichž podobě rozhodují společně uživatelé, poskytovatelé "
    "a obce."
)
JICIN_INTRODUCTION = (
    "Návrh třetího komunitního plánu vznikl v projektu KOMPLAN. Na jeho startu byla "
    "revidována struktura pracovních skupin; čtyři diskusní fóra – péče o handicapované, o "
    "seniory, pro sociální začleňování a o rodinu – na svých jednáních v letech 2018 a 2019 "
    "definovala potřeby v komunitní oblasti. Každé fórum pracuje v triádě: vede ho zadavatel, "
    "členy jsou pracovníci poskytovatelů, uživatelé a ti, kdo se jich zastávají, a zástupci "
    "okolních obcí.\n\n"
    "Z potřeb fór a z podkladů odborné platformy (analýza dostupnosti služeb v ORP, "
    "dotazníkové šetření mezi uživateli, vyhodnocení 2. komunitního plánu) sestavila řídící "
    "skupina tento návrh. Připomínky lze podat elektronicky přes formulář u návrhu nebo "
    "písemně na odboru sociálních věcí; každou připomínku fórum nebo řídící skupina vypořádá "
    "a vypořádání zveřejní."
)

JICIN_AREAS = (
    SupportArea(
        key="nj_handicap",
        title="Péče o handicapované",
        owner=FORUM_HANDICAP,
        target_group="osoby se zdravotním postižením a jejich rodiny",
        profile=(
            "V ORP Nový Jičín žije kolem 2 600 držitelů průkazu osoby se zdravotním "
            "postižením. Služby pro ně jsou soustředěny ve městě; z okolních obcí se do nich "
            "lidé dostávají obtížně."
        ),
        problems=(
            "Málo pracovních příležitostí a tréninkových míst",
            "Služby chybí v menších obcích",
            "Přetížené rodiny, které pečují o dospělé s postižením",
        ),
        priorities=(
            Priority(
                "Samostatnost a pracovní uplatnění lidí s postižením",
                "Lidé s postižením se připraví na práci a najdou ji.",
                (
                    Goal(
                        "Udržet a rozvíjet sociální rehabilitaci",
                        (
                            Action(
                                "Sociální rehabilitace a tréninková pracoviště",
                                (2020, 2023),
                                "Nácvik dovedností pro samostatný život a práci, tréninková "
                                "pracovní místa a doprovázení na otevřený trh práce.",
                                key="nj_rehab",
                                org="Sociální rehabilitace Krok, z. s.",
                                body=FORUM_HANDICAP,
                                person="leader",
                                indicators=(
                                    (
                                        "Uživatelé sociální rehabilitace",
                                        "osob",
                                        30,
                                        (32, 35, 38, 40),
                                    ),
                                ),
                                costs={CITY: 250_000, REGION: 900_000, EU: 400_000},
                                activities=(
                                    Action("Tréninková kavárna v centru města", (2021, 2023)),
                                    Action(
                                        "Podpora při hledání práce na otevřeném trhu",
                                        (2020, 2023),
                                    ),
                                ),
                            ),
                        ),
                    ),
                ),
            ),
        ),
    ),
    SupportArea(
        key="nj_seniori",
        title="Péče o seniory",
        owner=FORUM_SENIORS,
        target_group="senioři a jejich pečující",
        profile=(
            "Seniorů nad 65 let je v ORP přes 10 000 a do čtyř let jich přibude asi 1 200. "
            "Pečovatelská služba pokrývá město, okolní obce jen zčásti; pro lidi s demencí "
            "chybí denní služby."
        ),
        problems=(
            "Pečovatelská služba není dostupná v okolních obcích",
            "Chybí denní služby pro lidi s demencí",
            "Doprava seniorů k lékaři a na úřady",
        ),
        priorities=(
            Priority(
                "Podpora seniorů v domácnosti i v obcích ORP",
                "Senioři mohou zůstat doma, ať bydlí ve městě, nebo v okolních obcích.",
                (
                    Goal(
                        "Dostupná pečovatelská služba ve městě i v okolních obcích",
                        (
                            Action(
                                "Pečovatelská služba v Novém Jičíně, Bernarticích nad Odrou a "
                                "Kuníně",
                                (2020, 2023),
                                "Terénní pečovatelská služba s pevnými trasami do okolních "
                                "obcí, které přispívají na její provoz.",
                                key="nj_pecovatelska",
                                org="Charitní pečovatelská služba Jičínka, o. p. s.",
                                body=FORUM_SENIORS,
                                person="leader",
                                indicators=(
                                    (
                                        "Uživatelé pečovatelské služby",
                                        "osob",
                                        180,
                                        (190, 200, 210, 220),
                                    ),
                                ),
                                costs={
                                    CITY: 1_600_000,
                                    REGION: 1_200_000,
                                    PROVIDER: 700_000,
                                    OTHER: 120_000,
                                },
                                activities=(
                                    Action(
                                        "Rozšíření terénní péče do Bernartic nad Odrou a Kunína",
                                        (2020, 2021),
                                    ),
                                    Action("Víkendové služby v domácnostech", (2021, 2023)),
                                ),
                            ),
                        ),
                    ),
                    Goal(
                        "Péče o lidi s demencí",
                        (
                            Action(
                                "Denní stacionář pro seniory s demencí",
                                (2021, 2023),
                                "Denní program pro lidi s demencí, aby jejich blízcí mohli "
                                "dál pracovat.",
                                key="nj_stacionar",
                                org="Centrum denních služeb Most, o. p. s.",
                                indicators=(("Místa ve stacionáři", "míst", 0, (12, 15, 15)),),
                                costs={
                                    CITY: 300_000,
                                    REGION: 600_000,
                                    EU: {2021: 2_500_000},
                                },
                                activities=(
                                    Action(
                                        "Úprava prostor a zahájení provozu",
                                        (2021, 2022),
                                    ),
                                ),
                            ),
                        ),
                    ),
                ),
            ),
        ),
    ),
    SupportArea(
        key="nj_zaclenovani",
        title="Sociální začleňování",
        owner=FORUM_INCLUSION,
        target_group="osoby ohrožené sociálním vyloučením, bez přístřeší a v dluhové pasti",
        profile=(
            "Bez přístřeší je ve městě kolem 40 lidí, exekuci má zhruba každý desátý dospělý "
            "obyvatel ORP. Azylové ubytování je ve městě, dluhové poradenství jen v centru."
        ),
        problems=(
            "Zimní přespávání venku",
            "Dluhy a exekuce, poradenství nedostupné z obcí",
            "Bydlení pro mladé lidi po odchodu z ústavní výchovy",
        ),
        priorities=(
            Priority(
                "Bydlení a cesta z dluhů",
                "Nikdo nemusí v zimě spát venku a cesta z dluhů je dostupná i v obcích.",
                (
                    Goal(
                        "Krizové ubytování po celý rok",
                        (
                            Action(
                                "Azylové ubytování a zimní noclehárna",
                                (2020, 2023),
                                "Azylové ubytování s podporou sociálního pracovníka a v zimě "
                                "noclehárna.",
                                key="nj_azyl",
                                org="Azylové ubytování Útočiště, z. s.",
                                body=FORUM_INCLUSION,
                                indicators=(("Ubytované osoby", "osob", 55, (55, 60, 60, 60)),),
                                costs={CITY: 400_000, REGION: 1_300_000, PROVIDER: 100_000},
                                activities=(
                                    Action(
                                        "Zimní noclehárna s deseti lůžky",
                                        (2020, 2023),
                                    ),
                                ),
                            ),
                        ),
                    ),
                    Goal(
                        "Dostupné dluhové poradenství",
                        (
                            Action(
                                "Dluhové poradenství s výjezdy do obcí",
                                (2020, 2023),
                                "Poradna v Novém Jičíně a pravidelné výjezdní konzultace v "
                                "okolních obcích.",
                                key="nj_dluhy",
                                org="Odborné sociální poradenství Kompas, z. s.",
                                person="leader",
                                indicators=(
                                    ("Klienti dluhové poradny", "osob", 90, (100, 110, 120, 120)),
                                ),
                                costs={CITY: 150_000, STATE: 350_000},
                                activities=(
                                    Action(
                                        "Výjezdní konzultace jednou měsíčně v Bernarticích nad "
                                        "Odrou a Kuníně",
                                        (2020, 2023),
                                    ),
                                ),
                            ),
                        ),
                    ),
                ),
            ),
        ),
    ),
    SupportArea(
        key="nj_rodina",
        title="Péče o rodinu",
        owner=FORUM_FAMILY,
        target_group="rodiny s dětmi",
        profile=(
            "Ve městě žije asi 4 500 dětí do 15 let. Přibývá rodin v krizi kvůli dluhům, "
            "rozvodům a bydlení; na dětského psychologa se čeká měsíce."
        ),
        problems=(
            "Rodiny v krizi bez podpory v domácnosti",
            "Dlouhé čekání na psychologickou pomoc pro děti",
            "Volný čas dětí z rodin s nízkými příjmy",
        ),
        priorities=(
            Priority(
                "Silná rodina",
                "Rodiny zvládnou krizi a děti mohou vyrůstat doma.",
                (
                    Goal(
                        "Podpora rodin s dětmi v krizi",
                        (
                            Action(
                                "Sociálně aktivizační služby pro rodiny s dětmi",
                                (2020, 2023),
                                "Terénní práce s rodinami a skupinové programy pro rodiče.",
                                key="nj_sas",
                                org="Rodinné centrum Kolébka, z. s.",
                                body=FORUM_FAMILY,
                                person="leader",
                                indicators=(("Podpořené rodiny", "rodin", 35, (40, 45, 45, 50)),),
                                costs={CITY: 200_000, REGION: 700_000},
                                activities=(
                                    Action("Terénní práce s rodinami", (2020, 2023)),
                                    Action(
                                        "Rodičovské skupiny a poradenství",
                                        (2021, 2023),
                                        org="Rodiče sobě, z. s.",
                                    ),
                                ),
                            ),
                        ),
                    ),
                ),
            ),
        ),
    ),
)

JICIN_NEEDS = (
    NeedSpec(
        FORUM_HANDICAP,
        D(2018, 4, 6),
        "Pro lidi s mentálním postižením chybí tréninková pracovní místa, kde by se připravili "
        "na běžnou práci.",
        "osoby s mentálním postižením",
        answered_by="nj_rehab",
    ),
    NeedSpec(
        FORUM_HANDICAP,
        D(2018, 11, 6),
        "Bezbariérová úprava autobusových zastávek v centru města.",
        "osoby s tělesným postižením",
        Need.Status.REJECTED,
        reason="Nejde o sociální službu; fórum podnět předalo odboru dopravy, který úpravy "
        "zastávek plánuje.",
    ),
    NeedSpec(
        FORUM_HANDICAP,
        D(2019, 3, 15),
        "Rodiny, které pečují o dospělé s těžkým postižením, potřebují odlehčovací službu i na "
        "několik dní.",
        "pečující o osoby s postižením",
    ),
    NeedSpec(
        FORUM_SENIORS,
        D(2018, 4, 11),
        "Pečovatelská služba nejezdí do Bernartic nad Odrou a Kunína; senioři odtud musí do "
        "domova pro seniory dřív, než by museli.",
        "senioři v okolních obcích",
        answered_by="nj_pecovatelska",
    ),
    NeedSpec(
        FORUM_SENIORS,
        D(2018, 9, 11),
        "Denní stacionář pro lidi s demencí, aby jejich blízcí mohli dál chodit do práce.",
        "lidé s demencí a jejich pečující",
        answered_by="nj_stacionar",
    ),
    NeedSpec(
        FORUM_SENIORS,
        D(2019, 2, 15),
        "Doprava seniorů k lékaři a na úřady (senior taxi).",
        "senioři",
    ),
    NeedSpec(
        FORUM_INCLUSION,
        D(2018, 4, 16),
        "V zimě chybí noclehárna; lidé bez přístřeší přespávají v garážích a ve sklepích.",
        "osoby bez přístřeší",
        answered_by="nj_azyl",
    ),
    NeedSpec(
        FORUM_INCLUSION,
        D(2018, 6, 16),
        "Dluhové poradenství dostupné i mimo Nový Jičín, pro lidi z obcí bez auta.",
        "zadlužené osoby v okolních obcích",
        answered_by="nj_dluhy",
    ),
    NeedSpec(
        FORUM_INCLUSION,
        D(2019, 4, 15),
        "Startovací byty pro mladé lidi, kteří odcházejí z dětského domova.",
        "mladí dospělí po ústavní výchově",
        Need.Status.NEW,
    ),
    NeedSpec(
        FORUM_FAMILY,
        D(2018, 4, 21),
        "Rodiny v krizi potřebují pomoc přímo doma, ne jen v poradně.",
        "rodiny s dětmi v krizi",
        answered_by="nj_sas",
    ),
    NeedSpec(
        FORUM_FAMILY,
        D(2018, 11, 21),
        "Na dětského psychologa se čeká přes půl roku; chybí krizová pomoc pro dospívající.",
        "děti a dospívající",
    ),
    NeedSpec(
        FORUM_FAMILY,
        D(2019, 5, 15),
        "Kroužky a tábory pro děti z rodin s nízkými příjmy.",
        "děti z rodin s nízkými příjmy",
    ),
)

JICIN_COMMENTS = (
    CommentSpec(
        "nj_pecovatelska",
        "Prosím doplnit i obec Životice, kde pečovatelská služba také nejezdí a žije tam "
        "hodně osamělých seniorů.",
        author=("Zdeňka Bártová", "zdenka.bartova@example.cz"),
    ),
    CommentSpec(
        "nj_azyl",
        "Zimní noclehárna by měla mít aspoň dvě místa vyhrazená pro ženy. Dnes jsou všechna "
        "lůžka pro muže a ženy zůstávají venku.",
        member_of=FORUM_INCLUSION,
    ),
    CommentSpec(
        "nj_handicap",
        "V profilu chybí lidé se sluchovým postižením a tlumočnické služby do znakového jazyka.",
        author=("Radek Hanzlík", "radek.hanzlik@example.cz"),
    ),
)


# Building


@dataclass
class _Builder:
    area: Area
    actor: User
    rng: random.Random
    evidence_base: str
    year_shift: int = 0  # moves the years of the content, written for 2020–2023, in time
    items: dict = field(default_factory=dict)  # content key → item of the version built
    specs: dict = field(default_factory=dict)  # item key (uuid) → Action
    _bodies: dict = field(default_factory=dict)
    _orgs: dict = field(default_factory=dict)

    def body(self, name: str) -> Body:
        if name not in self._bodies:
            self._bodies[name] = Body.objects.get(area=self.area, name=name)
        return self._bodies[name]

    def org(self, name: str) -> Organization:
        if name not in self._orgs:
            self._orgs[name] = Organization.objects.get(area=self.area, name=name)
        return self._orgs[name]

    def members(self, *bodies: str) -> list[Person]:
        """Persons who are (or were) members of every one of the bodies, in a fixed order;
        persons with a demo account are left for the places that name them."""
        people = Person.objects.filter(area=self.area, user__isnull=True)
        for name in bodies:
            people = people.filter(
                memberships__body__name=name,
                memberships__body__area=self.area,
                memberships__function__in=(Membership.Function.MEMBER, Membership.Function.LEADER),
            )
        return list(people.distinct().order_by("pk"))

    def leader(self, body: str) -> Person:
        return (
            Membership.objects.filter(
                body=self.body(body), function=Membership.Function.LEADER, end_on__isnull=True
            )
            .select_related("person")
            .order_by("start_on")
            .first()
            .person
        )

    def meeting(self, body: Body, day: datetime.date) -> Meeting | None:
        """The body's meeting on the day, if the demo holds one."""
        return (
            Meeting.objects.filter(body=body, starts_at__date=day)
            .exclude(status=Meeting.Status.CANCELLED)
            .first()
        )

    # The tree

    def tree(self, version: PlanVersion, areas, responsible_people: dict) -> None:
        for area in areas:
            root = planning.item_create(
                actor=self.actor,
                version=version,
                title=area.title,
                owner=self.body(area.owner),
                target_group=area.target_group,
                profile=area.profile,
                problem_areas="\n".join(area.problems),
            )
            self.items[area.key] = root
            people = responsible_people[area.key]
            for priority in area.priorities:
                p = planning.item_create(
                    actor=self.actor,
                    version=version,
                    parent=root,
                    title=priority.title,
                    description=priority.description,
                )
                for goal in priority.goals:
                    g = planning.item_create(
                        actor=self.actor, version=version, parent=p, title=goal.title
                    )
                    for measure in goal.measures:
                        m = self.action(version, g, measure, people)
                        for activity in measure.activities:
                            self.action(version, m, activity, people)

    def action(self, version, parent, spec: Action, people) -> PlanItem:
        item = planning.item_create(
            actor=self.actor,
            version=version,
            parent=parent,
            title=spec.title,
            description=spec.description,
            start_year=spec.years[0] + self.year_shift,
            end_year=spec.years[1] + self.year_shift,
        )
        self.specs[item.key] = spec
        if spec.key:
            self.items[spec.key] = item
        years = range(item.start_year, item.end_year + 1)
        for name, unit, baseline, targets in spec.indicators:
            planning.indicator_add(
                actor=self.actor,
                item=item,
                name=name,
                unit=unit,
                baseline=baseline,
                targets=dict(zip(years, targets, strict=True)),
            )
        for source, amount in spec.costs.items():
            if isinstance(amount, dict):
                by_year = {year + self.year_shift: value for year, value in amount.items()}
            else:
                by_year = {y: int(round(amount * 1.03**i, -3)) for i, y in enumerate(years)}
            for year, value in by_year.items():
                planning.cost_set(
                    actor=self.actor, item=item, year=year, source=source, amount=value
                )
        if spec.body:
            planning.responsibility_add(actor=self.actor, item=item, body=self.body(spec.body))
        if spec.org:
            planning.responsibility_add(
                actor=self.actor, item=item, organization=self.org(spec.org)
            )
        if spec.person:
            if spec.person == "member":
                person = self.rng.choice(people["members"])
            elif spec.person == "leader":
                person = people["leader"]
            else:
                person = Person.objects.get(area=self.area, user__username=spec.person)
            planning.responsibility_add(actor=self.actor, item=item, person=person)
        return item

    # Needs, comments, approval

    def needs(self, specs) -> dict[str, list[Need]]:
        """The needs raised at the bodies' meetings; returns them by the measure that answers
        them."""
        answered: dict[str, list[Need]] = {}
        for spec in specs:
            body = self.body(spec.body)
            meeting = self.meeting(body, spec.day)
            need = needs_services.need_create(
                actor=self.actor,
                area=self.area,
                text=spec.text,
                body=body,
                meeting=meeting,
                target_group=spec.target_group,
                status=spec.status,
                reason=spec.reason,
            )
            # The need is stamped with today; it was raised at the meeting (historical data).
            Need.objects.filter(pk=need.pk).update(
                created_at=meeting.starts_at if meeting else _at(spec.day)
            )
            if spec.answered_by:
                answered.setdefault(spec.answered_by, []).append(need)
        return answered

    def submit_comments(self, version: PlanVersion, specs) -> list[tuple[Comment, CommentSpec]]:
        numbers = {node.item.pk: node.number for node in plan_tree(version, details=False)}
        comments = []
        for spec in specs:
            item = self.items[spec.key] if spec.key else None
            person = None
            if spec.member_of:
                person = self.rng.choice(self.members(spec.member_of))
            name, email = spec.author or ("", "")
            comment = planning.comment_submit(
                version=version,
                item=item,
                section=planning.item_label(item, numbers[item.pk]) if item else spec.section,
                text=spec.text,
                person=person,
                author_name=name,
                author_email=email,
            )
            comments.append((comment, spec))
        return comments

    def past_comment_period(
        self, version: PlanVersion, specs, start: datetime.date, end: datetime.date
    ) -> None:
        """A comment period that is over: opened, commented, settled and closed."""
        today = timezone.localdate()
        # comments_open refuses a period that has ended and comment_submit takes comments only
        # while the period is open today: the period opens today, takes its comments, and then
        # the period and the comments' dates move into the past (historical data), as
        # tests/factories.advance_plan does. The settlement then goes through the services.
        planning.comments_open(
            actor=self.actor,
            version=version,
            comments_from=today,
            comments_until=today + datetime.timedelta(days=1),
        )
        comments = self.submit_comments(version, specs)
        PlanVersion.objects.filter(pk=version.pk).update(comments_from=start, comments_until=end)
        for comment, spec in comments:
            Comment.objects.filter(pk=comment.pk).update(created_at=_at(spec.received))
        version.refresh_from_db()
        for comment, spec in comments:
            planning.comment_settle(
                actor=self.actor,
                comment=comment,
                decision=spec.decision,
                reason=spec.reason,
                settled_by=self.body(spec.settled_by),
                settled_on=spec.settled_on,
            )
        planning.version_settle(actor=self.actor, version=version)

    def approve(self, version: PlanVersion, steps, in_force_from: datetime.date) -> None:
        for name, day, resolution in steps:
            body = self.body(name)
            planning.approval_step_record(
                actor=self.actor,
                version=version,
                body=body,
                decided_on=day,
                resolution_number=resolution,
                meeting=self.meeting(body, day),
            )
        planning.version_approve(actor=self.actor, version=version)
        planning.version_put_in_force(
            actor=self.actor, version=version, in_force_from=in_force_from
        )

    # Monitoring

    def evaluate(self, version: PlanVersion, years) -> None:
        """An evaluation of every measure and activity in each year it runs: the activities
        first, then each measure from its activities."""
        plan = version.plan
        tree = plan_tree(version)
        for year in years:
            statuses: dict[int, str] = {}
            nodes = [n for n in tree.actions() if runs_in(n.item, year, plan)]
            nodes.sort(key=lambda n: n.item.kind != PlanItem.Kind.ACTIVITY)
            for node in nodes:
                item, spec = node.item, self.specs[node.item.key]
                if year in spec.evaluation:
                    status, narrative = spec.evaluation[year]
                else:
                    if item.kind == PlanItem.Kind.ACTIVITY:
                        status = self._activity_status(item, year)
                    else:
                        status = self._measure_status(
                            item,
                            year,
                            [statuses[c.item.pk] for c in node.children if c.item.pk in statuses],
                        )
                    narrative = self.rng.choice(NARRATIVES[status]).format(year=year, next=year + 1)
                statuses[item.pk] = status
                planning.evaluation_record(
                    actor=self._reporter(node),
                    item=item,
                    year=year,
                    status=status,
                    narrative=narrative,
                    evidence=self._evidence(item, year, status),
                    indicator_values={
                        indicator: self._actual(indicator, year, status)
                        for indicator in item.indicators.all()
                    },
                )

    def _activity_status(self, item: PlanItem, year: int) -> str:
        """Done in its last year; before that, in progress or (a yearly one) done for the
        year."""
        if year == item.end_year:
            return E.DONE
        return E.DONE if self.rng.random() < 0.25 else E.IN_PROGRESS

    @staticmethod
    def _measure_status(item: PlanItem, year: int, children: list[str]) -> str:
        """From its activities: done when they all are in its last year, in progress while
        any of them goes on."""
        counted = [s for s in children if s != E.CANCELLED]
        if counted and all(s == E.DONE for s in counted):
            return E.DONE if year == item.end_year else E.IN_PROGRESS
        if counted and all(s == E.POSTPONED for s in counted):
            return E.POSTPONED
        if counted and all(s == E.NOT_STARTED for s in counted):
            return E.NOT_STARTED
        return E.IN_PROGRESS

    def _reporter(self, node) -> User:
        """The person responsible reports, if he or she has an account; else the
        coordinator."""
        while node is not None:
            for responsibility in node.item.responsibilities.all():
                if responsibility.person and responsibility.person.user_id:
                    return responsibility.person.user
            node = node.parent if node.item.is_action else None
        return self.actor

    def _evidence(self, item: PlanItem, year: int, status: str) -> str:
        links = [f"{self.evidence_base}/vyhodnoceni-akcniho-planu-{year}"]
        if status in (E.DONE, E.IN_PROGRESS) and self.rng.random() < 0.5:
            links.append(f"{self.evidence_base}/aktuality/{slugify(item.title)[:60]}-{year}")
        return "\n".join(links)

    def _actual(self, indicator, year: int, status: str):
        target = next((t.value for t in indicator.targets.all() if t.year == year), None)
        if status in (E.NOT_STARTED, E.POSTPONED, E.CANCELLED) or target is None:
            return indicator.baseline
        factor = Decimal(self.rng.choice(["0.85", "0.9", "0.95", "1", "1", "1.05", "1.1"]))
        value = (target * factor).quantize(Decimal(1))
        return min(value, Decimal(100)) if indicator.unit == "%" else value


NARRATIVES = {
    E.DONE: (
        "Splněno podle akčního plánu na rok {year}. Výsledky projednala pracovní skupina na "
        "listopadovém jednání.",
        "Splněno v plném rozsahu; zájem uživatelů odpovídal předpokladu.",
        "Splněno. Poskytovatel předložil závěrečnou zprávu o využití dotace a přehled výkonů "
        "za rok {year}.",
    ),
    E.IN_PROGRESS: (
        "Plnění pokračuje podle harmonogramu; služba byla v roce {year} poskytována bez přerušení.",
        "Plnění pokračuje, ale pro nedostatek pracovníků v přímé péči jen v omezeném rozsahu; "
        "poskytovatel hledá nové pracovníky.",
        "Průběžně plněno. Dotace kraje byla v roce {year} přiznána, podíl města odpovídal plánu.",
        "Plnění pokračuje; pracovní skupina doporučila v akčním plánu na rok {next} navýšit "
        "kapacitu.",
    ),
    E.NOT_STARTED: ("Zatím nezahájeno: poskytovatel čeká na rozhodnutí o dotaci kraje.",),
    E.POSTPONED: ("Odloženo na rok {next} pro nedostatek finančních prostředků.",),
}


def _at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return datetime.datetime.combine(
        day, datetime.time(hour, 0), tzinfo=timezone.get_default_timezone()
    )


def build_cesky_tesin_plan(area: Area) -> None:
    b = _Builder(
        area,
        User.objects.get(username="koordinatorka.tesin"),
        random.Random(4017),
        "https://www.tesin.cz/socialni-sluzby/komunitni-planovani",
    )
    families = {"members": b.members(FAMILIES)}
    responsible = {
        "rodiny": families,
        "vylouceni": families,
        # Members of the mixed group who went on in the group that took the area over.
        "seniori": {"members": b.members(MIXED, SENIORS)},
        "postizeni": {"members": b.members(MIXED, DISABLED)},
    }

    # Version 1: drafted in 2016, commented, settled, approved, in force from 2017.
    v1 = planning.plan_create(
        actor=b.actor, area=area, ordinal=4, title=TESIN_TITLE, first_year=2017, last_year=2020
    )
    planning.version_update(
        actor=b.actor, version=v1, vision=TESIN_VISION_DRAFT, introduction=TESIN_INTRODUCTION
    )
    b.tree(v1, TESIN_AREAS, responsible)
    b.past_comment_period(v1, TESIN_COMMENTS_V1, D(2016, 9, 19), D(2016, 10, 21))
    # The accepted comments change the text before the approval.
    planning.version_update(
        actor=b.actor,
        version=v1,
        vision=TESIN_VISION,
        introduction=TESIN_INTRODUCTION + TESIN_INTRODUCTION_EVALUATION,
    )
    planning.item_update(
        actor=b.actor,
        item=b.items["nzdm_teren"],
        title="Terénní program NZDM na sídlištích Svibice a Mosty",
    )
    places = b.items["chranene"].indicators.get(name="Místa v chráněném bydlení")
    planning.indicator_target_set(actor=b.actor, indicator=places, year=2020, value=6)
    # The steering group approved the plan at its meeting of 24 November 2016, whose scanned
    # minutes are in the archive; the meeting itself is recorded as held.
    steering = b.body(STEERING)
    starts = _at(D(2016, 11, 24), hour=14)
    meetings.meeting_create(
        actor=b.actor,
        body=steering,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        place="Městský úřad Český Těšín, kancelář vedoucí odboru",
        status=Meeting.Status.HELD,
        note="Zápis je v archivu jako sken.",
        agenda=("Vypořádání připomínek k návrhu 4. KPSS", "Schválení návrhu 4. KPSS"),
    )
    b.approve(v1, TESIN_APPROVAL_V1, D(2017, 1, 1))

    # 2017–2020: the groups raise needs at their meetings.
    answered = b.needs(TESIN_NEEDS)

    # Version 2 (2018): the new groups take over the support areas of the group they split
    # from, the measures answer the needs raised since 2017, one activity is added.
    v2 = planning.version_new(actor=b.actor, version=v1)
    b.items = {key: v2.items.get(key=item.key) for key, item in b.items.items()}
    planning.version_update(
        actor=b.actor,
        version=v2,
        vision=v1.vision,
        introduction=v1.introduction + TESIN_INTRODUCTION_V2,
    )
    planning.item_update(actor=b.actor, item=b.items["seniori"], owner=b.body(SENIORS))
    planning.item_update(actor=b.actor, item=b.items["postizeni"], owner=b.body(DISABLED))
    b.action(v2, b.items["odlehcovaci"], TESIN_NEW_ACTIVITY, responsible["seniori"])
    for key, needs in answered.items():
        planning.item_needs_set(actor=b.actor, item=b.items[key], needs=needs)
    b.past_comment_period(v2, TESIN_COMMENTS_V2, D(2018, 6, 4), D(2018, 6, 18))
    new_activity = b.items["pecujici"]
    planning.item_update(
        actor=b.actor,
        item=new_activity,
        description=new_activity.description + TESIN_NEW_ACTIVITY_HOURS,
    )
    disabled_area = b.items["postizeni"]
    planning.item_update(
        actor=b.actor,
        item=disabled_area,
        profile=disabled_area.profile + TESIN_DISABLED_PROFILE_ADDITION,
    )
    b.approve(v2, TESIN_APPROVAL_V2, D(2019, 1, 1))

    # The yearly evaluation (items keep their keys, so v2 reports on 2018 too).
    b.evaluate(v2, (2018, 2019))

    # Two needs from the public form: one moderated and published, one still waiting.
    published = needs_services.need_submit(
        area=area,
        text="Chybí místo, kde by se mohli scházet lidé s duševním onemocněním a jejich "
        "blízcí – klub nebo kavárna s podporou.",
        target_group="osoby s duševním onemocněním",
        submitter_name="Alena Pawlasová",
        submitter_email="alena.pawlasova@example.cz",
    )
    Need.objects.filter(pk=published.pk).update(created_at=_at(D(2019, 10, 8)))  # historical
    needs_services.need_update(
        actor=b.actor, need=published, published=True, status=Need.Status.ACCEPTED
    )
    needs_services.need_submit(
        area=area,
        text="Senioři z Mostů nemají v docházkové vzdálenosti nikoho, kdo by jim pomohl s "
        "žádostí o příspěvek na péči.",
        target_group="senioři",
        submitter_name="Bohumil Sikora",
        submitter_email="bohumil.sikora@example.cz",
    )


def build_novy_jicin_plan(area: Area) -> None:
    # The draft is being prepared now for the four years from next year on.
    today = timezone.localdate()
    first = today.year + 1
    b = _Builder(
        area,
        User.objects.get(username="koordinator.jicin"),
        random.Random(4018),
        "https://www.novyjicin.cz/socialni-sluzby/komplan",
        year_shift=first - 2020,
    )
    responsible = {
        area_spec.key: {
            "members": b.members(area_spec.owner),
            "leader": b.leader(area_spec.owner),
        }
        for area_spec in JICIN_AREAS
    }
    version = planning.plan_create(
        actor=b.actor,
        area=area,
        ordinal=3,
        title=JICIN_TITLE.format(first=first, last=first + 3),
        first_year=first,
        last_year=first + 3,
    )
    planning.version_update(
        actor=b.actor, version=version, vision=JICIN_VISION, introduction=JICIN_INTRODUCTION
    )
    b.tree(version, JICIN_AREAS, responsible)
    for key, needs in b.needs(JICIN_NEEDS).items():
        planning.item_needs_set(actor=b.actor, item=b.items[key], needs=needs)
    # The draft is out for comments now: since a week before the day the demo is loaded and
    # for three weeks after it.
    planning.comments_open(
        actor=b.actor,
        version=version,
        comments_from=today - datetime.timedelta(days=7),
        comments_until=today + datetime.timedelta(days=21),
    )
    b.submit_comments(version, JICIN_COMMENTS)


PLANS = {"cesky-tesin": build_cesky_tesin_plan, "novy-jicin": build_novy_jicin_plan}


def build_plans(area: Area) -> bool:
    """Build the area's demo plan unless the area already has plans or needs (a second run
    changes nothing). Returns whether it built."""
    if Plan.objects.filter(area=area).exists() or Need.objects.filter(area=area).exists():
        return False
    PLANS[area.slug](area)
    return True


def delete_plans(slug: str) -> None:
    """Plans and needs name bodies and persons that are protected from deletion (owners,
    responsible parties, approval steps, settlements, needs' bodies): they go first."""
    Plan.objects.filter(area__slug=slug).delete()
    Need.objects.filter(area__slug=slug).delete()
