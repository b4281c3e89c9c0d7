"""The demo's follow-up proposal: what the facilitator wrote into the drafted proposal.

Plain data only; ``loader_coding.load_proposal`` turns it into rows. The app drafts
version 1 from the summary (top themes of the vote with key comments); the
facilitator then saves version 2 with the title and the three sections she writes
herself. The texts follow the seed: the regional cooperation's principles, next steps
with owners and dates in spring 2027, and resourcing with the communal work shares
(curators and psychologists at least 30 %, school nurses at least 15 %) and a
regional coordinator. The proposal stays a draft, so a newcomer can publish it.

The draft is made the morning after the ballot's last vote (Sunday 22.11.2026) while
the ballot is still open until 4.12.: the first next step says it is checked against
the final result before it is published.
"""

from __future__ import annotations

from .comments import FACILITATOR
from .phases import helsinki

#: Version 1 (the app's draft) and version 2 (the facilitator's text).
DRAFTED_AT = helsinki(2026, 11, 23, 9, 0)
EDITED_AT = helsinki(2026, 11, 23, 14, 30)

TITLE = (
    "Ehdotus alueellisen yhteistyön jatkotyöstämisen periaatteista ja suunnittelun "
    "resursoinnista"
)

PRINCIPLES = """\
Keski-Uudenmaan kunnat, hyvinvointialue ja ammatilliset oppilaitokset jatkavat \
yhteistyötä näiden periaatteiden varassa:

1. **Sama tuki asuinkunnasta riippumatta.** Opiskelija saa samanlaisen \
opiskeluhuollon, asuipa hän missä kunnassa tahansa ja opiskelipa hän missä \
oppilaitoksessa tahansa.
2. **Yhteinen pohja, paikallinen toteutus.** Alueella laaditaan yksi runko \
oppilaitoskohtaisille opiskeluhuollon suunnitelmille ja yhteiset toimintatavat; kukin \
oppilaitos ja toimipiste räätälöi ne omiin tarpeisiinsa. Samaa asiaa ei kehitetä \
kuudessa paikassa.
3. **Yhteisöllinen työ ensin.** Ennaltaehkäisevä ja yhteisöllinen työ on \
opiskeluhuollon ydintä eikä lisätyötä. Sen määrä ja laatu tehdään näkyviksi samalla \
tavalla kuin vastaanottokäynnit.
4. **Saman pöydän ääressä.** Hyvinvointialue, kunnat ja koulutuksen järjestäjät \
kokoontuvat säännöllisesti alueelliseen yhteistyöryhmään; esikuvana on Järvenpään \
koulutuksen järjestäjien ohjausryhmä.
5. **Nuorten ääni mukaan.** Opiskelijakuntien edustajia kuullaan, kun yhteistä \
pohjaa ja sen seurantaa suunnitellaan.
6. **Tieto kulkee ajoissa ja luvallisesti.** Tiedonsiirrosta ja kirjaamisesta \
sovitaan yhteinen ohje, jotta opettaja, kuraattori ja terveydenhoitaja tietävät, mitä \
saa kirjata ja kenelle kertoa.
7. **Palvelu- ja hoitoketjujen mukaan.** Toimitaan hyvinvointialueen palvelu- ja \
hoitoketjujen mukaisesti, ja ketjut kuvataan niin, että myös opettaja ymmärtää ne.

Myös lastensuojelulain mukainen lasten ja nuorten hyvinvointisuunnitelma otetaan \
mukaan, vaikka siitä ei keskusteluissa puhuttu lainkaan: oppilaitosten suunnitelmien \
on oltava sen kanssa samansuuntaisia."""

