"""A labelled Finnish fixture for the quality of the coding suggestions.

Seventy-two comments written for this test as work groups of a regional student
welfare process would write them (curators, psychologists, school nurses, teachers,
municipal staff, leaders): each is labelled with the one theme it is mainly about, by
the theme's position (1..12) in the demo's list (``app.demo.data.THEMES``). Many touch
a second theme too, as real comments do; the label is the main one. The texts avoid
copying the theme titles: participants talk about their own work, not the headings.
"""

from __future__ import annotations

from app.demo.data import THEMES

#: The twelve themes: ``{"fi", "sv", "en"}`` titles, in the demo's order (1-based).
FIXTURE_THEMES: list[dict] = THEMES

#: What a facilitator would write in each theme's description field (the demo's
#: themes had titles only then; app/demo/themes.py now adapts these): the theme's scope in the words of the law and the
#: process's own description. Written to describe the theme, not to echo the
#: comments: no word below was lifted from a particular comment where a general
#: one would do. The tests report precision with and without them.
FIXTURE_DESCRIPTIONS: list[str] = [
    "Alueen oppilaitoksille yhteinen malli opiskeluhuollon suunnitelman rakenteesta "
    "ja sisällöistä, jota kukin oppilaitos soveltaa omaan toimintaansa.",
    "Oppilaitoksen suunnitelman yhteys kuntien ja hyvinvointialueen lasten ja "
    "nuorten hyvinvointisuunnitelmaan ja lastensuojelun kanssa tehtävään "
    "yhteistyöhön.",
    "Tiedon kulku toimijoiden ja koulutusasteiden välillä, salassapito, "
    "opiskeluhuollon kirjaaminen sekä rekisterit ja niiden hallinta.",
    "Yhteisöllinen opiskeluhuolto: koko oppilaitoksen hyvinvointia, osallisuutta ja "
    "turvallisuutta edistävä työ ja ongelmien ehkäisy ennen kuin yksilöllistä tukea "
    "tarvitaan.",
    "Opiskeluhuoltoryhmän ja monialaisten asiantuntijaryhmien kokoonpano, "
    "kokouskäytännöt ja työnjako: kuka vastaa mistäkin.",
    "Kunnan palvelujen ja oppilaitoksen yhteistyö nuorten tukemiseksi sekä "
    "asuinkunnan ja sijaintikunnan vastuut.",
    "Suunnitelman vieminen käytäntöön: miten henkilöstö, opiskelijat ja huoltajat "
    "tuntevat suunnitelman ja miten sen toteutumista seurataan ja arvioidaan.",
    "Opiskelijoiden osallisuus: miten nuoria kuullaan opiskeluhuollon suunnittelussa "
    "ja arvioinnissa ja mitä he toivovat tuelta.",
    "Opettajien ja muun henkilökunnan valmiudet tukea opiskelijoiden hyvinvointia ja "
    "tunnistaa tuen tarve: koulutus, perehdytys ja yhteinen ymmärrys "
    "opiskeluhuollosta.",
    "Johdon rooli: sitoutuminen, päätökset ja resurssit, kehittämistyön vetäminen "
    "sekä eri suunnitelmien ja lakien yhteensovittaminen.",
    "Alueen oppilaitosten ja opiskeluhuollon ammattilaisten yhteistyö yli "
    "organisaatiorajojen: verkostot, yhteiset toimintamallit ja jaetut palvelut.",
    "Opiskeluhuollon ammattilaisten (kuraattorit, psykologit, terveydenhoitajat) "
    "riittävyys, pysyvyys, pätevyys, rekrytointi ja ammattitaito.",
]

