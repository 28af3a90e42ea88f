"""Vocabulary of the synthetic instances (demo/synthetic.py): the 205 Czech ORP towns, the
working groups' topics with their plan items, organizations, and the sentences that minutes
are written from.

Texts are composed by random choice from a pool of paragraphs made once per run, so that
writing the rows, not composing the words, takes the time. Nothing here may contain `&`, `<`,
`>`, `"` or `'`: the HTML of the minutes is built with these texts as they are (Czech quotes
„…“ are fine). RARE_WORD appears only where synthetic.py puts it; COMMON_WORD appears in every
minutes."""

import random
import string

# Searched for by benchmarks: a word in about one minutes in 5,000, a word in every minutes,
# a prefix and a query typed without diacritics.
RARE_WORD = "hipoterapie"
RARE_SENTENCE = (
    "Zástupkyně spolku rodičů představila program hipoterapie pro děti s kombinovaným "
    "postižením, který organizace nabízí ve spolupráci s jezdeckým oddílem."
)
RARE_EVERY = 5000  # the 1st, 5001st, 10001st … minutes of a run mention the rare word
COMMON_WORD = "služby"
PREFIX_QUERY = "senio"
ASCII_QUERY = "pecovatelska sluzba"

# The 205 municipalities with extended powers (ORP), region by region.
ORP_TOWNS = [
    # Středočeský kraj
    "Benešov", "Beroun", "Brandýs nad Labem-Stará Boleslav", "Čáslav", "Černošice",
    "Český Brod", "Dobříš", "Hořovice", "Kladno", "Kolín", "Kralupy nad Vltavou",
    "Kutná Hora", "Lysá nad Labem", "Mělník", "Mladá Boleslav", "Mnichovo Hradiště",
    "Neratovice", "Nymburk", "Poděbrady", "Příbram", "Rakovník", "Říčany", "Sedlčany",
    "Slaný", "Vlašim", "Votice",
    # Jihočeský kraj
    "Blatná", "České Budějovice", "Český Krumlov", "Dačice", "Jindřichův Hradec", "Kaplice",
    "Milevsko", "Písek", "Prachatice", "Soběslav", "Strakonice", "Tábor", "Trhové Sviny",
    "Třeboň", "Týn nad Vltavou", "Vimperk", "Vodňany",
    # Plzeňský kraj
    "Blovice", "Domažlice", "Horažďovice", "Horšovský Týn", "Klatovy", "Kralovice",
    "Nepomuk", "Nýřany", "Plzeň", "Přeštice", "Rokycany", "Stod", "Stříbro", "Sušice",
    "Tachov",
    # Karlovarský kraj
    "Aš", "Cheb", "Karlovy Vary", "Kraslice", "Mariánské Lázně", "Ostrov", "Sokolov",
    # Ústecký kraj
    "Bílina", "Děčín", "Chomutov", "Kadaň", "Litoměřice", "Litvínov", "Louny", "Lovosice",
    "Most", "Podbořany", "Roudnice nad Labem", "Rumburk", "Teplice", "Ústí nad Labem",
    "Varnsdorf", "Žatec",
    # Liberecký kraj
    "Česká Lípa", "Frýdlant", "Jablonec nad Nisou", "Jilemnice", "Liberec", "Nový Bor",
    "Semily", "Tanvald", "Turnov", "Železný Brod",
    # Královéhradecký kraj
    "Broumov", "Dobruška", "Dvůr Králové nad Labem", "Hořice", "Hradec Králové", "Jaroměř",
    "Jičín", "Kostelec nad Orlicí", "Náchod", "Nová Paka", "Nové Město nad Metují",
    "Nový Bydžov", "Rychnov nad Kněžnou", "Trutnov", "Vrchlabí",
    # Pardubický kraj
    "Česká Třebová", "Hlinsko", "Holice", "Chrudim", "Králíky", "Lanškroun", "Litomyšl",
    "Moravská Třebová", "Pardubice", "Polička", "Přelouč", "Svitavy", "Ústí nad Orlicí",
    "Vysoké Mýto", "Žamberk",
    # Kraj Vysočina
    "Bystřice nad Pernštejnem", "Havlíčkův Brod", "Humpolec", "Chotěboř", "Jihlava",
    "Moravské Budějovice", "Náměšť nad Oslavou", "Nové Město na Moravě", "Pacov",
    "Pelhřimov", "Světlá nad Sázavou", "Telč", "Třebíč", "Velké Meziříčí",
    "Žďár nad Sázavou",
    # Jihomoravský kraj
    "Blansko", "Boskovice", "Brno", "Břeclav", "Bučovice", "Hodonín", "Hustopeče",
    "Ivančice", "Kuřim", "Kyjov", "Mikulov", "Moravský Krumlov", "Pohořelice", "Rosice",
    "Slavkov u Brna", "Šlapanice", "Tišnov", "Veselí nad Moravou", "Vyškov", "Znojmo",
    "Židlochovice",
    # Olomoucký kraj
    "Hranice", "Jeseník", "Konice", "Lipník nad Bečvou", "Litovel", "Mohelnice", "Olomouc",
    "Prostějov", "Přerov", "Šternberk", "Šumperk", "Uničov", "Zábřeh",
    # Zlínský kraj
    "Bystřice pod Hostýnem", "Holešov", "Kroměříž", "Luhačovice", "Otrokovice",
    "Rožnov pod Radhoštěm", "Uherské Hradiště", "Uherský Brod", "Valašské Klobouky",
    "Valašské Meziříčí", "Vizovice", "Vsetín", "Zlín",
    # Moravskoslezský kraj
    "Bílovec", "Bohumín", "Bruntál", "Český Těšín", "Frenštát pod Radhoštěm",
    "Frýdek-Místek", "Frýdlant nad Ostravicí", "Havířov", "Hlučín", "Jablunkov", "Karviná",
    "Kopřivnice", "Kravaře", "Krnov", "Nový Jičín", "Odry", "Opava", "Orlová", "Ostrava",
    "Rýmařov", "Třinec", "Vítkov",
]  # fmt: skip

