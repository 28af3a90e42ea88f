"""The two seed towns (shared/seeds): their real structure, fictional people.

Český Těšín: seven bodies, three working groups after the 2018 split, about 48 active persons,
rosters 2017–2020. Nový Jičín: four discussion forums after the structure revision at the start
of project KOMPLAN, the steering group, the expert platform and two invited municipalities."""

import datetime

from triada.areas.models import Area, Municipality
from triada.people import services as people_services
from triada.people.models import Membership, TriadSide
from triada.structure import services as structure
from triada.structure.models import Body, StructureChange

from .builder import AreaBuilder, ensure_user, hold_meetings
from .minutes_text import upload_archive

D = datetime.date
K = Body.Kind
F = Membership.Function
C, P, U, PUB = TriadSide.COMMISSIONER, TriadSide.PROVIDER, TriadSide.USER, TriadSide.PUBLIC


def build_cesky_tesin() -> Area:
    area = Area.objects.create(
        name="Český Těšín",
        slug="cesky-tesin",
        kind=Area.Kind.ORP,
        description=(
            "Na procesu komunitního plánování se podílí Zastupitelstvo města, Rada města, "
            "Komise sociální, Komise Rady zdraví, Odbor sociální, Řídící skupina a Pracovní "
            "skupiny. Vzájemná spolupráce a sdílení informací napříč celou organizační "
            "strukturou je nezbytnou součástí komunitního plánování."
        ),
        contact_email="kpss@example.cz",
    )
    Municipality.objects.create(area=area, name="Český Těšín", is_seat=True)
    actor = ensure_user("koordinatorka.tesin")
    b = AreaBuilder(area, actor, seed=2017)
    b.coordinator("koordinatorka.tesin")

    assembly = b.body(
        "Zastupitelstvo města Český Těšín",
        K.ASSEMBLY,
        position=1,
        description="Schvaluje komunitní plán sociálních služeb a jeho akční "
        "plány; řídící skupina je mu ze své činnosti odpovědná.",
    )
    council = b.body(
        "Rada města Český Těšín",
        K.COUNCIL,
        reports_to=[assembly],
        position=2,
        description="Projednává výstupy komunitního plánování a předkládá je zastupitelstvu.",
    )
    b.body(
        "Komise sociální",
        K.COMMITTEE,
        reports_to=[council],
        position=3,
        description="Poradní orgán rady města pro sociální oblast; "
        "vyjadřuje se k návrhům komunitního plánu.",
    )
    b.body(
        "Komise Rady zdraví",
        K.COMMITTEE,
        reports_to=[council],
        position=4,
        description="Poradní orgán rady města pro zdraví a prevenci.",
    )
    b.body(
        "Odbor sociální",
        K.DEPARTMENT,
        reports_to=[council],
        position=5,
        description="Koordinuje proces komunitního plánování, vede "
        "koordinátorka KP a zajišťuje jednání skupin.",
    )
    steering = b.body(
        "Řídící skupina komunitního plánování",
        K.STEERING_GROUP,
        short_name="ŘS",
        reports_to=[council, assembly],
        position=6,
        established_on=D(2015, 6, 1),
        description=(
            "Do řídící skupiny jsou navrhováni zástupci účastníků KPSS v pozicích uživatelů, "
            "poskytovatelů i zadavatelů. Vede ji vedoucí volená členy ŘS a koordinátorem. "
            "Členy jsou vedoucí pracovních skupin a vedoucí sociálního odboru. Úkolem ŘS je "
            "řízení procesu komunitního plánování; je odpovědná Radě a Zastupitelstvu města."
        ),
    )
    group_text = (
        "PS plní úkoly spojené s přípravou, připomínkováním, realizací a vyhodnocováním KPSS "
        "a je odpovědná řídící skupině. Vytváří profil cílové skupiny, definuje problémové "
        "oblasti a formuluje cíle, priority, opatření a způsoby jejich naplnění. Každý člen "
        "odpovídá za plnění cílů, které si stanovil."
    )
    families = b.body(
        "Děti-mládež-rodina a osoby ohrožené sociálním vyloučením",
        K.WORKING_GROUP,
        short_name="PS 1",
        reports_to=[steering],
        position=10,
        established_on=D(2015, 6, 1),
        description=group_text,
        target_groups="Oblast podpory rodin s dětmi; oblast podpory osob ohrožených sociálním "
        "vyloučením a sociálně vyloučených.",
    )
    health_seniors = b.body(
        "Osoby se zdravotním znevýhodněním a senioři",
        K.WORKING_GROUP,
        short_name="PS 2",
        reports_to=[steering],
        position=11,
        established_on=D(2015, 6, 1),
        description=group_text,
        target_groups="Oblast podpory seniorů; oblast podpory osob se zdravotním postižením "
        "a duševním onemocněním.",
    )
    structure.body_update(
        actor=actor, body=steering, approves_outputs_of=[families, health_seniors]
    )

    # Organizations of all three sides (fictional).
    city = b.organization("Město Český Těšín – Odbor sociální", C)
    labour = b.organization("Kontaktní pracoviště úřadu práce Těšínsko", C)
    providers = [
        b.organization(name, P)
        for name in [
            "Centrum pro rodinu Rovina, z. ú.",
            "Nízkoprahový klub Kotva, z. s.",
            "Azylový dům Přístav, z. s.",
            "Poradna Cesta, z. s.",
            "Terénní programy Krok, z. s.",
            "Charitní služby Těšínsko, o. p. s.",
            "Domov pro seniory Pod Lipami, p. o.",
            "Pečovatelská služba Olše, p. o.",
            "Asistence Beskydy, o. p. s.",
            "Denní stacionář Slunečnice, o. p. s.",
            "Sociálně terapeutická dílna Most, z. ú.",
        ]
    ]
    user_orgs = [
        b.organization(name, U)
        for name in [
            "Spolek rodičů Duha, z. s.",
            "Sdružení zdravotně postižených Těšínska, z. s.",
            "Klub seniorů Olše, z. s.",
        ]
    ]
    family_providers, senior_providers, health_providers = (
        providers[:5],
        providers[5:8],
        providers[8:],
    )

    start = D(2017, 1, 1)
    head = b.person(consent=True, female=True)  # head of the social department
    coordinator = b.person(consent=True, female=True, user=actor)
    b.member(steering, head, city, start=start)
    b.member(steering, coordinator, city, function=F.COORDINATOR, start=start)
    b.elect(steering, head, D(2017, 1, 24))

    def fill(body, count, provider_orgs, *, start, user_org, leader_org):
        """Members for a group: a commissioner, providers, users; returns them in order."""
        members = []
        leader = b.person(consent=True)
        b.member(body, leader, leader_org, start=start)
        members.append(leader)
        b.member(body, coordinator, city, function=F.COORDINATOR, start=start)
        for i in range(count - 1):
            person = b.person()
            if i % 4 == 3:
                b.member(body, person, user_org, start=start)
            elif i % 4 == 2 and i > 6:
                b.member(body, person, None, side=U, start=start)  # a user as a private person
            elif i == 1:
                b.member(body, person, labour, start=start)
            else:
                b.member(body, person, provider_orgs[i % len(provider_orgs)], start=start)
            members.append(person)
        return members

    family_members = fill(
        families, 15, family_providers, start=start, user_org=user_orgs[0], leader_org=providers[0]
    )
    b.elect(families, family_members[0], D(2017, 2, 7))
    b.member(steering, family_members[0], providers[0], start=D(2017, 2, 7))
    mixed_members = fill(
        health_seniors,
        20,
        senior_providers + health_providers,
        start=start,
        user_org=user_orgs[1],
        leader_org=providers[6],
    )
    b.elect(health_seniors, mixed_members[0], D(2017, 2, 9))
    b.member(steering, mixed_members[0], providers[6], start=D(2017, 2, 9))

    # 2018: the mixed group splits into two; its leader goes on with the seniors.
    split_on = D(2018, 4, 1)
    change = structure.structure_change_record(
        actor=actor,
        area=area,
        kind=StructureChange.Kind.SPLIT,
        effective_on=split_on,
        predecessors=[health_seniors],
        new_names=["Osoby se zdravotním znevýhodněním", "Senioři"],
        description="Pracovní skupina se rozdělila na dvě samostatné skupiny. Skupina Osoby "
        "se zdravotním znevýhodněním se zavázala k oblasti podpory osob se "
        "zdravotním postižením a duševním onemocněním, skupina Senioři k oblasti "
        "podpory seniorů.",
    )
    disabled, seniors = change.successors.order_by("position")
    structure.body_update(
        actor=actor,
        body=disabled,
        short_name="PS 2",
        description=group_text,
        target_groups="Oblast podpory osob se zdravotním postižením a duševním onemocněním.",
    )
    structure.body_update(
        actor=actor,
        body=seniors,
        short_name="PS 3",
        description=group_text,
        target_groups="Oblast podpory seniorů.",
    )
    structure.body_update(
        actor=actor, body=steering, approves_outputs_of=[families, disabled, seniors]
    )
    mixed_orgs = {m.person_id: m.organization for m in health_seniors.memberships.all()}
    senior_half, disabled_half = mixed_members[:10], mixed_members[10:]
    for person in senior_half:
        b.member(
            seniors,
            person,
            mixed_orgs[person.pk],
            start=split_on,
            side=None if mixed_orgs[person.pk] else U,
        )
    for person in disabled_half:
        b.member(
            disabled,
            person,
            mixed_orgs[person.pk],
            start=split_on,
            side=None if mixed_orgs[person.pk] else U,
        )
    for body in (disabled, seniors):
        b.member(body, coordinator, city, function=F.COORDINATOR, start=split_on)
    # New members join each new group; the disabled group elects its first leader.
    for _i in range(4):
        b.member(disabled, b.person(), b.rng.choice(health_providers), start=split_on)
    b.member(disabled, b.person(), user_orgs[1], start=split_on)
    for _i in range(4):
        b.member(seniors, b.person(), b.rng.choice(senior_providers), start=split_on)
    b.member(seniors, b.person(), user_orgs[2], start=split_on)
    b.elect(seniors, senior_half[0], D(2018, 4, 12))
    b.elect(disabled, disabled_half[0], D(2018, 4, 19))
    b.member(
        steering,
        disabled_half[0],
        mixed_orgs[disabled_half[0].pk] or providers[8],
        start=D(2018, 4, 19),
        side=P,
    )

    # 2019: some members leave, newcomers join after a visit as guests, a new leader.
    for person in family_members[5:8]:
        membership = families.memberships.get(person=person, end_on__isnull=True)
        people_services.membership_end(actor=actor, membership=membership, end_on=D(2019, 6, 30))
    for _i in range(3):
        newcomer = b.person()
        org = b.rng.choice(family_providers)
        b.member(
            families, newcomer, org, function=F.GUEST, start=D(2019, 6, 11), end=D(2019, 6, 11)
        )
        b.member(families, newcomer, org, start=D(2019, 9, 1))
    b.elect(families, family_members[1], D(2019, 9, 12))
    # The former leader leaves the steering group with the leadership; the new one joins.
    people_services.membership_end(
        actor=actor,
        membership=steering.memberships.get(person=family_members[0], end_on__isnull=True),
        end_on=D(2019, 9, 11),
    )
    b.member(steering, family_members[1], labour, start=D(2019, 9, 12))
    # A minute taker in the seniors' group from 2020.
    taker = b.person(consent=False)
    b.member(seniors, taker, city, function=F.MINUTE_TAKER, start=D(2020, 1, 1))

    # Working groups meet four times a year; the steering group twice.
    quarters = [
        D(year, month, day)
        for year in range(2017, 2021)
        for month, day in ((2, 14), (5, 16), (9, 12), (11, 21))
    ]
    agenda = (
        "Zahájení a kontrola úkolů",
        "Plnění akčního plánu",
        "Potřeby cílové skupiny",
        "Různé",
    )
    for number, body in enumerate((families, health_seniors, disabled, seniors)):
        days = [d + datetime.timedelta(days=number) for d in quarters]
        hold_meetings(
            b, body, days, place="Městský úřad Český Těšín, zasedací místnost", agenda=agenda
        )
    hold_meetings(
        b,
        steering,
        [d for d in quarters if d.month in (5, 11)],
        place="Městský úřad Český Těšín, kancelář vedoucí odboru",
        agenda=("Výstupy pracovních skupin", "Akční plán na další rok"),
    )

    # The archive from before Triáda: yearly files of 2016 and a scanned page.
    for body in (families, health_seniors):
        upload_archive(
            b, body=body, title=f"Zápisy PS {body.name} 2016", date=D(2016, 1, 1), period="year"
        )
    upload_archive(
        b,
        body=steering,
        title="Zápis z jednání ŘS, listopad 2016 (sken)",
        date=D(2016, 11, 24),
        period="day",
        scan=True,
    )

    # Accounts of a group leader and of a member, for trying the roles.
    _link_user(senior_half[0], "vedouci.seniori")
    _link_user(senior_half[3], "clen.seniori")
    return area