#: ``(theme position, comment text)`` pairs, six per theme.
COMMENTS: list[tuple[int, str]] = [
    # 1 A shared regional outline for each institution's welfare plan
    (
        1,
        "Olisi hyvä, jos koko alueella käytettäisiin samaa pohjaa, jonka jokainen "
        "oppilaitos täydentää omilla tiedoillaan. Nyt jokainen kirjoittaa "
        "suunnitelmansa tyhjästä ja lopputulokset ovat keskenään hyvin erilaisia.",
    ),
    (
        1,
        "Ehdotamme yhteistä runkoa, jossa on valmiina otsikot: yhteisöllinen "
        "opiskeluhuolto, yksilökohtainen opiskeluhuolto, yhteistyötahot ja "
        "seuranta. Sisällöt kukin koulutuksen järjestäjä kirjoittaa itse.",
    ),
    (
        1,
        "Mallipohja säästäisi pienten oppilaitosten aikaa. Meillä ei ole resursseja "
        "kirjoittaa laajaa asiakirjaa joka vuosi uudelleen.",
    ),
    (
        1,
        "Toivomme, että alueellinen malli sisältäisi myös valmiita tekstiehdotuksia "
        "esimerkiksi kriisitilanteiden toimintaohjeisiin ja poissaolojen seurantaan. "
        "Niitä voisi sitten muokata oman talon tarpeisiin.",
    ),
    (
        1,
        "Kun opiskelija vaihtaa oppilaitosta alueen sisällä, olisi selkeää, että "
        "asiakirjat noudattaisivat samaa rakennetta ja samoja käsitteitä.",
    ),
    (
        1,
        "Yhteinen pohja kannattaa laatia niin, että lain vaatimat kohdat on merkitty "
        "selvästi ja vapaaehtoiset osiot erikseen. Silloin suunnitelman tarkastaminen "
        "ja päivittäminen on helpompaa.",
    ),
    # 2 Link to the children and young people's wellbeing plan (Child Welfare Act)
    (
        2,
        "Kunnan lasten ja nuorten hyvinvointisuunnitelma ja oppilaitoksen oma "
        "suunnitelma elävät nyt täysin eri maailmoissa. Ne pitäisi kytkeä toisiinsa, "
        "jotta tavoitteet olisivat samansuuntaiset.",
    ),
    (
        2,
        "Lastensuojelulain mukainen suunnitelma laaditaan valtuustokaudeksi, mutta "
        "siinä ei juuri mainita toisen asteen opiskelijoita. Pyydämme, että "
        "ammatillinen koulutus otetaan mukaan sen valmisteluun.",
    ),
    (
        2,
        "Hyvinvointikertomuksen tiedot ja kouluterveyskyselyn tulokset voisivat olla "
        "yhteinen lähtökohta sekä kunnan että oppilaitoksen suunnitelmille.",
    ),
    (
        2,
        "Alaikäisten kohdalla lastensuojelun ja oppilaitoksen yhteistyö pitää kirjata "
        "selvästi: kuka tekee lastensuojeluilmoituksen, kenelle ja miten asiaa "
        "seurataan.",
    ),
    (
        2,
        "Kuntien lapsi- ja nuorisopoliittiset tavoitteet pitäisi näkyä myös "
        "oppilaitosten arjessa. Tällä hetkellä emme edes tiedä, mitä kotikuntien "
        "suunnitelmissa lukee.",
    ),
    (
        2,
        "Monet opiskelijamme asuvat muualla kuin oppilaitoksen sijaintikunnassa, joten "
        "meidän pitäisi tuntea usean kunnan hyvinvointisuunnitelmat. Olisiko "
        "mahdollista koota niistä tiivistelmä lastensuojelun näkökulmasta?",
    ),
    # 3 Flow of information, data protection, registers
    (
        3,
        "Tieto ei siirry peruskoulusta toiselle asteelle, ja tuen tarve selviää vasta "
        "kun opiskelija on jo pudonnut kärryiltä. Nivelvaiheen tiedonsiirtoon "
        "tarvitaan selvä käytäntö.",
    ),
    (
        3,
        "Henkilökunnalla on epävarmuutta siitä, mitä opiskelijasta saa kertoa "
        "kenellekin. Tarvitsemme selkeän ohjeen salassapidosta ja siitä, milloin "
        "opiskelijalta kysytään suostumus.",
    ),
    (
        3,
        "Kuraattorin ja psykologin kirjaamat asiakaskertomukset on säilytettävä "
        "oikeassa rekisterissä. Meillä on ollut epäselvyyttä siitä, kuka on "
        "rekisterinpitäjä hyvinvointialueelle siirtymisen jälkeen.",
    ),
    (
        3,
        "Meiltä puuttuu sähköinen järjestelmä, johon opiskeluhuollon muistiot "
        "kirjataan turvallisesti. Nyt käytetään paperilomakkeita ja sähköpostia, mikä "
        "ei ole tietoturvallista.",
    ),
    (
        3,
        "Opettajat eivät saa tietää, onko opiskelija jo ohjattu eteenpäin, ja samaa "
        "asiaa kysytään monta kertaa. Lyhyt palaute tuen etenemisestä auttaisi, "
        "vaikka yksityiskohtia ei kerrottaisikaan.",
    ),
    (
        3,
        "Wilman viesteissä liikkuu arkaluonteisia terveystietoja, vaikka niiden ei "
        "pitäisi. Henkilötietojen käsittelyn säännöt pitää kerrata kaikkien kanssa.",
    ),
    # 4 Preventive work and community
    (
        4,
        "Yhteisöllinen hyvinvointityö jää helposti yksittäisten tapausten hoitamisen "
        "jalkoihin. Haluaisimme, että aikaa varataan ryhmäytymiseen ja koko "
        "oppilaitoksen ilmapiirin parantamiseen.",
    ),
    (
        4,
        "Ensimmäisen vuoden opiskelijoille järjestetyt ryhmäytymispäivät ovat "
        "vähentäneet keskeyttämisiä. Tällaista toimintaa pitäisi laajentaa kaikille "
        "aloille.",
    ),
    (
        4,
        "Kiusaamisen ehkäisy ja yhteiset pelisäännöt kuuluvat kaikille aikuisille, "
        "ei pelkästään opiskeluhuollon ammattilaisille.",
    ),
    (
        4,
        "Ennen kuin ongelmat kasvavat, nuorella pitäisi olla matala kynnys jutella "
        "jonkun aikuisen kanssa. Välituntitoiminta ja nuorisotyöntekijän läsnäolo "
        "koululla auttavat tässä.",
    ),
    (
        4,
        "Päihdekasvatus, seksuaaliterveys ja mielenterveystaidot pitäisi tuoda "
        "oppitunneille säännöllisesti eikä vasta silloin, kun jotain on jo sattunut.",
    ),
    (
        4,
        "Asuntolassa asuvien nuorten yhteishenkeen kannattaa panostaa: iltaisin moni "
        "on yksin ja ilman tekemistä, ja silloin huolet kasautuvat.",
    ),
    # 5 Organising the student welfare group's work, responsibilities
    (
        5,
        "Opiskeluhuoltoryhmän kokoukset venyvät, koska ei ole sovittu, kuka valmistelee "
        "asiat ja kuka kirjaa. Puheenjohtajan ja sihteerin tehtävät pitäisi määritellä.",
    ),
    (
        5,
        "Meillä sama ryhmä käsittelee sekä koko oppilaitoksen asioita että yksittäisen "
        "opiskelijan asioita, mikä on lain kannalta ongelmallista. Ryhmät pitää "
        "erottaa toisistaan.",
    ),
    (
        5,
        "Ryhmän kokoonpano on liian suuri. Ehdotamme pienempää ydinryhmää ja "
        "tarvittaessa kutsuttavia asiantuntijoita.",
    ),
    (
        5,
        "Kenen tehtävä on ottaa yhteyttä huoltajaan, kun alaikäinen on ollut pitkään "
        "poissa? Vastuunjako opettajan, opinto-ohjaajan ja kuraattorin välillä on "
        "epäselvä.",
    ),
    (
        5,
        "Tapaamisten määrä ja vuosikello kannattaa sopia etukäteen, jotta ryhmä ei "
        "kokoonnu vain kriisien sattuessa.",
    ),
    (
        5,
        "Jokaiselle opiskelijalle, jonka asiaa käsitellään, voitaisiin nimetä "
        "vastuuhenkilö, joka kokoaa tarvittavat ammattilaiset yhteen ja huolehtii "
        "jatkosta.",
    ),
    # 6 Cooperation between the municipality and the institution
    (
        6,
        "Kunnan sosiaalitoimi ja oppilaitos eivät tunne toistensa palveluita. "
        "Yhteiset tapaamiset kerran lukukaudessa auttaisivat paljon.",
    ),
    (
        6,
        "Nuorisopalvelut, etsivä nuorisotyö ja liikuntapalvelut ovat kunnan "
        "voimavaroja, joita oppilaitos voisi hyödyntää paljon nykyistä enemmän.",
    ),
    (
        6,
        "Sijaintikunta ja kotikunta vastaavat eri asioista, ja nuori putoaa helposti "
        "väliin. Tarvitaan sopimus siitä, kumpi kunta järjestää mitäkin.",
    ),
    (
        6,
        "Kaupungin työllisyyspalvelut ja oppilaitoksen työelämäyhteistyö voisivat "
        "tukea keskeyttämisuhan alla olevia nuoria yhdessä.",
    ),
    (
        6,
        "Kunnan edustaja pitäisi kutsua oppilaitoksen kokouksiin vähintään kerran "
        "vuodessa, jotta kaupungin päättäjät tietävät, mitä koulussa tapahtuu.",
    ),
    (
        6,
        "Asuminen ja toimeentulo ovat monelle opiskelijalle suurempi huoli kuin "
        "opinnot. Tiivis yhteys kaupungin asuntotoimeen ja aikuissosiaalityöhön on "
        "tärkeää.",
    ),
    # 7 Making the welfare plan part of everyday work
    (
        7,
        "Suunnitelma on tehty, mutta harva opettaja on lukenut sitä. Se pitäisi "
        "käydä läpi jokaisen lukuvuoden alussa koko henkilöstön kanssa.",
    ),
    (
        7,
        "Asiakirja on liian pitkä ja virallinen. Tiivis muistilista tai kaavio "
        "siitä, mitä teen kun huolestun opiskelijasta, olisi arjessa paljon "
        "käyttökelpoisempi.",
    ),
    (
        7,
        "Suunnitelman toteutumista ei seurata mitenkään. Ehdotamme, että sitä "
        "arvioidaan vuosittain ja päivitetään saadun palautteen perusteella.",
    ),
    (
        7,
        "Opiskelijoille ja huoltajille pitäisi kertoa selkokielellä, mitä paperissa "
        "lukee ja mistä apua käytännössä saa.",
    ),
    (
        7,
        "Hyvät käytännöt jäävät paperille, jos ne eivät näy lukujärjestyksissä ja "
        "työaikasuunnittelussa.",
    ),
    (
        7,
        "Perehdytyskansioon lisätään linkki suunnitelmaan, ja uudet työntekijät "
        "käyvät sen läpi esihenkilön kanssa ensimmäisellä viikolla.",
    ),
    # 8 Hearing the voice of children and young people
    (
        8,
        "Opiskelijakuntaa ei ole kuultu tässä valmistelussa lainkaan. Heille pitää "
        "varata paikka työryhmissä.",
    ),
    (
        8,
        "Nuoret toivovat, että apua saa nopeasti ja ilman jonottamista ja että "
        "samaan ihmiseen voi luottaa koko opintojen ajan.",
    ),
    (
        8,
        "Kysyimme ryhmänohjaustunnilla opiskelijoilta, mitä he odottavat tuelta. "
        "Moni vastasi, ettei tiedä mistä apua haetaan, tai pelkää leimautumista.",
    ),
    (
        8,
        "Palautekysely opiskeluhuollon palveluista pitäisi tehdä vuosittain, ja "
        "tulokset pitäisi käsitellä yhdessä opiskelijoiden kanssa.",
    ),
    (
        8,
        "Täysi-ikäisillä opiskelijoilla on oikeus päättää omista asioistaan. Nuoren "
        "mielipide pitää kirjata ja ottaa todesta.",
    ),
    (
        8,
        "Tukioppilaat ja opiskelijatutorit tietävät usein ennen aikuisia, missä "
        "mennään. Heidän kokemuksiaan kannattaisi kysyä säännöllisesti.",
    ),
    # 9 Strengthening the welfare competence of the institution's staff
    (
        9,
        "Opettajat kaipaavat koulutusta siihen, miten huoli opiskelijan jaksamisesta "
        "otetaan puheeksi.",
    ),
    (
        9,
        "Ammatillisten aineiden opettajilla ei ole taustaa mielenterveyden "
        "tukemiseen. Lyhyet täsmäkoulutukset auttaisivat heitä.",
    ),
    (
        9,
        "Ryhmänohjaajat tarvitsevat tietoa siitä, mitä kuraattori ja psykologi "
        "tekevät, jotta he osaavat ohjata opiskelijan oikeaan paikkaan.",
    ),
    (
        9,
        "Neurokirjon opiskelijoiden kohtaamisesta tarvitaan lisää ymmärrystä koko "
        "henkilökunnalle, myös keittiö- ja siivoushenkilöstölle.",
    ),
    (
        9,
        "Uudet opettajat pitäisi perehdyttää opiskeluhuoltoon ennen kuin he saavat "
        "oman ryhmän.",
    ),
    (
        9,
        "Työnohjaus ja yhteiset koulutuspäivät vahvistaisivat opettajien valmiuksia "
        "kohdata kriisissä olevia nuoria.",
    ),
    # 10 Leadership, integrating plans and legislation, shared will, initiative
    (
        10,
        "Ilman johdon sitoutumista mikään ei muutu. Rehtorin pitää näyttää, että "
        "hyvinvointityö on yhtä tärkeää kuin suoritettujen tutkintojen määrä.",
    ),
    (
        10,
        "Eri lakien ja suunnitelmien vaatimukset ovat päällekkäisiä. Joku tarvitaan "
        "kokoamaan ne yhdeksi kokonaisuudeksi, ettei samaa asiaa suunnitella kolmeen "
        "kertaan.",
    ),
    (
        10,
        "Kehittämistyö tarvitsee vastuullisen vetäjän ja aikataulun, muuten se jää "
        "muiden töiden alle.",
    ),
    (
        10,
        "Johtoryhmän pitäisi käsitellä opiskelijoiden hyvinvointia säännöllisesti ja "
        "päättää resursseista tiedon perusteella.",
    ),
    (
        10,
        "Halua on, mutta aloitteita ei synny, kun kukaan ei koe asiaa omakseen. "
        "Esihenkilöiden tulisi rohkaista henkilöstöä kokeilemaan uutta.",
    ),
    (
        10,
        "Lakiuudistuksen vaikutukset pitäisi arvioida johdon tasolla ajoissa, jotta "
        "muutokseen ehditään valmistautua eikä vasta viime hetkellä.",
    ),
    # 11 Regional professional cooperation
    (
        11,
        "Alueen kuraattorit voisivat muodostaa verkoston, joka tapaa muutaman kerran "
        "vuodessa ja jakaa hyviä käytäntöjä.",
    ),
    (
        11,
        "Oppilaitosten kesken voitaisiin sopia yhteisistä toimintamalleista, ettei "
        "nuoren tarvitse aloittaa alusta, kun hän vaihtaa koulua naapurikuntaan.",
    ),
    (
        11,
        "Pienillä oppilaitoksilla ei ole varaa omaan psykologiin. Yhteinen palvelu "
        "usean oppilaitoksen kesken voisi olla ratkaisu.",
    ),
    (
        11,
        "Keski-Uudenmaan oppilaitosten terveydenhoitajat, psykologit ja "
        "opinto-ohjaajat voisivat järjestää yhteisiä koulutuspäiviä ja konsultoida "
        "toisiaan.",
    ),
    (
        11,
        "Ammattilaisten yhteistyö yli oppilaitosrajojen ei saa jäädä projektin "
        "varaan. Se tarvitsee pysyvän koordinaattorin.",
    ),
    (
        11,
        "Kriisitilanteissa naapurioppilaitoksen kriisiryhmä voisi tulla avuksi. "
        "Tästä kannattaisi tehdä seudullinen sopimus.",
    ),
    # 12 Welfare staff: continuity, qualifications, recruitment, competence
    (
        12,
        "Kuraattorin paikka on ollut meillä täyttämättä puoli vuotta, eikä päteviä "
        "hakijoita ole löytynyt.",
    ),
    (
        12,
        "Psykologit vaihtuvat jatkuvasti, eikä opiskelijalle synny luottamuksellista "
        "suhdetta. Työn jatkuvuus pitäisi turvata vakituisilla viroilla.",
    ),
    (
        12,
        "Terveydenhoitajien mitoitus on liian pieni: yksi hoitaja yli 800 "
        "opiskelijalle ei riitä edes terveystarkastuksiin.",
    ),
    (
        12,
        "Hyvinvointialueen palkkaamat työntekijät eivät aina tunne ammatillisen "
        "koulutuksen arkea. Heidän perehdytykseensä pitäisi kiinnittää huomiota.",
    ),
    (
        12,
        "Kelpoisuusvaatimukset ovat tiukat, ja sijaisia on vaikea saada. Kuraattorin "
        "tehtävään voisi harkita myös muita sosiaalialan koulutuksen saaneita.",
    ),
    (
        12,
        "Kuraattorien ja psykologien täydennyskoulutukseen ja työnohjaukseen "
        "tarvitaan rahaa, jotta he jaksavat työssään.",
    ),
]

#: Comments that speak of no theme: they should get no suggestion at all.
NO_THEME: list[str] = [
    "Kiitos kaikille, palaveri oli antoisa!",
    "Samaa mieltä kuin edellä.",
    "Emme ehtineet käsitellä tätä kysymystä tällä kertaa.",
]