# Working groups: the topic's key, the group's name, its target groups, and the support area
# of the plan it owns with its priorities, goals, measures and activities.
TOPICS = [
    {
        "key": "seniori",
        "name": "Senioři",
        "target_group": "Senioři",
        "target_groups": "Oblast podpory seniorů a jejich pečujících.",
        "area": "Oblast podpory seniorů",
        "profile": "Senioři tvoří téměř čtvrtinu obyvatel území a jejich počet dále roste. "
        "Většina z nich chce co nejdéle žít ve svém domácím prostředí s podporou terénních "
        "služeb a rodiny.",
        "problems": [
            "nedostatečná kapacita pečovatelské služby",
            "dlouhé čekací lhůty v domovech pro seniory",
            "přetížení neformálních pečujících",
            "osamělost seniorů v odlehlých částech",
            "chybějící odlehčovací služba o víkendech",
        ],
        "priorities": [
            "Dostupné služby pro seniory v domácím prostředí",
            "Rozvoj pobytových a odlehčovacích služeb",
            "Podpora neformálních pečujících",
            "Aktivní a bezpečné stáří",
        ],
        "goals": [
            "Zvýšit kapacitu pečovatelské služby",
            "Zajistit odlehčovací službu i v okolních obcích",
            "Zkrátit čekací lhůty na pobytové služby",
            "Posílit informovanost seniorů o dostupných službách",
            "Podpořit pečující rodiny",
        ],
        "measures": [
            "Rozšíření pečovatelské služby o víkendový provoz",
            "Zřízení odlehčovací služby v terénní formě",
            "Navýšení kapacity domova pro seniory",
            "Podpora sociálně aktivizačních služeb pro seniory",
            "Zavedení tísňové péče",
            "Vzdělávání a poradenství pro pečující",
        ],
        "activities": [
            "Přijetí dvou pracovnic v přímé péči",
            "Nákup služebního automobilu pro terénní službu",
            "Informační kampaň pro pečující rodiny",
            "Pravidelná setkání svépomocné skupiny pečujících",
            "Provoz seniorského telefonu",
            "Kurzy trénování paměti",
        ],
    },
    {
        "key": "postizeni",
        "name": "Osoby se zdravotním postižením",
        "target_group": "Osoby se zdravotním postižením",
        "target_groups": "Oblast podpory osob se zdravotním postižením a chronickým onemocněním.",
        "area": "Oblast podpory osob se zdravotním postižením",
        "profile": "Osoby s tělesným, smyslovým, mentálním a kombinovaným postižením potřebují "
        "služby, které jim umožní žít běžným způsobem života, pracovat a podílet se na životě "
        "obce.",
        "problems": [
            "nedostatek osobní asistence",
            "bariéry ve veřejných budovách a dopravě",
            "chybějící chráněné bydlení",
            "málo pracovních příležitostí",
        ],
        "priorities": [
            "Samostatný život osob se zdravotním postižením",
            "Bydlení a zaměstnávání",
            "Dostupná doprava a odstraňování bariér",
        ],
        "goals": [
            "Rozšířit osobní asistenci",
            "Vytvořit místa v chráněném bydlení",
            "Zvýšit zaměstnanost osob se zdravotním postižením",
            "Zpřístupnit veřejné budovy",
        ],
        "measures": [
            "Rozvoj osobní asistence",
            "Zřízení chráněného bydlení",
            "Podpora sociálně terapeutických dílen",
            "Provoz sociální dopravy",
            "Podpora rané péče",
        ],
        "activities": [
            "Pořízení bezbariérového automobilu",
            "Rekonstrukce bytu pro chráněné bydlení",
            "Spolupráce se zaměstnavateli v regionu",
            "Mapování bariér ve veřejných budovách",
            "Provoz půjčovny kompenzačních pomůcek",
        ],
    },
    {
        "key": "rodiny",
        "name": "Rodiny s dětmi a mládež",
        "target_group": "Rodiny s dětmi",
        "target_groups": "Oblast podpory rodin s dětmi, dětí a mládeže.",
        "area": "Oblast podpory rodin s dětmi a mládeže",
        "profile": "Rodiny s dětmi se potýkají s nedostupným bydlením, zadlužením a "
        "nedostatkem odborné pomoci pro děti s výchovnými a psychickými obtížemi.",
        "problems": [
            "nedostupnost dětské psychiatrické péče",
            "zadluženost rodin",
            "nedostatek nízkoprahových služeb pro mládež",
            "chybějící podpora rodin v krizi",
        ],
        "priorities": [
            "Podpora rodin v obtížné situaci",
            "Volný čas a prevence pro děti a mládež",
            "Dostupné poradenství pro rodiny",
        ],
        "goals": [
            "Posílit sociálně aktivizační služby pro rodiny s dětmi",
            "Zajistit nízkoprahové zařízení pro děti a mládež",
            "Rozšířit odborné poradenství",
            "Předcházet umísťování dětí do ústavní péče",
        ],
        "measures": [
            "Rozvoj sociálně aktivizačních služeb pro rodiny s dětmi",
            "Provoz nízkoprahového zařízení pro děti a mládež",
            "Podpora rodinné poradny",
            "Terénní práce s rodinami",
            "Podpora pěstounských rodin",
        ],
        "activities": [
            "Doučování dětí ze sociálně slabých rodin",
            "Rozšíření provozní doby klubu pro mládež",
            "Skupinová setkání rodičů",
            "Letní příměstský tábor",
            "Preventivní programy ve školách",
        ],
    },
    {
        "key": "vylouceni",
        "name": "Osoby ohrožené sociálním vyloučením",
        "target_group": "Osoby ohrožené sociálním vyloučením",
        "target_groups": "Oblast podpory osob bez přístřeší, osob v dluhové pasti a osob "
        "ohrožených sociálním vyloučením.",
        "area": "Oblast podpory osob ohrožených sociálním vyloučením",
        "profile": "Osoby bez přístřeší, lidé v dluhové pasti a obyvatelé sociálně vyloučených "
        "lokalit potřebují pomoc s bydlením, zaměstnáním a řešením dluhů.",
        "problems": [
            "nedostatek sociálního bydlení",
            "vysoká zadluženost a exekuce",
            "rostoucí počet osob bez přístřeší",
            "chybějící krizová lůžka",
        ],
        "priorities": [
            "Bydlení pro osoby v bytové nouzi",
            "Řešení dluhů a prevence zadlužování",
            "Pomoc osobám bez přístřeší",
        ],
        "goals": [
            "Zajistit dostupné sociální bydlení",
            "Rozšířit dluhové poradenství",
            "Zajistit noclehárnu i v zimním období",
            "Snížit počet osob v exekuci",
        ],
        "measures": [
            "Provoz azylového domu",
            "Provoz dluhové poradny",
            "Terénní program v sociálně vyloučených lokalitách",
            "Zřízení noclehárny",
            "Systém sociálního bydlení města",
        ],
        "activities": [
            "Zimní provoz nocležny",
            "Konzultační hodiny dluhové poradny v obcích",
            "Spolupráce s úřadem práce",
            "Vyčlenění městských bytů pro sociální bydlení",
            "Potravinová pomoc",
        ],
    },
    {
        "key": "dusevni",
        "name": "Osoby s duševním onemocněním",
        "target_group": "Osoby s duševním onemocněním",
        "target_groups": "Oblast podpory osob s duševním onemocněním a jejich blízkých.",
        "area": "Oblast podpory osob s duševním onemocněním",
        "profile": "Lidé s duševním onemocněním potřebují komunitní služby, které jim pomohou "
        "zvládat nemoc v přirozeném prostředí a udržet si bydlení i práci.",
        "problems": [
            "chybějící centrum duševního zdraví",
            "nedostatek psychiatrů",
            "stigmatizace duševních nemocí",
        ],
        "priorities": [
            "Komunitní péče o duševní zdraví",
            "Podpora zotavení a začleňování",
        ],
        "goals": [
            "Zřídit centrum duševního zdraví",
            "Rozšířit sociální rehabilitaci",
            "Snížit stigma duševních nemocí",
        ],
        "measures": [
            "Podpora sociální rehabilitace",
            "Spolupráce s centrem duševního zdraví",
            "Destigmatizační kampaň",
        ],
        "activities": [
            "Tréninková pracovní místa",
            "Týden duševního zdraví",
            "Svépomocná skupina pro blízké",
        ],
    },
    {
        "key": "zavislosti",
        "name": "Osoby ohrožené závislostmi",
        "target_group": "Osoby ohrožené závislostmi",
        "target_groups": "Oblast prevence a pomoci osobám ohroženým závislostmi.",
        "area": "Oblast podpory osob ohrožených závislostmi",
        "profile": "Na území roste užívání návykových látek mezi mladými lidmi a přibývá "
        "patologického hráčství.",
        "problems": [
            "chybějící kontaktní centrum",
            "nedostatečná primární prevence",
            "patologické hráčství",
        ],
        "priorities": ["Prevence a snižování rizik", "Pomoc osobám se závislostí"],
        "goals": [
            "Zajistit terénní program pro uživatele drog",
            "Posílit primární prevenci ve školách",
        ],
        "measures": [
            "Provoz kontaktního centra",
            "Terénní program pro uživatele návykových látek",
            "Primární prevence ve školách",
        ],
        "activities": [
            "Výměnný program injekčního materiálu",
            "Preventivní besedy pro žáky",
            "Poradenství pro rodiče",
        ],
    },
]
# Areas that merged two groups: the predecessors' keys and the successor.
MERGE = ("seniori", "postizeni", "Senioři a osoby se zdravotním postižením")