def build_novy_jicin() -> Area:
    area = Area.objects.create(
        name="Nový Jičín",
        slug="novy-jicin",
        kind=Area.Kind.ORP,
        description=(
            "Projekt KOMPLAN – klíčová aktivita 05: pracovní skupiny pracují jako diskusní "
            "fóra s ústředním tématem definice potřeb v komunitní oblasti. Preferujeme "
            "svobodné vyjadřování a konsenzus, tedy základní principy komunitního plánování."
        ),
        contact_email="komplan@example.cz",
    )
    Municipality.objects.create(area=area, name="Nový Jičín", is_seat=True)
    Municipality.objects.create(area=area, name="Bernartice nad Odrou", joined_on=D(2018, 3, 1))
    Municipality.objects.create(area=area, name="Kunín", joined_on=D(2018, 3, 1))
    actor = ensure_user("koordinator.jicin")
    b = AreaBuilder(area, actor, seed=2018)
    b.coordinator("koordinator.jicin")

    assembly = b.body(
        "Zastupitelstvo města Nový Jičín",
        K.ASSEMBLY,
        position=1,
        description="Rozhoduje o výstupních dokumentech komunitního plánování.",
    )
    council = b.body("Rada města Nový Jičín", K.COUNCIL, reports_to=[assembly], position=2)
    b.body(
        "Odbor sociálních věcí",
        K.DEPARTMENT,
        reports_to=[council],
        position=3,
        description="Zajišťuje koordinaci komunitního plánování a projekt KOMPLAN.",
    )
    topics = [
        "péče o handicapované",
        "péče o seniory",
        "péče pro sociální začleňování",
        "péče o rodinu",
    ]
    old_groups = [
        b.body(
            f"Pracovní skupina {topic}",
            K.WORKING_GROUP,
            position=10 + i,
            established_on=D(2010, 1, 1),
            description="Skupina sestavená mimo standardní proces komunitního plánování "
            "z pracovníků obecních úřadů různých úrovní.",
        )
        for i, topic in enumerate(topics)
    ]
    office = b.organization("Městský úřad Nový Jičín", C)
    for group in old_groups:
        for _i in range(3):
            b.member(group, b.person(), office, start=D(2015, 1, 1))

    # The revision at the start of KOMPLAN: four groups become four discussion forums.
    revision_on = D(2018, 3, 1)
    change = structure.structure_change_record(
        actor=actor,
        area=area,
        kind=StructureChange.Kind.REVISION,
        effective_on=revision_on,
        predecessors=old_groups,
        new_kind=K.DISCUSSION_FORUM,
        new_names=[f"Diskusní fórum {topic}" for topic in topics],
        description="Revize struktury pracovních skupin na startu projektu KOMPLAN: skupiny "
        "nadále pracují jako diskusní fóra na principu triády.",
    )
    forums = list(change.successors.order_by("position"))
    steering = b.body(
        "Řídící skupina",
        K.STEERING_GROUP,
        short_name="ŘS",
        reports_to=[council, assembly],
        approves=forums,
        position=5,
        established_on=revision_on,
        description="Vrcholný schvalující orgán procesu KP: zastřešuje diskusní fóra "
        "i odbornou platformu; z jejich výstupů vycházejí veškeré výstupní "
        "dokumenty pro rozhodnutí v orgánech města. Tvoří ji vedoucí skupin, "
        "koordinátor KP, vedoucí odboru sociálních věcí a místostarosta.",
    )
    platform = b.body(
        "Odborná platforma",
        K.EXPERT_PLATFORM,
        reports_to=[steering],
        position=20,
        established_on=revision_on,
        description="Odborníci, kteří poskytují diskusním fórům a řídící "
        "skupině podklady a analýzy.",
    )
    for forum in forums:
        structure.body_update(
            actor=actor,
            body=forum,
            reports_to=[steering],
            description="Diskusní fórum řeší konkrétní problémy a úkoly, "
            "navrhuje priority a dává podněty a připomínky.",
        )
    structure.body_update(actor=actor, body=steering, approves_outputs_of=[*forums, platform])

    providers = [
        b.organization(name, P)
        for name in [
            "Domov Hortenzie, p. o.",
            "Centrum denních služeb Most, o. p. s.",
            "Rodinné centrum Kolébka, z. s.",
            "Terénní služby Novojičínsko, z. ú.",
            "Charitní pečovatelská služba Jičínka, o. p. s.",
            "Sociální rehabilitace Krok, z. s.",
            "Azylové ubytování Útočiště, z. s.",
            "Odborné sociální poradenství Kompas, z. s.",
        ]
    ]
    advocates = [
        b.organization(name, U)
        for name in [
            "Spolek pro hendikepované Novojičínska, z. s.",
            "Senior klub Nový Jičín, z. s.",
            "Rodiče sobě, z. s.",
        ]
    ]
    municipalities = [
        b.organization("Obec Bernartice nad Odrou", C, with_ico=False),
        b.organization("Obec Kunín", C, with_ico=False),
    ]
    coordinator = b.person(consent=True, female=False, user=actor)
    head = b.person(consent=True)
    deputy_mayor = b.person(consent=True)
    leaders = []
    for i, forum in enumerate(forums):
        leader = b.person(consent=True)
        b.member(forum, leader, office, start=revision_on)
        b.member(forum, coordinator, office, function=F.COORDINATOR, start=revision_on)
        for j in range(5):
            b.member(forum, b.person(), providers[(2 * i + j) % len(providers)], start=revision_on)
        b.member(forum, b.person(), advocates[i % len(advocates)], start=revision_on)
        b.member(forum, b.person(consent=False), None, side=U, start=revision_on)
        b.member(forum, b.person(), municipalities[i % 2], start=D(2018, 4, 1))
        b.elect(forum, leader, D(2018, 3, 14) + datetime.timedelta(days=i))
        leaders.append(leader)
    b.member(steering, deputy_mayor, office, start=revision_on)
    b.member(steering, head, office, start=revision_on)
    b.member(steering, coordinator, office, function=F.COORDINATOR, start=revision_on)
    for leader in leaders:
        b.member(steering, leader, office, start=revision_on)
    b.member(steering, b.person(), advocates[1], start=revision_on)
    b.member(steering, b.person(), providers[0], start=revision_on)
    b.elect(steering, deputy_mayor, D(2018, 3, 22))
    for org in (providers[1], providers[3], providers[7]):
        b.member(platform, b.person(), org, start=revision_on)
    # 2018: each forum meets on its own; from 2019 the forums meet together every month.
    agenda = ("Definice potřeb v komunitní oblasti", "Podněty a připomínky", "Různé")
    for number, forum in enumerate(forums):
        days = [D(2018, month, 6 + number * 5) for month in (4, 6, 9, 11)]
        hold_meetings(b, forum, days, place="Městský úřad Nový Jičín", agenda=agenda)
    for forum in forums:
        hold_meetings(
            b,
            forum,
            [D(2019, month, 15) for month in range(1, 7)],
            place="Městský úřad Nový Jičín, velký sál",
            agenda=("Společné diskusní fórum", *agenda),
        )
    _link_user(leaders[1], "vedouci.seniori.nj")
    return area


def _link_user(person, username: str) -> None:
    people_services.person_update(actor=None, person=person, user=ensure_user(username))


TOWNS = {"cesky-tesin": build_cesky_tesin, "novy-jicin": build_novy_jicin}
