"""The twelve development themes of the demo, as the second discussion's vote lists them.

Plain data only; ``loader.load_demo`` turns it into rows. The titles are the seed's
own words (in its order); the descriptions say what a facilitator would write in each
theme's description field, in the words of the law and of the process's description
(adapted from ``tests/coding/fixture_fi.FIXTURE_DESCRIPTIONS``), and the keywords are
the words a work group uses for the theme that its title does not contain. Both feed
the coding suggestions and show in the exported memo under each theme's heading.
"""

from __future__ import annotations


def _theme(title: dict, description: dict, keywords: str) -> dict:
    return {"title": title, "description": description, "keywords": keywords}


THEME_SPECS = [
    _theme(
        {
            "fi": "Yhteinen alueellinen runkoehdotus ja sisältöehdotuksia "
            "oppilaitoskohtaisen opiskeluhuollon suunnitelmaan",
            "sv": "Ett gemensamt regionalt ramförslag och innehållsförslag till den "
            "läroanstaltsspecifika planen för studerandevården",
            "en": "A shared regional outline and content proposals for each "
            "institution's student welfare plan",
        },
        {
            "fi": "Alueen oppilaitoksille yhteinen malli opiskeluhuollon suunnitelman "
            "rakenteesta ja sisällöistä, jota kukin oppilaitos soveltaa omaan "
            "toimintaansa.",
            "sv": "En modell för studerandevårdsplanens struktur och innehåll som är "
            "gemensam för regionens läroanstalter och som varje läroanstalt "
            "tillämpar i sin egen verksamhet.",
            "en": "A model for the structure and contents of the student welfare plan, "
            "shared by the region's institutions, which each institution adapts to "
            "its own work.",
        },
        "yhteinen pohja, runko, mallipohja, opiskeluhuoltosuunnitelma, palvelupolku",
    ),
    _theme(
        {
            "fi": "Yhteys lastensuojelulain mukaiseen lasten ja nuorten "
            "hyvinvointisuunnitelmaan",
            "sv": "Kopplingen till planen för barns och ungas välfärd enligt "
            "barnskyddslagen",
            "en": "Link to the children and young people's wellbeing plan under the "
            "Child Welfare Act",
        },
        {
            "fi": "Oppilaitoksen suunnitelman yhteys kuntien ja hyvinvointialueen "
            "lasten ja nuorten hyvinvointisuunnitelmaan ja lastensuojelun kanssa "
            "tehtävään yhteistyöhön.",
            "sv": "Hur läroanstaltens plan hänger ihop med kommunernas och "
            "välfärdsområdets plan för barns och ungas välfärd och med samarbetet "
            "med barnskyddet.",
            "en": "How the institution's plan links to the municipalities' and the "
            "wellbeing services county's plan for children and young people's "
            "wellbeing, and to cooperation with child welfare services.",
        },
        "lastensuojelu, lastensuojeluilmoitus, hyvinvointikertomus, alaikäiset, "
        "valtuustokausi",
    ),
    _theme(
        {
            "fi": "Tiedonkulku, tietosuoja, tietojenkäsittely ja rekisterit",
            "sv": "Informationsflöde, dataskydd, behandling av uppgifter och register",
            "en": "Flow of information, data protection, data processing and registers",
        },
        {
            "fi": "Tiedon kulku toimijoiden ja koulutusasteiden välillä, salassapito, "
            "opiskeluhuollon kirjaaminen sekä rekisterit ja niiden hallinta.",
            "sv": "Informationsflödet mellan aktörerna och mellan utbildningsstadierna, "
            "sekretess, dokumentation inom studerandevården samt register och "
            "förvaltningen av dem.",
            "en": "The flow of information between actors and between levels of "
            "education, confidentiality, record-keeping in student welfare, and "
            "registers and their management.",
        },
        "tiedonsiirto, salassapito, kirjaaminen, suostumus, asiakastietojärjestelmä",
    ),
    _theme(
        {
            "fi": "Ennaltaehkäisevä työ ja yhteisöllisyys",
            "sv": "Förebyggande arbete och gemenskap",
            "en": "Preventive work and community",
        },
        {
            "fi": "Yhteisöllinen opiskeluhuolto: koko oppilaitoksen hyvinvointia, "
            "osallisuutta ja turvallisuutta edistävä työ ja ongelmien ehkäisy ennen "
            "kuin yksilöllistä tukea tarvitaan.",
            "sv": "Gemensam studerandevård: arbete som främjar hela läroanstaltens "
            "välbefinnande, delaktighet och trygghet och som förebygger problem "
            "innan individuellt stöd behövs.",
            "en": "Communal student welfare: work that promotes the wellbeing, "
            "participation and safety of the whole institution and prevents problems "
            "before individual support is needed.",
        },
        "yhteisöllinen työ, ehkäisevä päihdetyö, luokkakäynnit, teemapäivä, "
        "matala kynnys",
    ),
    _theme(
        {
            "fi": "Opiskeluhuoltoryhmän työn organisointi / uudistaminen ja vastuiden "
            "määrittely",
            "sv": "Organisering och förnyelse av studerandevårdsgruppens arbete samt "
            "fastställande av ansvar",
            "en": "Organising and renewing the student welfare group's work and "
            "defining responsibilities",
        },
        {
            "fi": "Opiskeluhuoltoryhmän ja monialaisten asiantuntijaryhmien "
            "kokoonpano, kokouskäytännöt ja työnjako: kuka vastaa mistäkin.",
            "sv": "Sammansättning, mötespraxis och arbetsfördelning i "
            "studerandevårdsgruppen och de sektorsövergripande expertgrupperna: vem "
            "ansvarar för vad.",
            "en": "The make-up, meeting practices and division of work of the student "
            "welfare group and the multidisciplinary expert groups: who is "
            "responsible for what.",
        },
        "opiskeluhuoltoryhmä, asiantuntijaryhmä, työnjako, kokoontuminen, "
        "yhteyshenkilö",
    ),
    _theme(
        {
            "fi": "Yhteistyö kunnan ja oppilaitoksen välillä",
            "sv": "Samarbete mellan kommunen och läroanstalten",
            "en": "Cooperation between the municipality and the institution",
        },
        {
            "fi": "Kunnan palvelujen ja oppilaitoksen yhteistyö nuorten tukemiseksi "
            "sekä asuinkunnan ja sijaintikunnan vastuut.",
            "sv": "Samarbetet mellan kommunens tjänster och läroanstalten för att "
            "stödja de unga, och ansvaret för hemkommunen och för den kommun där "
            "läroanstalten finns.",
            "en": "Cooperation between municipal services and the institution in "
            "supporting young people, and the responsibilities of the home "
            "municipality and of the municipality where the institution is.",
        },
        "asuinkunta, sijaintikunta, sivistystoimi, nuorisotyö, ohjausryhmä",
    ),
    _theme(
        {
            "fi": "Oppilashuollon suunnitelma osaksi arkea",
            "sv": "Elevvårdsplanen som en del av vardagen",
            "en": "Making the pupil welfare plan part of everyday work",
        },
        {
            "fi": "Suunnitelman vieminen käytäntöön: miten henkilöstö, opiskelijat ja "
            "huoltajat tuntevat suunnitelman ja miten sen toteutumista seurataan ja "
            "arvioidaan.",
            "sv": "Att föra ut planen i praktiken: hur personalen, de studerande och "
            "vårdnadshavarna känner till planen och hur dess genomförande följs upp "
            "och utvärderas.",
            "en": "Putting the plan into practice: how staff, students and guardians "
            "know the plan, and how its implementation is followed up and evaluated.",
        },
        "seuranta, arviointi, mittari, vuosikello, toteutuminen",
    ),
    _theme(
        {
            "fi": "Lasten ja nuorten äänen kuuleminen – Mitä he odottavat "
            "hyvinvoinnin tuelta?",
            "sv": "Att höra barns och ungas röst – vad förväntar de sig av stödet för "
            "välbefinnande?",
            "en": "Hearing the voice of children and young people – what do they "
            "expect from wellbeing support?",
        },
        {
            "fi": "Opiskelijoiden osallisuus: miten nuoria kuullaan opiskeluhuollon "
            "suunnittelussa ja arvioinnissa ja mitä he toivovat tuelta.",
            "sv": "De studerandes delaktighet: hur de unga hörs när studerandevården "
            "planeras och utvärderas, och vad de önskar sig av stödet.",
            "en": "Students' participation: how young people are heard in planning "
            "and evaluating student welfare, and what they hope for from support.",
        },
        "opiskelijakunta, osallisuus, opiskelijoiden edustajat, huoltajat, palaute",
    ),
    _theme(
        {
            "fi": "Oppilaitoksen henkilökunnan opiskeluhuollollisen osaamisen "
            "lisääminen",
            "sv": "Att stärka läroanstaltspersonalens kunnande inom studerandevården",
            "en": "Strengthening the student welfare competence of the institution's "
            "staff",
        },
        {
            "fi": "Opettajien ja muun henkilökunnan valmiudet tukea opiskelijoiden "
            "hyvinvointia ja tunnistaa tuen tarve: koulutus, perehdytys ja yhteinen "
            "ymmärrys opiskeluhuollosta.",
            "sv": "Lärarnas och den övriga personalens färdigheter att stödja de "
            "studerandes välbefinnande och känna igen behovet av stöd: utbildning, "
            "introduktion och en gemensam förståelse av studerandevården.",
            "en": "Teachers' and other staff's readiness to support students' "
            "wellbeing and recognise a need for support: training, induction and a "
            "shared understanding of student welfare.",
        },
        "koulutus, perehdytys, huolen puheeksi ottaminen, konsultaatio, opettajat",
    ),
    _theme(
        {
            "fi": "Johtaminen, prosessin johtaminen, erilaisten suunnitelmien ja "
            "lainsäädännön integroiminen, tahtotila, aloitteellisuus",
            "sv": "Ledarskap, processledning, integrering av olika planer och "
            "lagstiftning, viljeinriktning, initiativförmåga",
            "en": "Leadership, process management, integrating the various plans and "
            "legislation, shared will, initiative",
        },
        {
            "fi": "Johdon rooli: sitoutuminen, päätökset ja resurssit, "
            "kehittämistyön vetäminen sekä eri suunnitelmien ja lakien "
            "yhteensovittaminen.",
            "sv": "Ledningens roll: engagemang, beslut och resurser, att leda "
            "utvecklingsarbetet och att samordna olika planer och lagar.",
            "en": "The role of leadership: commitment, decisions and resources, "
            "leading the development work, and fitting the various plans and laws "
            "together.",
        },
        "johto, linjaus, päätökset, toimintakulttuuri, sitoutuminen",
    ),
    _theme(
        {
            "fi": "Alueellinen ammatillinen yhteistyö",
            "sv": "Regionalt professionellt samarbete",
            "en": "Regional professional cooperation",
        },
        {
            "fi": "Alueen oppilaitosten ja opiskeluhuollon ammattilaisten yhteistyö "
            "yli organisaatiorajojen: verkostot, yhteiset toimintamallit ja jaetut "
            "palvelut.",
            "sv": "Samarbete över organisationsgränserna mellan regionens "
            "läroanstalter och yrkespersonerna inom studerandevården: nätverk, "
            "gemensamma verksamhetsmodeller och delade tjänster.",
            "en": "Cooperation across organisational boundaries between the region's "
            "institutions and student welfare professionals: networks, shared ways "
            "of working and shared services.",
        },
        "verkosto, pelisäännöt, yhteistyöneuvottelu, vertaistuki, teemakalenteri, "
        "tilannekuva",
    ),
    _theme(
        {
            "fi": "Opiskelijahuollon henkilöstö, työn jatkuvuus, kelpoisuudet, "
            "rekrytointi, osaaminen",
            "sv": "Studerandevårdens personal, kontinuitet i arbetet, behörighet, "
            "rekrytering, kompetens",
            "en": "Student welfare staff, continuity of work, qualifications, "
            "recruitment, competence",
        },
        {
            "fi": "Opiskeluhuollon ammattilaisten (kuraattorit, psykologit, "
            "terveydenhoitajat) riittävyys, pysyvyys, pätevyys, rekrytointi ja "
            "ammattitaito.",
            "sv": "Om det finns tillräckligt med yrkespersoner inom studerandevården "
            "(kuratorer, psykologer, hälsovårdare) och om deras kontinuitet, "
            "behörighet, rekrytering och yrkesskicklighet.",
            "en": "Whether there are enough student welfare professionals (curators, "
            "psychologists, school nurses), and their continuity, qualifications, "
            "recruitment and professional skills.",
        },
        "kuraattori, psykologi, terveydenhoitaja, jonot, sijaiset, työaika",
    ),
]

#: The titles alone, in order (the ballot and the coding fixture refer to them).
THEMES = [theme["title"] for theme in THEME_SPECS]