BODY_GROUP_TEXT = (
    "Pracovní skupina plní úkoly spojené s přípravou, připomínkováním, realizací a "
    "vyhodnocováním komunitního plánu a je odpovědná řídící skupině. Vytváří profil cílové "
    "skupiny, definuje problémové oblasti a formuluje priority, cíle a opatření."
)
STEERING_TEXT = (
    "Řídící skupina řídí proces komunitního plánování sociálních služeb, schvaluje výstupy "
    "pracovních skupin a předkládá komunitní plán radě a zastupitelstvu. Členy jsou vedoucí "
    "pracovních skupin, zástupci města, poskytovatelů a uživatelů."
)

# Organizations: name patterns; {town} is the area's seat, {name} a made-up proper name.
PROPER_NAMES = [
    "Rovina", "Kotva", "Přístav", "Cesta", "Krok", "Slunečnice", "Duha", "Most", "Pohoda",
    "Naděje", "Archa", "Jitřenka", "Domino", "Klíč", "Maják", "Stopa", "Bludiště", "Spirála",
    "Lískovec", "Modrý kámen", "Pod Lipami", "Na Výsluní", "Zahrada", "Sluníčko", "Kamarád",
    "Světluška", "Úsměv", "Vážka", "Pramen", "Oáza", "Lucerna", "Kompas", "Horizont",
]  # fmt: skip
COMMISSIONER_ORGS = [
    "Město {town} – odbor sociálních věcí",
    "Úřad práce ČR – kontaktní pracoviště {town}",
    "Krajský úřad – odbor sociálních věcí",
    "Městská policie {town}",
]
PROVIDER_ORGS = [
    "Charita {town}",
    "Pečovatelská služba města {town}, p. o.",
    "Domov pro seniory {name}, p. o.",
    "Azylový dům {name}, z. s.",
    "Nízkoprahový klub {name}, z. s.",
    "Dluhová poradna {name}, z. ú.",
    "Centrum sociálních služeb {town}, o. p. s.",
    "Denní stacionář {name}, o. p. s.",
    "Osobní asistence {name}, o. p. s.",
    "Centrum pro rodinu {name}, z. ú.",
    "Sociálně terapeutická dílna {name}, z. ú.",
    "Terénní programy {name}, z. s.",
    "Občanská poradna {town}, z. s.",
    "Raná péče {name}, z. ú.",
    "Chráněné bydlení {name}, p. o.",
    "Kontaktní centrum {name}, z. ú.",
    "Diakonie {town}",
    "Centrum duševního zdraví {name}, z. ú.",
]
USER_ORGS = [
    "Klub seniorů {town}, z. s.",
    "Svaz tělesně postižených, místní organizace {town}",
    "Spolek rodičů {name}, z. s.",
    "Sdružení zdravotně postižených {town}, z. s.",
    "Rada seniorů {town}, z. s.",
    "Spolek pečujících {name}, z. s.",
]
GUEST_ORGS = [
    "Krajský úřad – odbor sociálních věcí",
    "Probační a mediační služba",
    "Úřad práce ČR",
    "Městská policie",
    "Základní škola",
    "Nemocnice – sociální oddělení",
    "Okresní správa sociálního zabezpečení",
    "Sousední obec",
]
TITLES_BEFORE = ["", "", "", "", "", "Mgr.", "Mgr.", "Bc.", "Bc.", "Ing.", "PhDr.", "MUDr."]
TITLES_AFTER = ["", "", "", "", "", "", "", "DiS.", "Ph.D."]
ROOMS = [
    "Městský úřad {town}, zasedací místnost",
    "Městský úřad {town}, malá zasedačka",
    "Městský úřad {town}, kancelář odboru sociálních věcí",
    "Komunitní centrum {town}",
    "Dům s pečovatelskou službou {town}, společenská místnost",
]

