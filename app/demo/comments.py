"""Example comments of the demo's first online discussion, written for the demo.

Plain data only; ``loader_comments.load_comments`` turns it into rows. Each comment
answers one of the discussion's three prompts (1..3, in order) on behalf of a work
group of ``data.GROUPS``; its author is a participant of that group (created by the
loader when the group has none of that name). ``key`` is stored as the comment's
``submission_key`` and is how a reload finds it again; ``reply_to`` names the key of
the comment answered (a reply to a reply joins the same thread).

Seven groups answer; Nurmijärvi's group only replies, so the participation overview
shows a group without answers, and each prompt has two groups still missing.
"""

from __future__ import annotations

FACILITATOR = "fasilitaattori@example.fi"

VALIDIA = "Validian opiskeluhuoltoryhmä"
HYRIA = "Hyrian opiskeluhuoltoryhmä"
KEUDA = "Keudan opiskeluhuoltoryhmä"
SEURAKUNTAOPISTO = "Seurakuntaopiston opiskeluhuoltoryhmä"
JARVENPAA = "Järvenpään koulutuksen järjestäjien ohjausryhmä"
HYVINKAA = "Hyvinkään 0–25-ryhmä"
NURMIJARVI = "Nurmijärven sivistystoimen johto"
HYVINVOINTIALUE = "Hyvinvointialueen opiskeluhuollon palvelut"

#: One participant writes for each group (Olli already exists in Validia's group).
AUTHORS = {
    VALIDIA: "Osallistuja Olli",
    HYRIA: "Kuraattori Kirsi",
    KEUDA: "Psykologi Pekka",
    SEURAKUNTAOPISTO: "Opinto-ohjaaja Outi",
    JARVENPAA: "Koulutuspäällikkö Kari",
    HYVINKAA: "Suunnittelija Sari",
    NURMIJARVI: "Opetuspäällikkö Oona",
    HYVINVOINTIALUE: "Terveydenhoitaja Tiina",
}


def _at(day: int, hour: int, minute: int = 0) -> int:
    """Minutes after the opening (Monday 9.00) to ``day`` days later at hour:minute.

    The discussion runs 12.–30.10.2026, before summer time ends (25.10.) matters only
    for comments after it, which then show one hour earlier on the wall clock; the
    timeline stays believable either way.
    """
    return day * 24 * 60 + (hour - 9) * 60 + minute


def _comment(key: str, prompt: int, group: str, minutes: int, body: str, **extra):
    return {
        "key": key,
        "prompt": prompt,
        "group": group,
        "author": AUTHORS[group],
        "minutes": minutes,
        "body": body,
        **extra,
    }