NEXT_STEPS = """\
1. **Ehdotus tarkistetaan äänestyksen lopullisten tulosten mukaan** ja julkaistaan \
työryhmien kommentoitavaksi. Vastuu: fasilitaattori. **7.12.2026**
2. **Alueellinen yhteistyöryhmä aloittaa.** Ensimmäisessä kokouksessa sovitaan \
kevään työnjako ja kokousaikataulu. Vastuu: Validia Ammattiopisto (koollekutsuja) ja \
hyvinvointialueen opiskeluhuollon palvelut. **20.1.2027**
3. **Yhteisen rungon luonnos** oppilaitoskohtaiselle opiskeluhuollon suunnitelmalle, \
pohjana Keudan palvelupolkujen kuvaukset. Vastuu: Keuda ja Järvenpään koulutuksen \
järjestäjien ohjausryhmä. **26.2.2027**
4. **Opiskelijat kommentoivat luonnosta** opiskelijakuntien kautta. Vastuu: \
Seurakuntaopisto kokoaa kommentit. **17.3.2027**
5. **Yhteisöllisen työn kirjaamistapa ja mittari:** mitä lasketaan yhteisölliseksi \
työksi ja miten se tilastoidaan. Vastuu: hyvinvointialue yhdessä oppilaitosten \
kanssa. **31.3.2027**
6. **Kuntien hyvinvointisuunnitelmien tiivistelmä** opiskelijoiden näkökulmasta. \
Vastuu: Nurmijärven sivistystoimi ja Hyvinkään 0–25-ryhmä. **31.3.2027**
7. **Tiedonsiirron ja kirjaamisen ohje,** myös avoimen vastaanoton käynneille. \
Vastuu: hyvinvointialue ja oppilaitosten opiskeluhuoltoryhmät. **16.4.2027**
8. **Alueellinen teemakalenteri** käyttöön: hyvinvointialue ylläpitää, kunnat ja \
oppilaitokset lisäävät tapahtumansa. **30.4.2027**
9. **Yhteinen koulutuspäivä opettajille** huolen puheeksi ottamisesta. Vastuu: Hyria \
ja Validia Ammattiopisto. **12.5.2027**
10. **Runko hyväksytään** koulutuksen järjestäjien ohjausryhmissä, ja oppilaitokset \
päivittävät suunnitelmansa sen mukaan. **26.5.2027**; käyttöön lukuvuoden \
2027–2028 alusta."""

RESOURCING = """\
- **Yhteisöllisen työn osuus:** kuraattorit ja psykologit tekevät vähintään **30 %** \
työajastaan yhteisöllistä työtä ja terveydenhoitajat vähintään **15 %**. Osuudet \
kirjataan hyvinvointialueen ja kunkin koulutuksen järjestäjän \
yhteistyösopimukseen, ja niiden toteutumista seurataan lukukausittain.
- **Alueellinen koordinaattori:** hyvinvointialue ja koulutuksen järjestäjät \
palkkaavat yhdessä alueellisen opiskeluhuollon koordinaattorin (kokoaikainen) \
1.3.2027–31.12.2028. Kustannukset jaetaan puoliksi: hyvinvointialue 50 % ja \
koulutuksen järjestäjät 50 % opiskelijamääriensä suhteessa.
- **Aikaa suunnitteluun:** kukin oppilaitos ja kunta nimeää yhteistyöryhmään \
edustajan, jolle varataan noin neljä tuntia kuukaudessa.
- **Pysyvyys ja sijaiset:** nimetty kuraattori, psykologi ja terveydenhoitaja \
pysyvät samassa oppilaitoksessa. Hyvinvointialue järjestää sijaisen, jos tehtävä on \
täyttämättä yli kaksi viikkoa, ja vastaa oppilaitosten viesteihin kahden arkipäivän \
kuluessa.
- **Mittarin kehittäminen:** yhteisöllisen työn määrän ja laadun mittari \
kehitetään yhteistyössä yliopiston kanssa; siihen haetaan ulkopuolista rahoitusta \
kevään 2027 aikana."""

PROPOSAL = {
    #: Who drafts and writes (the demo facilitator) and when.
    "by": FACILITATOR,
    "drafted_at": DRAFTED_AT,
    "edited_at": EDITED_AT,
    #: Version 2's own texts; its summary section stays the one the app drafted.
    "sections": {
        "title": TITLE,
        "principles": PRINCIPLES,
        "next_steps": NEXT_STEPS,
        "resourcing": RESOURCING,
    },
}