# Minutes

AGENDA_FIRST = "Zahájení a schválení programu"
AGENDA_TASKS = "Kontrola úkolů z minulého jednání"
AGENDA_LAST = "Různé"
AGENDA_GROUP = [
    "Plnění akčního plánu",
    "Informace z řídící skupiny",
    "Potřeby cílové skupiny",
    "Aktuality z organizací",
    "Příprava komunitního plánu",
    "Dotační řízení na sociální služby",
    "Registr potřeb",
    "Vyhodnocení dotazníkového šetření",
    "Katalog sociálních služeb",
    "Harmonogram jednání na příští rok",
    "Monitoring akčního plánu",
    "Spolupráce s okolními obcemi",
    "Den sociálních služeb",
    "Podněty z veřejnosti",
]
AGENDA_STEERING = [
    "Výstupy pracovních skupin",
    "Akční plán na další rok",
    "Financování sociálních služeb",
    "Síť sociálních služeb kraje",
    "Příprava komunitního plánu",
    "Vyhodnocení akčního plánu",
    "Připomínky k návrhu plánu",
    "Rozpočet města na sociální oblast",
    "Personální složení pracovních skupin",
]

# Openings and closings: {a} is the feminine ending of a verb ("a" or ""), {quorum} the
# sentence about the quorum. Every opening mentions COMMON_WORD.
OPENINGS = [
    "Jednání zahájil{a} vedoucí skupiny, přivítal{a} přítomné a konstatoval{a}, že {quorum}. "
    "Připomněl{a}, že cílem jednání je, aby sociální služby v území odpovídaly potřebám "
    "obyvatel. Program jednání byl schválen bez připomínek.",
    "Vedoucí skupiny přivítal{a} přítomné a seznámil{a} je s programem. Konstatoval{a}, že "
    "{quorum}. Na úvod poděkoval{a} poskytovatelům, že zajistili služby i v náročném období. "
    "Program byl schválen bez připomínek.",
    "Jednání zahájil{a} vedoucí skupiny a konstatoval{a}, že {quorum}. Koordinátorka "
    "doplnila, že podklady k jednotlivým bodům, včetně přehledu kapacit, které sociální "
    "služby hlásí, byly rozeslány předem. Program byl schválen v předloženém znění.",
    "Vedoucí skupiny zahájil{a} jednání, přivítal{a} hosty a konstatoval{a}, že {quorum}. "
    "Přítomní souhlasili s doplněním programu o informace, jak se daří terénní služby "
    "v okolních obcích. Program byl schválen.",
]
QUORUM_YES = [
    "skupina je usnášeníschopná",
    "je přítomna nadpoloviční většina členů a skupina je usnášeníschopná",
]
QUORUM_NO = [
    "skupina není usnášeníschopná a jednání má informativní charakter",
]
CLOSINGS = [
    "Vedoucí skupiny poděkoval{a} přítomným za účast a jednání ukončil{a}. Příští jednání se "
    "uskuteční podle schváleného harmonogramu.",
    "Vedoucí skupiny shrnul{a} přijaté úkoly, poděkoval{a} za aktivní účast a jednání ukončil{a}.",
    "Jednání bylo ukončeno. Termín příštího jednání bude členům oznámen e-mailem.",
]
TASK_REVIEW = [
    "Úkoly z minulého jednání byly splněny.",
    "Úkoly z minulého jednání byly splněny, jeden úkol trvá a jeho termín byl prodloužen.",
    "Koordinátorka zrekapitulovala úkoly z minulého jednání. Všechny úkoly byly splněny.",
    "Úkol zjistit volné kapacity služeb byl splněn, přehled byl rozeslán členům skupiny.",
    "Kontrola úkolů: zápis z minulého jednání byl ověřen a zveřejněn, úkoly byly splněny.",
]
OTHER_BUSINESS = [
    "V bodě Různé nebyly vzneseny žádné další podněty.",
    "Členové skupiny byli pozváni na Den sociálních služeb, který se koná na náměstí.",
    "Koordinátorka upozornila na nabídku vzdělávání pro pracovníky v sociálních službách.",
    "Zástupci poskytovatelů pozvali přítomné na den otevřených dveří svých zařízení.",
    "Byl připomenut termín pro podávání žádostí o dotace z rozpočtu města.",
]