COMMENTS = [
    # 1. Mitä sinulle merkityksellistä kuulit videon keskustelussa?
    _comment(
        "demo-c01",
        1,
        VALIDIA,
        _at(0, 13, 5),
        """\
Meille merkityksellisintä oli puhe siitä, että opiskelijan saaman tuen pitäisi näyttää \
*samalta* kotikunnasta ja oppilaitoksesta riippumatta. Validiassa opiskelee nuoria lähes \
kaikista Keski-Uudenmaan kunnista, ja nyt tuki vaihtelee sen mukaan, mistä nuori tulee.

Videolta jäi mieleen myös kolme asiaa:

- yhteisöllinen työ ei ole lisätyötä vaan opiskeluhuollon ydintä
- siirtymävaiheet ovat kohta, jossa nuoria putoaa välistä
- tavoite, että kuraattorit ja psykologit tekevät vähintään **30 %** työajastaan \
yhteisöllistä työtä.

Viimeinen herätti palaverissa eniten keskustelua: miten se näkyy meidän arjessa?""",
    ),
    _comment(
        "demo-c02",
        1,
        HYVINVOINTIALUE,
        _at(1, 10, 5),
        """\
Meitä puhutteli se, kuinka moni videolla toivoi *yhteisiä pelisääntöjä* eikä uusia \
rakenteita. Hyvinvointialueen näkökulmasta tilanne on sama: terveydenhoitajia, \
kuraattoreita ja psykologeja on kymmenissä kouluissa ja oppilaitoksissa, ja jokaisella \
on vähän omat käytäntönsä.

Kirjasimme kolme ajatusta jatkoon:

1. palvelu- ja hoitoketjut pitää kuvata niin, että myös opettaja ymmärtää ne
2. kouluterveyskyselyn tulokset kannattaa käydä läpi yhdessä oppilaitosten kanssa
3. terveydenhoitajien **15 %** yhteisöllisen työn tavoite vaatii, että oppilaitos kutsuu \
meidät mukaan jo suunnitteluvaiheessa.""",
    ),
    _comment(
        "demo-c03",
        1,
        HYRIA,
        _at(2, 14, 0),
        """\
Videon keskustelusta jäi mieleen ajatus, että *rakenteet ovat ihmisten luomia ja ne \
voisivat olla toisenlaisiakin*. Se rohkaisi meitä miettimään, mistä vanhasta voisimme \
luopua.

Hyriassa yksilötyö vie nyt valtaosan kuraattorien ajasta, ja yhteisöllinen työ jää \
helposti sen jalkoihin. Palaverissa todettiin, että opettajat toivovat meitä luokkiin \
useammin, mutta ajanvarauskalenteri täyttyy viikoiksi eteenpäin. Ilman yhteistä \
linjausta prosenttitavoite jää **paperille**.""",
    ),
    _comment(
        "demo-c04",
        1,
        KEUDA,
        _at(3, 9, 20),
        """\
Meille tärkein kohta oli keskustelu oppilaitoksista, jotka toimivat **monen kunnan \
alueella**. Keudalla on toimipisteitä kuudessa kunnassa, ja jokaisessa yhteistyökumppanit, \
yhteystiedot ja käytännöt ovat hieman erilaiset.

Videolla kysyttiin, kuka on vastuussa yhteistyön käynnistämisestä. Meidän vastauksemme \
palaverissa oli: *kaikki ja ei kukaan*. Siksi alueellinen yhteinen pohja olisi meille iso \
helpotus – yksi sopimus ja yksi yhteyshenkilölista kuuden sijaan.""",
    ),
    _comment(
        "demo-c05",
        1,
        SEURAKUNTAOPISTO,
        _at(7, 13, 15),
        """\
Kuulimme videolta monta hyvää puheenvuoroa palveluiden järjestämisestä, mutta **nuorten \
oma ääni** jäi vähäiseksi. Seurakuntaopistossa opiskelee paljon nuoria, joilla on takanaan \
katkenneita opintoja, ja he osaavat kertoa tarkasti, missä kohtaa tuki petti.

Toivoisimme, että seuraavassa seminaarissa olisi mukana myös opiskelijakunnan edustajia. \
Myös huoltajien osallistumista kaivattiin, etenkin kun kyse on alaikäisistä ensimmäisen \
vuoden opiskelijoista.""",
    ),
    _comment(
        "demo-c06",
        1,
        HYVINKAA,
        _at(14, 10, 0),
        """\
Hyvinkään 0–25-ryhmässä meitä ilahdutti, että videolla puhuttiin **koko ikäkaaresta** eikä \
vain toisesta asteesta. Moni ilmiö näkyy jo yläkoulussa: päihdekokeilut, koulupoissaolot \
ja kiusaaminen.

Kokemuksemme on, että nopein reagointi syntyy, kun nuorisotyö, koulu ja opiskeluhuolto \
istuvat samassa pöydässä. Kun nuorisotilojen ympäristöstä löytyi keväällä ruiskuja ja \
nuuskapurkkeja, koululla pidettiin jo seuraavalla viikolla *ehkäisevän päihdetyön* \
teemailtapäivä yhdessä järjestöjen kanssa.""",
    ),
    _comment(
        "demo-c07",
        1,
        HYVINVOINTIALUE,
        _at(1, 10, 25),
        """\
Kiitos Validialle hyvästä nostosta. Tuo 30 % ei tarkoita, että kuraattori pitäisi \
oppitunteja yksin. Yhteisöllistä työtä on esimerkiksi

- luokanvalvojan tunnit yhdessä opettajan kanssa vuosikellon aiheista
- osallistuminen yhteisölliseen opiskeluhuoltoryhmään
- alustukset henkilöstölle ja huoltajille.

Meillä psykologi kiertää vuoden aikana mahdollisimman monta luokkaa, jolloin opiskelijat \
tuntevat hänet jo ennen kuin tarvitsevat apua. Kirjataan mielellämme yhdessä, mitä kaikkea \
lasketaan *yhteisölliseksi työksi*.""",
        reply_to="demo-c01",
    ),
    _comment(
        "demo-c08",
        1,
        NURMIJARVI,
        _at(8, 13, 50),
        """\
Nurmijärven näkökulmasta sama kysymys on toisin päin: meillä asuu paljon toisen asteen \
opiskelijoita, mutta suurin osa heistä opiskelee muiden kuntien oppilaitoksissa. Emme \
siis näe heidän arkeaan juuri lainkaan.

*Yksi yhteyshenkilölista* kuulostaa hyvältä myös kunnan puolelta. Sivistystoimi voisi \
koota omat yhteyshenkilönsä samaan listaan.""",
        reply_to="demo-c04",
    ),
    # 2. Mitä vaikutuksia lakimuutoksella on omaan työhönne?
    _comment(
        "demo-c09",
        2,
        VALIDIA,
        _at(0, 13, 25),
        """\
Lakimuutos näkyy meillä ensimmäiseksi siinä, että psykologit ja kuraattorit ovat \
jatkossa **hyvinvointialueen työntekijöitä**, vaikka he työskentelevät edelleen meidän \
talossamme. Moni opiskelijamme tarvitsee erityistä tukea, ja tuttu aikuinen on heille \
tärkeä.

Palaverissa nousivat esiin nämä kysymykset:

- kuka päättää työajan jakautumisesta eri toimipisteiden kesken?
- miten tieto kulkee opettajan ja kuraattorin välillä, kun rekisterit ovat eri?
- pysyvätkö tutut työntekijät meillä?

Toivomme, että näihin saadaan vastaukset *ennen syksyä*.""",
    ),
    _comment(
        "demo-c10",
        2,
        HYVINVOINTIALUE,
        _at(1, 10, 20),
        """\
Meille muutos tarkoittaa ennen kaikkea **yhtenäisiä käytäntöjä**: sama palvelu \
samanlaisena koko alueella. Käytännössä se tarkoittaa

1. yhteistä kirjaamistapaa ja asiakastietojärjestelmää
2. sijaisjärjestelyjä, jotta yksittäinen koulu ei jää pitkäksi aikaa ilman kuraattoria
3. säännöllisiä yhteistyöneuvotteluja jokaisen koulutuksen järjestäjän kanssa.

Ymmärrämme huolen työntekijöiden jatkuvuudesta. Tavoitteena on, että *nimetty työntekijä \
pysyy samassa oppilaitoksessa*, ellei muutokselle ole painavaa syytä.""",
    ),
    _comment(
        "demo-c11",
        2,
        HYRIA,
        _at(2, 14, 15),
        """\
Rehellisesti sanottuna palaverissa oli paljon turhautumista. Viime syksynä psykologin \
vastaanotolle pääsi vasta kuuden viikon päästä, eikä hyvinvointialueelta vastattu \
sähköposteihimme lainkaan. *Ei tässä auta, että paperilla on hienot prosenttitavoitteet, \
jos ihmisiä ei ole.*

Lakimuutoksen vaikutus meidän työhömme on ollut lähinnä se, että opettajat hoitavat yhä \
enemmän asioita itse. Sitä ei ole laskettu **kenenkään** resursseihin.""",
        flag={
            "group": HYVINVOINTIALUE,
            "by": AUTHORS[HYVINVOINTIALUE],
            "minutes": _at(2, 16, 5),
            "reason": "Kommentti väittää, ettei viesteihin vastattu lainkaan, ja voi "
            "leimata yksittäiset työntekijät. Pyytäisin fasilitaattoria katsomaan sävyn.",
        },
    ),
    _comment(
        "demo-c12",
        2,
        KEUDA,
        _at(3, 9, 35),
        """\
Keudalla lakimuutos vaikuttaa eniten **opiskeluhuoltoryhmien työn organisointiin**. Kun \
toimipisteitä on kuudessa kunnassa, myös yhteistyökumppaneita on moninkertaisesti.

Palaverissa sovimme, että

- päivitämme oppilaitoskohtaisen opiskeluhuoltosuunnitelman kevään aikana
- jokaiseen toimipisteeseen nimetään opiskeluhuollon yhteyshenkilö
- yhteisölliset opiskeluhuoltoryhmät kokoontuvat kerran kuukaudessa, ja hyvinvointialueen \
työntekijät kutsutaan mukaan.

Suurin huoli on *tiedonsiirto*: mitä saa kirjata mihinkin ja kuka tiedon näkee.""",
    ),
    _comment(
        "demo-c13",
        2,
        SEURAKUNTAOPISTO,
        _at(7, 13, 30),
        """\
Seurakuntaopistossa opiskelee myös aikuisia, joten pohdimme, keitä uusi laki ylipäätään \
koskee ja miten palvelut jakautuvat eri-ikäisten opiskelijoiden kesken. Tähän toivomme \
selkeää ohjetta.

Opettajien näkökulmasta muutos on ennen kaikkea **toimintakulttuurin** muutos: jokaisen \
työntekijän pitäisi mieltää itsensä myös kasvattajaksi ja tunnistaa huoli ajoissa. Se \
vaatii koulutusta ja johdon tukea, *ei pelkkää uutta lomaketta*.""",
    ),
    _comment(
        "demo-c14",
        2,
        JARVENPAA,
        _at(9, 15, 0),
        """\
Järvenpäässä koulutuksen järjestäjien ohjausryhmä on koottu yhteiseksi, ja kaupunki \
toimii sen puheenjohtajana. Lakimuutoksen jälkeen ryhmän tehtävä muuttuu: meidän pitää \
**seurata ja arvioida**, toteutuuko opiskeluhuolto sovitusti, vaikka palveluja ei enää \
järjestetä kaupungin omana työnä.

Tarvitsemme siis yhteisiä mittareita. Kouluterveyskysely on hyvä alku, mutta se ei \
kerro, kuinka paljon *yhteisöllistä työtä* oppilaitoksissa oikeasti tehtiin.""",
    ),
    _comment(
        "demo-c15",
        2,
        KEUDA,
        _at(3, 9, 50),
        """\
Tunnistamme saman jonotilanteen. Meillä on auttanut, että kuraattori ja psykologi \
pitävät kerran viikossa **avoimen vastaanoton** ilman ajanvarausta. Kaikkea se ei ratkaise, \
mutta opettajan on helpompi ohjata opiskelija eteenpäin, kun tietää, että ovi on auki \
samana päivänä. Avoin vastaanotto on myös madaltanut kynnystä: moni opiskelija tulee \
juttelemaan jo silloin, kun huoli on vielä pieni.""",
        reply_to="demo-c11",
    ),
    _comment(
        "demo-c16",
        2,
        HYVINVOINTIALUE,
        _at(3, 15, 10),
        """\
Kiitos suorasta palautteesta. Syksyn jonot johtuivat kahdesta täyttämättömästä psykologin \
tehtävästä, ja ne on nyt täytetty. Viestien jääminen vastaamatta ei ole hyväksyttävää.

Ehdotamme, että Hyrialle nimetään kevään aikana **yksi yhteyshenkilö**, joka vastaa \
viesteihin kahden arkipäivän kuluessa. Otamme asian esille myös kevään \
yhteistyöneuvottelussa, jotta sama ei toistu muissa oppilaitoksissa.""",
        reply_to="demo-c11",
    ),
    _comment(
        "demo-c17",
        2,
        HYRIA,
        _at(4, 8, 45),
        """\
Hyvä vinkki, kiitos! Kokeilemme avointa vastaanottoa maanantaisin ja tiistaisin. \
Kertoisitteko vielä, miten olette hoitaneet *kirjaamisen* silloin, kun opiskelija käy \
ilman ajanvarausta ja asia ratkeaa yhdellä käynnillä?

Meillä on mietitty, riittääkö lyhyt merkintä vai pitääkö jokaisesta käynnistä tehdä \
täysi kirjaus. Hyvinvointialueen yhteinen ohje auttaisi tässä kaikkia oppilaitoksia.""",
        reply_to="demo-c15",
    ),
    _comment(
        "demo-c18",
        2,
        VALIDIA,
        _at(1, 16, 40),
        """\
Esimerkki siitä, miten tiedonkulku pettää: toisen vuoden kokkiopiskelijamme, joka asuu \
yksin Hyvinkäällä ja jonka isä on ollut syksystä asti sairaalahoidossa, jäi kuukausiksi \
ilman tukea. Kuraattori ei tiennyt tilanteesta, koska tieto oli vain opettajalla, ja \
opiskelija oli poissa lähes koko marraskuun.""",
        reply_to="demo-c10",
        hidden={
            "by": FACILITATOR,
            "minutes": _at(2, 8, 30),
            "reason": "Kommentissa kerrottiin yksittäisen opiskelijan tilanteesta niin "
            "tarkasti, että hänet voisi tunnistaa. Kirjoittakaa asiasta yleisellä "
            "tasolla: opiskelijoiden asioita ei käsitellä tässä keskustelussa.",
        },
    ),
    # 3. Mitä annettavaa teillä on alueelliseen yhteistyöhön? Mitä voisitte saada?
    _comment(
        "demo-c19",
        3,
        VALIDIA,
        _at(0, 13, 40),
        """\
**Annettavaa:** Validialla on pitkä kokemus erityistä tukea tarvitsevien opiskelijoiden \
ohjauksesta ja monialaisesta yhteistyöstä. Voimme tarjota

- koulutusta opettajille ja opiskeluhuollon henkilöstölle saavutettavasta opetuksesta
- konsultaatiota, kun oppilaitoksessa mietitään yksilöllisiä järjestelyjä
- vierailuja ja työn varjostusta.

**Saatavaa:** toivomme alueelta yhteistä tapaa sopia siirtymistä, jotta tuki kulkee \
opiskelijan mukana peruskoulusta toiselle asteelle – ja toiselta asteelta eteenpäin.""",
    ),
    _comment(
        "demo-c20",
        3,
        HYVINVOINTIALUE,
        _at(1, 10, 40),
        """\
Hyvinvointialue voi tuoda yhteistyöhön **koko alueen tilannekuvan**: kouluterveyskyselyn \
tulokset, palveluiden jonotiedot ja koulutuksen järjestäjille suunnatun palautekyselyn \
tulokset. Ehdotamme, että ne käydään läpi vuosittaisissa yhteistyöneuvotteluissa.

Alueelliselta yhteistyöltä toivomme *suoraa palautetta* siitä, missä palvelu ei toimi. \
Toivomme myös apua yhteisöllisen työn mittarin kehittämiseen: vastaanottokäynnit \
tilastoidaan nyt tarkasti, mutta luokissa tehtyä työtä tuskin lainkaan.""",
    ),
    _comment(
        "demo-c21",
        3,
        HYRIA,
        _at(2, 14, 35),
        """\
Meillä on annettavaa erityisesti **ryhmämuotoisista menetelmistä**. Olemme pitäneet \
ensimmäisen vuoden opiskelijoille hyvinvointi- ja stressinhallintatunteja yhdessä \
opettajien kanssa, ja palaute on ollut hyvää. Materiaalit voi jakaa muille.

Alueelta toivomme

- yhteisen koulutuspäivän opettajille *huolen puheeksi ottamisesta*
- talous- ja velkaneuvontaa, jota moni opiskelija tarvitsisi
- vertaistukea kuraattoreille ja psykologeille eri oppilaitoksista.""",
    ),
    _comment(
        "demo-c22",
        3,
        KEUDA,
        _at(3, 10, 5),
        """\
Keuda voi tarjota kokemuksensa siitä, miten opiskeluhuolto toimii **kuuden kunnan \
alueella**. Olemme koonneet toimipisteittäin kuvaukset palvelupoluista, ja ne voisivat \
olla pohja alueelliselle mallille.

Alueelliselta yhteistyöltä toivomme ennen kaikkea *yhteisiä toimintatapoja ja \
periaatteita*, jotka kukin toimipiste räätälöi omiin tarpeisiinsa. Emme halua käyttää \
voimavaroja saman asian kehittämiseen kuudessa eri paikassa.""",
    ),
    _comment(
        "demo-c23",
        3,
        JARVENPAA,
        _at(9, 15, 25),
        """\
Järvenpään ohjausryhmä voi tarjota mallin, jossa kaupungin, oppilaitosten ja \
hyvinvointialueen edustajat **istuvat saman pöydän ääressä** säännöllisesti. Malli on \
toiminut meillä, ja sitä voi kokeilla muuallakin.

Alueelta tarvitsemme yhteisen pohjan oppilaitoskohtaisille opiskeluhuoltosuunnitelmille \
sekä sovitun tavan seurata niiden toteutumista. Silloin jokaisen ohjausryhmän ei tarvitse \
*keksiä mittareita itse*.""",
    ),
    _comment(
        "demo-c24",
        3,
        HYVINKAA,
        _at(14, 10, 20),
        """\
Hyvinkään 0–25-ryhmä voi tuoda yhteistyöhön **nuorisotyön ja etsivän nuorisotyön** \
kumppanit. Etsivä nuorisotyö tavoittaa nuoria, jotka ovat jo pudonneet opinnoista, ja \
sen tietoa kannattaa hyödyntää ennaltaehkäisyssä.

Toivomme alueelta

1. yhteistä kalenteria teemapäivistä ja kampanjoista, ettei samaa asiaa järjestetä \
kolmeen kertaan
2. sovittua tapaa reagoida nopeasti *nouseviin ilmiöihin*, kuten päihteisiin tai \
somehaasteisiin.""",
    ),
    _comment(
        "demo-c25",
        3,
        SEURAKUNTAOPISTO,
        _at(10, 12, 5),
        """\
Seurakuntaopisto lähtisi mielellään mukaan Järvenpään malliin, koska toimimme kaupungin \
alueella. Voisiko ohjausryhmän kokouksiin kutsua vuorotellen myös **opiskelijoiden \
edustajia**? Se vastaisi siihen, mitä toivoimme jo ensimmäisessä kysymyksessä.

Opiskelijakunnan hallitus on jo kertonut olevansa kiinnostunut. Meiltä voisi lähteä \
mukaan myös opinto-ohjaaja, joka tuntee siirtymävaiheiden haasteet hyvin.""",
        reply_to="demo-c23",
    ),
    _comment(
        "demo-c26",
        3,
        HYVINVOINTIALUE,
        _at(14, 15, 30),
        """\
Yhteinen teemakalenteri on *loistava* ajatus. Hyvinvointialue voi ylläpitää sitä, jos \
oppilaitokset ja kunnat lisäävät sinne omat tapahtumansa. Yhteistyö etsivän nuorisotyön \
kanssa kannattaa kirjata myös palvelukuvauksiin, jotta se ei jää yksittäisten \
työntekijöiden varaan. Ehdotamme, että kalenteri otetaan käyttöön jo ensi lukuvuoden \
alussa.""",
        reply_to="demo-c24",
    ),
    _comment(
        "demo-c27",
        3,
        NURMIJARVI,
        _at(8, 14, 5),
        """\
Nurmijärven sivistystoimi on kiinnostunut tilannekuvasta erityisesti niiden nuorten \
osalta, jotka opiskelevat muiden kuntien oppilaitoksissa. Voisiko kouluterveyskyselyn \
tuloksia tarkastella myös **asuinkunnan** mukaan? Silloin saisimme tietoa oman kunnan \
nuorista, vaikka he eivät käy meidän koulujamme. Tieto auttaisi kohdentamaan myös \
kunnan omia palveluja, kuten nuorisotyötä ja harrastustoimintaa.""",
        reply_to="demo-c20",
    ),
]