RESOLUTIONS = [
    "{group} bere na vědomí informaci o plnění akčního plánu.",
    "{group} bere na vědomí informace z jednání řídící skupiny.",
    "{group} schvaluje harmonogram svých jednání na příští rok.",
    "{group} doporučuje zařadit potřebu do registru potřeb.",
    "{group} doporučuje řídící skupině zařadit opatření do akčního plánu na další rok.",
    "{group} schvaluje zápis z minulého jednání.",
    "{group} souhlasí s návrhem priorit pro další období.",
    "{group} bere na vědomí zprávu o činnosti terénních služeb.",
    "{group} schvaluje návrh textu své části komunitního plánu.",
    "{group} doporučuje radě města podpořit rozšíření kapacity pečovatelské služby.",
]
TASKS = [
    "Zjistit počet volných míst v odlehčovacích službách",
    "Připravit podklady o kapacitách služeb pro akční plán",
    "Oslovit okolní obce s nabídkou účasti na jednáních",
    "Zpracovat přehled podnětů z veřejnosti",
    "Rozeslat členům návrh akčního plánu k připomínkám",
    "Aktualizovat údaje v katalogu sociálních služeb",
    "Zapsat projednanou potřebu do registru potřeb",
    "Připravit prezentaci skupiny na Den sociálních služeb",
    "Zjistit možnosti financování z dotačního programu kraje",
    "Pozvat zástupce úřadu práce na příští jednání",
]
TASK_DONE = ["Splněno.", "Splněno, podklady byly rozeslány.", "Splněno na jednání skupiny."]
TASK_DROPPED = ["Úkol pozbyl smyslu.", "Úkol byl zrušen, pominul důvod."]

# Sentences of discussion. A verb in VERBS ({informoval}) takes the gender of {role}.
ROLES_F = [
    "Koordinátorka komunitního plánování",
    "Vedoucí skupiny",
    "Vedoucí odboru sociálních věcí",
    "Zástupkyně poskytovatele pečovatelské služby",
    "Sociální pracovnice městského úřadu",
    "Zástupkyně krajského úřadu",
    "Ředitelka domova pro seniory",
    "Zástupkyně uživatelů",
    "Vedoucí nízkoprahového zařízení",
    "Metodička sociální práce",
    "Zástupkyně úřadu práce",
    "Vedoucí terénního programu",
    "Místostarostka města",
    "Zástupkyně charity",
    "Vedoucí dluhové poradny",
]
ROLES_M = [
    "Zástupce poskytovatele odlehčovací služby",
    "Vedoucí azylového domu",
    "Místostarosta města",
    "Zástupce úřadu práce",
    "Ředitel charity",
    "Zástupce spolku zdravotně postižených",
    "Vedoucí sociálně aktivizační služby",
    "Zástupce městské policie",
    "Zástupce uživatelů",
    "Terénní pracovník",
    "Vedoucí oddělení sociální práce",
    "Zástupce krajského úřadu",
]
VERBS = {
    "doplnil": "doplnila",
    "informoval": "informovala",
    "navrhl": "navrhla",
    "představil": "představila",
    "seznámil": "seznámila",
    "upozornil": "upozornila",
    "uvedl": "uvedla",
    "zdůraznil": "zdůraznila",
}
SLOTS = {
    "topic_loc": [
        "plnění akčního plánu za uplynulé čtvrtletí",
        "aktuální kapacitě pečovatelské služby",
        "výsledcích dotazníkového šetření mezi uživateli sociálních služeb",
        "dotačním řízení kraje na podporu sociálních služeb",
        "přípravě nového komunitního plánu",
        "změnách v krajské síti sociálních služeb",
        "financování sociálních služeb z rozpočtu města",
        "průběhu projektu zaměřeného na prevenci bezdomovectví",
        "činnosti dluhové poradny v uplynulém roce",
        "novele zákona o sociálních službách",
        "počtu čekatelů na umístění v domově pro seniory",
        "nabídce vzdělávání pro pracovníky v sociálních službách",
        "provozu nízkoprahového zařízení pro děti a mládež",
        "rozšíření odlehčovací služby o víkendový provoz",
        "spolupráci s okolními obcemi",
        "aktualizaci katalogu sociálních služeb",
        "zkušenostech s terénní formou služeb",
        "obsazenosti azylového domu",
        "projektu sdíleného bydlení pro osoby s duševním onemocněním",
        "činnosti občanské poradny",
        "výsledcích monitoringu akčního plánu",
        "přípravě Dne sociálních služeb",
        "situaci v oblasti sociálního bydlení",
        "kapacitách denního stacionáře",
        "provozu noclehárny v zimním období",
        "činnosti centra duševního zdraví",
        "zapojení dobrovolníků do péče o seniory",
    ],
    "topic_acc": [
        "návrh akčního plánu na příští rok",
        "zprávu o plnění komunitního plánu",
        "podněty z veřejnosti",
        "harmonogram jednání na příští rok",
        "návrh opatření pro oblast podpory seniorů",
        "žádost poskytovatele o zařazení do sítě sociálních služeb",
        "aktualizaci profilu cílové skupiny",
        "výstupy z kulatého stolu k sociálnímu bydlení",
        "návrh na rozšíření kapacity pečovatelské služby",
        "vyhodnocení dotazníkového šetření",
        "rozpočet města na sociální služby",
        "nabídku spolupráce od sousední obce",
        "zprávu o činnosti terénních služeb",
        "metodiku sběru potřeb",
        "návrh textu své části komunitního plánu",
        "připomínky veřejnosti k návrhu plánu",
    ],
    "topic_gen": [
        "dostupnosti služeb o víkendech",
        "financování sociálních služeb",
        "spolupráce poskytovatelů a obcí",
        "podpory rodin s dětmi",
        "potřeb osob se zdravotním postižením",
        "prevence sociálního vyloučení",
        "dluhové problematiky",
        "sociálního bydlení",
        "péče o seniory v domácím prostředí",
        "dobrovolnictví v sociálních službách",
        "dopravy do ambulantních služeb",
        "nedostatku pracovníků v sociálních službách",
        "informovanosti veřejnosti o službách",
        "podpory neformálních pečujících",
    ],
    "topic_ins": [
        "dostupností služeb o víkendech",
        "dopravou do ambulantních služeb",
        "vyřizováním příspěvku na péči",
        "hledáním nájemního bydlení",
        "čekáním na umístění v domově pro seniory",
        "využíváním tísňové péče",
        "spoluprací s úřadem práce",
        "službami rané péče",
    ],
    "problem_acc": [
        "nedostatek pracovníků v přímé péči",
        "rostoucí zájem o terénní služby",
        "dlouhé čekací lhůty v domovech pro seniory",
        "nedostatek dostupného sociálního bydlení",
        "rostoucí zadluženost rodin s dětmi",
        "nedostupnost psychiatrické péče pro děti",
        "chybějící služby v menších obcích",
        "nedostatečnou dopravní obslužnost do ambulantních služeb",
        "přetížení neformálních pečujících",
        "nejisté financování služeb v příštím roce",
        "nízké mzdy pracovníků v sociálních službách",
        "vysoké náklady na energie v pobytových službách",
        "rostoucí počet osob bez přístřeší",
        "chybějící krizová lůžka",
        "osamělost seniorů v odlehlých částech města",
        "administrativní zátěž spojenou s dotacemi",
    ],
    "clause": [
        "zájem o pečovatelskou službu dlouhodobě roste",
        "kapacita odlehčovací služby je trvale naplněna",
        "potřeba bude zapsána do registru potřeb",
        "služby budou v příštím roce financovány ve stejném rozsahu",
        "terénní služby je třeba posílit zejména v okolních obcích",
        "informace o službách je nutné lépe šířit mezi veřejností",
        "spolupráce s úřadem práce se v posledním roce zlepšila",
        "část klientů nevyužívá dávky, na které má nárok",
        "nízkoprahové zařízení navštěvuje stále více dětí z okolních obcí",
        "azylový dům je celoročně plně obsazen",
        "o osobní asistenci je větší zájem, než kolik služba dokáže pokrýt",
        "dluhová poradna má objednací lhůtu přes dva měsíce",
        "senioři stále častěji žádají o pomoc s nákupy a dovozem obědů",
        "zapojení okolních obcí do plánování je stále nedostatečné",
        "pečující rodiny potřebují více odlehčovacích služeb",
    ],
    "thing_acc": [
        "nový leták o sociálních službách ve městě",
        "projekt podpory neformálních pečujících",
        "výroční zprávu organizace",
        "program prevence zadlužování",
        "nabídku sociálně aktivizačních služeb pro seniory",
        "záměr zřídit chráněné bydlení",
        "průvodce sociálními službami",
        "aktualizovanou mapu služeb",
        "výsledky sociologického průzkumu",
        "návrh na zřízení sociálního šatníku",
    ],
    "request_acc": [
        "rozšíření provozní doby",
        "posílení terénní práce",
        "zřízení krizového lůžka",
        "lepší informovanost veřejnosti",
        "vznik dalšího denního stacionáře",
        "zavedení sociální dopravy",
        "zkrácení čekacích lhůt",
        "pravidelné setkávání poskytovatelů",
    ],
    "agreement": [
        "podklady budou rozeslány e-mailem do konce měsíce",
        "téma bude zařazeno na příští jednání",
        "koordinátorka osloví zástupce okolních obcí",
        "připomínky lze zasílat do příštího jednání",
        "návrh bude předložen řídící skupině",
        "poskytovatelé doplní údaje o kapacitách do tabulky",
        "skupina se sejde na mimořádném jednání",
    ],
    "service_f": [
        "pečovatelská služba",
        "odlehčovací služba",
        "osobní asistence",
        "dluhová poradna",
        "občanská poradna",
        "terénní služba",
        "sociální rehabilitace",
        "raná péče",
        "sociálně aktivizační služba",
        "noclehárna",
    ],
    "service_gen": [
        "pečovatelské služby",
        "odlehčovací služby",
        "azylového domu",
        "nízkoprahového zařízení pro děti a mládež",
        "dluhové poradny",
        "denního stacionáře",
        "domova pro seniory",
        "chráněného bydlení",
        "osobní asistence",
        "kontaktního centra",
    ],
    "capacity": [
        "plně využita",
        "využita zhruba ze dvou třetin",
        "nedostatečná",
        "dostačující",
        "na hranici možností",
    ],
    "n": [str(n) for n in range(12, 480, 7)],
    "n2": [str(n) for n in range(14, 90, 3)],
}
SENTENCES = [
    "{role} {informoval} o {topic_loc}.",
    "{role} {seznámil} přítomné s tím, že {clause}.",
    "{role} {upozornil} na {problem_acc}.",
    "{role} {představil} {thing_acc}.",
    "{role} {zdůraznil}, že {clause}.",
    "{role} {doplnil}, že {service_f} v letošním roce poskytla podporu {n} klientům.",
    "{role} {uvedl}, že kapacita {service_gen} je v současné době {capacity}.",
    "{role} {navrhl}, aby skupina projednala {topic_acc} na příštím jednání.",
    "Pracovní skupina projednala {topic_acc}.",
    "Členové skupiny diskutovali o {topic_loc}.",
    "Diskuse se týkala zejména {topic_gen}.",
    "Členové skupiny se shodli, že {clause}.",
    "Skupina se dohodla, že {agreement}.",
    "Bylo konstatováno, že {clause}.",
    "V diskusi zazněl požadavek na {request_acc}.",
    "Zástupci uživatelů popsali své zkušenosti s {topic_ins}.",
    "Zástupci poskytovatelů upozornili na {problem_acc}.",
    "Podle údajů z registru poskytovatelů působí v území {n2} registrovaných sociálních služeb.",
    "Kapacita {service_gen} je podle poskytovatele {capacity}.",
    "Přítomní se shodli, že je nutné řešit {problem_acc}.",
    "K informaci o {topic_loc} nebyly vzneseny připomínky.",
    "Z diskuse vyplynulo, že {clause}.",
    "V rámci bodu byla představena {service_f} a její nabídka pro cílovou skupinu.",
    "Zástupci obcí ocenili, že {clause}.",
    "Koordinátorka připomněla, že {agreement}.",
]

NEEDS = [
    "Chybí odlehčovací služba o víkendech pro rodiny pečující o seniory.",
    "Senioři v okolních obcích nemají dopravu k lékaři a na úřady.",
    "Ve městě chybí krizová lůžka pro osoby bez přístřeší.",
    "Rodiny s dětmi potřebují dostupné odborné poradenství při výchovných problémech.",
    "Chybí chráněné bydlení pro dospělé s mentálním postižením.",
    "Osoby v dluhové pasti čekají na dluhovou poradnu příliš dlouho.",
    "Mládež nemá v okrajových částech města bezpečné místo pro volný čas.",
    "Lidé s duševním onemocněním potřebují podporu při hledání práce.",
    "Pečující rodiny nevědí, kde hledat informace o dostupných službách.",
    "Chybí bezbariérové byty pro osoby na vozíku.",
    "Osamělí senioři potřebují pravidelný kontakt a návštěvy dobrovolníků.",
    "Ve městě není dostatek sociálních bytů pro rodiny s nízkými příjmy.",
    "Děti s poruchami autistického spektra nemají dostupnou odlehčovací službu.",
    "Chybí terénní program pro uživatele návykových látek.",
]
NEED_REJECTIONS = [
    "Potřebu řeší zdravotní pojišťovna, nikoli sociální služby.",
    "Potřeba je již pokryta stávající službou.",
]
NARRATIVES = [
    "Opatření se daří plnit podle harmonogramu.",
    "Aktivita byla realizována v plném rozsahu.",
    "Realizace se zpozdila kvůli nedostatku pracovníků.",
    "Opatření bylo zahájeno, pokračuje v příštím roce.",
    "Financování bylo zajištěno z dotace kraje.",
    "Aktivita byla odložena, chybí finanční prostředky.",
]
PLAN_COMMENTS = [
    "Navrhujeme doplnit opatření o spolupráci s okolními obcemi.",
    "Chybí indikátor, podle kterého by šlo plnění ověřit.",
    "Žádáme o navýšení kapacity služby v příštím roce.",
    "V textu chybí zmínka o osobách s duševním onemocněním.",
    "Navrhujeme sloučit dvě podobná opatření.",
]
COMMENT_REASONS = [
    "Připomínka byla zapracována do textu.",
    "Připomínka byla zapracována částečně, zbytek řeší jiné opatření.",
    "Připomínka nebyla přijata, financování nelze zajistit.",
]
INDICATORS = [
    ("Počet klientů služby", "osob"),
    ("Kapacita služby", "míst"),
    ("Počet hodin přímé práce", "hodin"),
    ("Počet kontaktů s klienty", "kontaktů"),
    ("Počet zapojených obcí", "obcí"),
    ("Počet úvazků v přímé péči", "úvazků"),
    ("Počet uspořádaných akcí", "akcí"),
]
VISIONS = [
    "Každý obyvatel území, který se ocitne v nepříznivé sociální situaci, najde včas "
    "dostupnou a kvalitní sociální službu.",
    "Sociální služby v území jsou dostupné, provázané a odpovídají potřebám lidí.",
]
INTRODUCTIONS = [
    "Plán vznikl v pracovních skupinách za účasti zadavatelů, poskytovatelů a uživatelů "
    "služeb. Vychází z analýzy potřeb, dotazníkového šetření a vyhodnocení předchozího "
    "plánu.",
    "Návrh plánu připravily pracovní skupiny, projednala jej řídící skupina a k připomínkám "
    "byl zveřejněn na webu města.",
]


def _fields(template: str) -> list[str]:
    return [name for _text, name, _spec, _conv in string.Formatter().parse(template) if name]


def _sentence(rng: random.Random, template: str) -> str:
    female = rng.random() < 0.6
    values = {}
    for name in _fields(template):
        if name == "role":
            values[name] = rng.choice(ROLES_F if female else ROLES_M)
        elif name in VERBS:
            values[name] = VERBS[name] if female else name
        else:
            values[name] = rng.choice(SLOTS[name])
    return template.format_map(values)


def paragraph_pool(rng: random.Random, size: int) -> list[str]:
    """`size` paragraphs of two to five sentences, drawn at random from SENTENCES."""
    return [
        " ".join(_sentence(rng, rng.choice(SENTENCES)) for _ in range(rng.randint(2, 5)))
        for _ in range(size)
    ]
